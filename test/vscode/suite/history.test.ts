// The history tree follows the ledger file, not only this window's own sends: a send another process
// writes to the same file (another window, the standalone server) appears within seconds.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { EXTENSION_ID } from '../../../src/extension/constants';
import { SendLedger } from '../../../src/ledger/sendLedger';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the history tree', function () {
  this.timeout(60_000);
  let api: BaasSmsExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
  });

  it('shows a send that another writer of the ledger file recorded', async () => {
    // Nothing else may redraw the tree meanwhile: no status poll is running.
    for (let waited = 0; waited < 30_000 && api.historyProvider.polling; waited += 200) await sleep(200);
    assert.strictEqual(api.historyProvider.polling, false);
    // A second SendLedger on the same file stands in for another process (its own instance, its own writes).
    const other = new SendLedger(api.runtime.ledger.file);
    const entry = other.recordPending({
      kind: 'sms', message_type: 'SMS', project_id: '00000000-0000-4000-8000-000000000000', sandbox: true, origin: 'command',
      recipients: [{ phone_number: '010-4444-5555', member_code: 'other-process' }], message: 'from another process',
      callback_number: '02-1234-5678', message_bytes: 21, estimated_cost_krw: 9.9, idempotency_key: `other-${Date.now()}`,
    });
    other.recordOutcome(entry.id, { outcome: 'failed', error: { code: 'NETWORK_ERROR', message: 'stand-in failure' } });
    let changed = 0;
    const subscription = api.historyProvider.onDidChangeTreeData(() => changed++);
    try {
      for (let waited = 0; waited < 10_000 && changed === 0; waited += 100) await sleep(100);
      assert.ok(changed > 0, 'the tree was told to redraw');
      const node = api.historyProvider.getChildren().find((n) => n.kind === 'send' && n.entry.id === entry.id);
      assert.ok(node, 'the other writer\'s send is in the tree');
      assert.strictEqual(String(api.historyProvider.getTreeItem(node).description), 'not sent: NETWORK_ERROR · sandbox');
    } finally {
      subscription.dispose();
    }
  });
});
