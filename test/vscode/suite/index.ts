// extensionTestsPath for the in-host suite: the same run() contract as @vscode/test-electron, so
// code-server (scripts/run-vscode-tests.mjs) and desktop VS Code (test/vscode/run-electron.mjs) load it.
// Every `*.test.js` next to this file after the build (from test/vscode/suite/**/*.test.ts) is run.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? findTestFiles(path.join(dir, e.name)) : /\.test\.js$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

/**
 * Runs the suite; resolves when every test passed, rejects otherwise (the host then exits 1).
 * Both mocha UIs work: `describe/it` (as in test/unit) and `suite/test`. BAAS_VSCODE_GREP filters by title.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  Mocha.interfaces.tdd(mocha.suite); // also define suite/test/suiteSetup for files written in tdd style
  if (process.env.BAAS_VSCODE_GREP) mocha.grep(process.env.BAAS_VSCODE_GREP);
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  // The runner prints the extension host's console between these markers.
  console.log('@@TESTS-BEGIN@@');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log('@@TESTS-END@@');
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed.`));
      else resolve();
    });
  });
}
