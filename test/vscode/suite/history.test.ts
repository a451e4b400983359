// The history tree follows the ledger file, not only this window's own sends: a send another process
// writes to the same file (another window, the standalone server) appears within seconds. Long
// histories come a page at a time.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { EXTENSION_ID } from '../../../src/extension/constants';
import { SendLedger } from '../../../src/ledger/sendLedger';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Records a send that failed before reaching the server (no group, so nothing polls it). */
function recordFailedSend(ledger: SendLedger, text: string): string {
  const entry = ledger.recordPending({
    kind: 'sms', message_type: 'SMS', project_id: '00000000-0000-4000-8000-000000000000', sandbox: true, origin: 'command',
    recipients: [{ phone_number: '010-4444-5555', member_code: 'other-process' }], message: text,
    callback_number: '02-1234-5678', message_bytes: text.length, estimated_cost_krw: 9.9, idempotency_key: `${text}-${Date.now()}`,
  });
  ledger.recordOutcome(entry.id, { outcome: 'failed', error: { code: 'NETWORK_ERROR', message: 'stand-in failure' } });
  return entry.id;
}

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
    for (let waited = 0; waited < 30_000 && api.historyService.polling; waited += 200) await sleep(200);
    assert.strictEqual(api.historyService.polling, false);
    // A second SendLedger on the same file stands in for another process (its own instance, its own writes).
    const other = new SendLedger(api.runtime.ledger.file);
    const id = recordFailedSend(other, 'from another process');
    let changed = 0;
    const subscription = api.historyProvider.onDidChangeTreeData(() => changed++);
    try {
      for (let waited = 0; waited < 10_000 && changed === 0; waited += 100) await sleep(100);
      assert.ok(changed > 0, 'the tree was told to redraw');
      const node = (await api.historyProvider.getChildren()).find((n) => n.kind === 'send' && n.entry.id === id);
      assert.ok(node, 'the other writer\'s send is in the tree');
      assert.strictEqual(String(api.historyProvider.getTreeItem(node).description), 'not sent: NETWORK_ERROR · sandbox');
    } finally {
      subscription.dispose();
    }
  });

  it('shows 50 sends at a time, with "Load more…" while there are more', async () => {
    const writer = new SendLedger(api.runtime.ledger.file);
    // Single sends only: a campaign's batches make one row between them (test/vscode/suite/campaignTree.test.ts).
    const total = api.runtime.ledger.list({ limit: 100 }).entries.filter((e) => !e.campaign_id).length;
    for (let i = total; i < 60; i++) recordFailedSend(writer, `paging ${i}`);
    const provider = api.historyProvider;
    const first = await provider.getChildren();
    assert.strictEqual(first.length, 51);
    assert.deepStrictEqual(first.slice(-1).map((n) => n.kind), ['loadMore']);
    assert.strictEqual(provider.getTreeItem(first[50]).command?.command, 'baasSms.history.loadMore');
    provider.loadMore();
    const all = await provider.getChildren();
    assert.strictEqual(all.filter((n) => n.kind === 'send').length, Math.max(total, 60));
    assert.ok(!all.some((n) => n.kind === 'loadMore'));
  });
});
