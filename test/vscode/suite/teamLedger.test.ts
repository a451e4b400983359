// The team ledger inside VS Code, on the real PostgreSQL scripts/run-vscode-tests.mjs starts
// (BAAS_TEST_TEAM_LEDGER_URL): Set Team Ledger (after its input box) moves sends and the tree to the
// database, each send with its sender label; the connection string's password is in no log line,
// setting or tree item; a wrong password is refused and nothing is kept; Clear goes back to the file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { CONFIG_SECTION, EXTENSION_ID, SETTINGS } from '../../../src/extension/constants';

const SMS = { kind: 'sms' as const, recipients: [{ phone_number: '010-1234-5678', member_code: 'team' }], message: `[팀] in-host ${Date.now()}`, callback_number: '02-1234-5678' };

describe('team ledger (real PostgreSQL)', function () {
  this.timeout(120_000);
  const url = process.env.BAAS_TEST_TEAM_LEDGER_URL ?? '';
  const password = url ? decodeURIComponent(new URL(url).password) : '';
  let api: BaasSmsExtensionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(CONFIG_SECTION);

  before(async function () {
    if (!url) return this.skip();
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await config().update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.teamSenderLabel, 'in-host tester', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!api) return;
    await api.testing.setTeamLedger(undefined);
    await config().update(SETTINGS.teamSenderLabel, undefined, vscode.ConfigurationTarget.Global);
  });

  it('a wrong password is refused (LEDGER_UNAVAILABLE in the log, password masked) and nothing is kept', async () => {
    const wrong = new URL(url);
    wrong.password = 'not-the-password-0xC0FFEE';
    assert.strictEqual(await api.testing.setTeamLedger(wrong.toString()), false);
    const lines = api.testing.logLines();
    assert.ok(lines.some((l) => l.includes('LEDGER_UNAVAILABLE')), 'the failure is logged');
    assert.deepStrictEqual(lines.filter((l) => l.includes('not-the-password-0xC0FFEE')), []);
    assert.strictEqual(api.historyService.team, false, 'still on the file');
  });

  it('sends go to the team ledger with their sender, the tree shows them, and the password is nowhere', async () => {
    assert.strictEqual(await api.testing.setTeamLedger(url), true);
    assert.strictEqual(api.historyService.team, true);
    const sent = await api.runtime.sendService.send(SMS, { origin: 'test' });
    assert.strictEqual(api.runtime.ledger.get(sent.send_id), undefined, 'not in the file');

    const roots = await api.historyProvider.getChildren();
    const node = roots.find((n) => n.kind === 'send' && n.entry.id === sent.send_id);
    assert.ok(node, 'the send is in the tree, read from PostgreSQL');
    const item = api.historyProvider.getTreeItem(node);
    assert.match(String(item.description), /in-host tester/);

    const treeText = JSON.stringify(roots.map((n) => api.historyProvider.getTreeItem(n)));
    const settingsText = JSON.stringify(Object.values(SETTINGS).map((k) => config().inspect(k)));
    for (const [where, text] of [['log', api.testing.logLines().join('\n')], ['settings', settingsText], ['tree', treeText]] as const) {
      assert.ok(!text.includes(password), `password in the ${where}`);
      assert.ok(!text.includes(url), `connection string in the ${where}`);
    }
  });

  it('Clear Team Ledger goes back to the file', async () => {
    assert.strictEqual(await api.testing.setTeamLedger(undefined), true);
    assert.strictEqual(api.historyService.team, false);
    const sent = await api.runtime.sendService.send({ ...SMS, message: `${SMS.message} file` }, { origin: 'test' });
    assert.ok(api.runtime.ledger.get(sent.send_id), 'in the file again');
  });
});
