// Generic checks of the manifest against the running extension: it activates, and every command,
// view, menu entry and setting that package.json contributes is really there in VS Code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

interface Manifest {
  publisher: string;
  name: string;
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; title: string }[];
    views?: Record<string, { id: string; name: string; type?: string }[]>;
    menus?: Record<string, { command?: string; submenu?: string }[]>;
    configuration?: { properties?: Record<string, { default?: unknown }> } | { properties?: Record<string, { default?: unknown }> }[];
  };
}

/** The extension's own package.json: the first one above the compiled test file (out/test/vscode/suite). */
function readManifest(): Manifest {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

const manifest = readManifest();
const extensionId = `${manifest.publisher}.${manifest.name}`;
const contributes = manifest.contributes ?? {};

describe(`manifest of ${extensionId} inside a real VS Code`, () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(extensionId);
    assert.ok(found, `extension ${extensionId} is not loaded`);
    extension = found;
    await extension.activate();
    console.log(`vscode ${vscode.version}, app ${vscode.env.appName}, uiKind ${vscode.env.uiKind}, remote ${vscode.env.remoteName ?? '-'}`);
  });

  it('activates', () => {
    assert.strictEqual(extension.isActive, true);
  });

  it('activates on demand only (nothing at startup)', () => {
    const eager = (manifest.activationEvents ?? []).filter((e) => e === '*' || e === 'onStartupFinished');
    assert.deepStrictEqual(eager, []);
  });

  it('registers every command in contributes.commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (contributes.commands ?? []).map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('every menu entry points at a registered command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const dangling = Object.entries(contributes.menus ?? {}).flatMap(([where, entries]) =>
      entries.filter((e) => e.command && !registered.has(e.command)).map((e) => `${where}: ${e.command}`),
    );
    assert.deepStrictEqual(dangling, []);
  });

  it('every contributed view can be opened (its .focus command exists and runs)', async () => {
    const views = Object.values(contributes.views ?? {}).flat();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const view of views) {
      assert.ok(registered.has(`${view.id}.focus`), `no ${view.id}.focus command`);
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
  });

  it('every setting is known to VS Code with the default package.json declares', () => {
    const blocks = [contributes.configuration ?? []].flat();
    const props = blocks.flatMap((b) => Object.entries(b.properties ?? {}));
    for (const [key, schema] of props) {
      const inspected = vscode.workspace.getConfiguration().inspect(key);
      assert.ok(inspected, `setting ${key} is unknown`);
      // Without a declared default VS Code derives one from the type: nothing to compare then.
      if ('default' in schema) assert.deepStrictEqual(inspected.defaultValue, schema.default, `default of ${key}`);
    }
  });
});
