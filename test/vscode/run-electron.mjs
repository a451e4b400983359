// `npm run test:electron`: the same in-host suite (test/vscode/suite) in DESKTOP VS Code through
// @vscode/test-electron's runTests. It downloads VS Code, so it needs a machine that can reach the
// VS Code download hosts (these sandboxes cannot: use `npm run test:vscode`, which runs code-server).
// Env: VSCODE_VERSION (default "stable"), BAAS_LANG, BAAS_VSCODE_GREP. Linux without a display: run under xvfb-run.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, repoRoot, suiteEntry } from './build-suite.mjs';
import { mcpServerName } from './mcpServerName.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-electron-'));
const agent = path.join(repoRoot, 'test', 'vscode', 'fixtures', 'scripted-agent');
let code = 1;
try {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('node esbuild.mjs failed');
  await buildSuite();
  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    // The scripted agent loads as a second development extension; stable VS Code gives it its
    // proposed API (defaultChatParticipant) only through --enable-proposed-api.
    extensionDevelopmentPath: [repoRoot, agent],
    extensionTestsPath: suiteEntry,
    extensionTestsEnv: {
      BAAS_LEDGER_FILE: path.join(tmp, 'ledger.jsonl'),
      BAAS_LANG: process.env.BAAS_LANG || 'en',
      BAAS_TEST_MCP_SERVER_NAME: mcpServerName(repoRoot),
      BAAS_VSCODE_GREP: process.env.BAAS_VSCODE_GREP || '',
    },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; development extensions still load
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--enable-proposed-api', 'baas-test.baas-test-scripted-agent',
      '--user-data-dir', path.join(tmp, 'user-data'),
    ],
  });
  code = 0;
} catch (e) {
  console.error(`[test:electron] ${e.message}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
