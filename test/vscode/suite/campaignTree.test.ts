// The campaign in the history tree, in the extension host: a small sandbox campaign planned from a
// CSV file and sent through the extension's own send service and ledger (the library pieces the
// campaign command uses) is one node with its batches, its delivery counts turn final by the
// history's own polling, and single sends still show as before.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { planCampaign } from '../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../src/campaign/campaignRecord';
import { runCampaign } from '../../../src/campaign/sendLoop';
import { defaultSendingSettings } from '../../../src/core/settings';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { CONFIG_SECTION, EXTENSION_ID, SETTINGS, TREE_ITEM_CONTEXT } from '../../../src/extension/constants';
import type { HistoryNode } from '../../../src/extension/history/historyTreeProvider';

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  for (const end = Date.now() + ms; ;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

// Three grades, three texts: three batches. 010-0000-0000 is the sandbox's number that always fails.
const CSV = '이름,휴대폰,등급\n가,010-3200-0001,VIP\n나,010-0000-0000,VIP\n다,010-3200-0003,일반\n라,010-3200-0004,일반\n마,010-3200-0005,신규\n';

describe('the campaign in the history tree (sandbox)', function () {
  this.timeout(90_000);
  let api: BaasSmsExtensionApi;
  let dir: string;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(CONFIG_SECTION);

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
    await config().update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.callbackNumber, '02-1234-5678', vscode.ConfigurationTarget.Global);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-campaign-tree-'));
  });

  after(async () => {
    await config().update(SETTINGS.callbackNumber, undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a sent campaign as one node with its batches, counts that turn final, and single sends as before', async () => {
    const single = await api.runtime.sendService.send({
      kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'single' }], message: `single before the campaign ${Date.now()}`, callback_number: '02-1234-5678',
    }, { origin: 'test' });
    const file = path.join(dir, 'customers.csv');
    fs.writeFileSync(file, CSV);
    const plan = await planCampaign({ file }, { message: '#{등급} 고객님, 이번 달 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    assert.strictEqual(plan.ready, true, JSON.stringify(plan.refusals));
    assert.strictEqual(plan.batch_count, 3);
    const record = CampaignRecord.create(campaignsDir(api.runtime.engine.file), {
      started_by: 'in-host test', started_at: new Date().toISOString(), host: os.hostname(), sandbox: true, pace_ms: 0, plan,
    });
    const result = await runCampaign(plan, { sendService: api.runtime.sendService, ledger: api.runtime.engine, record, paceMs: 0 });
    assert.strictEqual(result.stop, 'done');

    const provider = api.historyProvider;
    const campaignNode = async (): Promise<Extract<HistoryNode, { kind: 'campaign' }> | undefined> =>
      (await provider.getChildren()).find((n): n is Extract<HistoryNode, { kind: 'campaign' }> => n.kind === 'campaign' && n.campaignId === plan.campaign_id);
    const roots = await provider.getChildren();
    assert.strictEqual(roots.filter((n) => n.kind === 'send' && n.entry.campaign_id === plan.campaign_id).length, 0, 'no batch is a top-level send');
    assert.strictEqual(roots[0].kind, 'campaign', 'the newest row is the campaign');
    assert.ok(roots.some((n) => n.kind === 'send' && n.entry.id === single.send_id), 'the single send is still its own node');
    const first = provider.getTreeItem((await campaignNode())!);
    assert.strictEqual(first.contextValue, TREE_ITEM_CONTEXT.campaign);
    assert.match(labelOf(first), /Campaign · customers\.csv$/);
    console.log(`campaign right after sending: ${labelOf(first)} | ${String(first.description)}`);

    // The history's own poller asks for the batches' delivery: the node turns final without a refresh command.
    const final = await waitFor('the campaign\'s delivery to be final', async () => {
      const node = await campaignNode();
      const item = node && provider.getTreeItem(node);
      return item && String(item.description).startsWith('delivered 4 · failed 1 · sending 0') ? { node, item } : undefined;
    }, 60_000);
    console.log(`campaign after polling: ${labelOf(final.item)} | ${String(final.item.description)}`);
    assert.strictEqual(String(final.item.description), 'delivered 4 · failed 1 · sending 0 · 3/3 batches sent · sandbox');
    assert.ok(final.item.tooltip instanceof vscode.MarkdownString);
    assert.match(final.item.tooltip.value, /Started by in\\-host test/);

    const batches = await provider.getChildren(final.node);
    assert.deepStrictEqual(batches.map((b) => (b.kind === 'batch' ? b.batch.index : b.kind)), [1, 2, 3]);
    const batchItems = batches.map((b) => provider.getTreeItem(b));
    assert.deepStrictEqual(batchItems.map((i) => i.label), ['Batch 1', 'Batch 2', 'Batch 3']);
    assert.ok(batchItems.every((i) => i.contextValue === TREE_ITEM_CONTEXT.group), 'each sent batch has its group actions');
    const vip = batches.find((b) => b.kind === 'batch' && b.batch.recipients === 2 && b.entry?.recipients.some((r) => r.phone_number === '010-0000-0000'));
    assert.ok(vip, 'the VIP batch holds the failing number');
    const recipients = (await provider.getChildren(vip)).map((r) => provider.getTreeItem(r));
    assert.deepStrictEqual(recipients.map((r) => [r.label, String(r.description).split(' · ')[0]]).sort(), [['010-****-0000', '실패'], ['010-****-0001', '성공']]);
  });
});
