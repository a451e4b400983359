// Palette commands that run without typing: Toggle Sandbox with an explicit mode, Insert Integration
// Snippet with a template id, Refresh History; and the history tree's paging item.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { COMMANDS, CONFIG_SECTION, EXTENSION_ID, SETTINGS } from '../../../src/extension/constants';

describe('BaaS SMS commands', () => {
  let api: BaasSmsExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
  });

  it('Toggle Sandbox sets the mode it is given, and flips it without one', async () => {
    const sandbox = (): boolean | undefined => vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>(SETTINGS.sandbox);
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.toggleSandbox, true), true);
    assert.strictEqual(sandbox(), true);
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.toggleSandbox), false);
    assert.strictEqual(sandbox(), false);
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.toggleSandbox), true);
    assert.strictEqual(sandbox(), true);
  });

  it('Insert Integration Snippet opens a file of the template\'s language when no editor is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.insertSnippet, 'node-core-ts'), true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.languageId, 'typescript');
    const text = editor.document.getText();
    assert.match(text, /process\.env\.BAAS_API_KEY/, 'the server module reads the key from the environment');
    assert.doesNotMatch(text, /\$\{\d+:/, 'snippet placeholders were expanded');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Refresh History runs, and the tree offers "Load more" only when there is more', async () => {
    await vscode.commands.executeCommand(COMMANDS.refreshHistory);
    const roots = await api.historyProvider.getChildren();
    const total = api.runtime.ledger.list({ limit: 100 }).entries.length;
    assert.strictEqual(roots.some((n) => n.kind === 'loadMore'), total > 50);
  });
});
