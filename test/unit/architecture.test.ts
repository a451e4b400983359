// The layout rules the design depends on: only src/extension imports `vscode` (the standalone
// command runs the same core), only src/cli touches the console or stdout (stdout is the MCP
// protocol), and the bundled version string is package.json's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../src/core/version';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const files = sourceFiles('src').map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));

describe('architecture', () => {
  it('finds the source tree', () => assert.ok(files.length > 50));

  it('no file under src/ outside src/extension/ imports vscode', () => {
    const offenders = files.filter((f) => !f.file.startsWith('src/extension/') && /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\))/.test(f.text));
    assert.deepEqual(offenders.map((f) => f.file), []);
  });

  it('src/extension/ does import vscode (the check above would notice a rename)', () => {
    assert.ok(files.some((f) => f.file.startsWith('src/extension/') && /from\s+['"]vscode['"]/.test(f.text)));
  });

  it('only src/cli/ writes to the console or stdout', () => {
    // src/templates/ holds code for the user's own app as text; it never runs here.
    const offenders = files.filter((f) => !f.file.startsWith('src/cli/') && !f.file.startsWith('src/templates/') && /\bconsole\.(log|info|warn|error|debug)\(|process\.stdout\.write/.test(f.text));
    assert.deepEqual(offenders.map((f) => f.file), []);
  });

  it('src/extension/ is by feature: at most 12 files at its top', () => {
    const top = readdirSync('src/extension', { withFileTypes: true }).filter((e) => e.isFile());
    assert.ok(top.length <= 12, `${top.length} files: ${top.map((e) => e.name).join(', ')}`);
  });

  it('no file under src/ outside src/templates/ is over 300 lines', () => {
    const long = files.filter((f) => !f.file.startsWith('src/templates/') && f.text.split('\n').length > 300);
    assert.deepEqual(long.map((f) => f.file), []);
  });

  it('scripts/ imports no test file and no test imports scripts/ (shared helpers are in test/support/)', () => {
    const imports = (dir: string) => sourceFiles(dir).map((file) => ({ file, specs: [...readFileSync(file, 'utf8').matchAll(/(?:from|import\(|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1])) }));
    const isTestFile = (target: string) => /\.test(\.ts)?$/.test(target) || target.startsWith(path.resolve('test/unit'));
    const fromScripts = imports('scripts').flatMap(({ file, specs }) => specs.filter(isTestFile).map((s) => `${file} → ${path.relative('.', s)}`));
    const fromTests = imports('test/unit').flatMap(({ file, specs }) => specs.filter((s) => s.startsWith(path.resolve('scripts'))).map((s) => `${file} → ${path.relative('.', s)}`));
    assert.deepEqual([...fromScripts, ...fromTests], []);
  });

  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });
});
