// The history's rows read from a real file ledger after real campaign runs (SendService, the
// campaign send loop, the BaaS emulator on 127.0.0.1): a campaign is one row completed from its
// record (open batches, batches older than the page), and one without its record shows what the
// ledger holds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCampaign } from '../../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../../src/campaign/campaignRecord';
import type { CampaignPlan } from '../../../../src/campaign/planTypes';
import { runCampaign } from '../../../../src/campaign/sendLoop';
import { silentLogger } from '../../../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../../../src/core/settings';
import { startEmulator, type BaasEmulator } from '../../../../src/emulator/emulator';
import { CampaignRecords, readRows } from '../../../../src/extension/history/campaignHistory';
import { campaignTotals, type CampaignRow, type HistoryRow } from '../../../../src/extension/history/campaignRows';
import { SendLedger } from '../../../../src/ledger/sendLedger';
import { createSendingRuntime, type SendingRuntime } from '../../../../src/sending/runtime';

const KEY = 'campaign-history-test-key-51c2';
// Three grades, three texts: three batches; 010-0000-0000 is the emulator's number that always fails.
const rows = [
  { 이름: '가', 휴대폰: '010-3100-0001', 등급: 'VIP' }, { 이름: '나', 휴대폰: '010-0000-0000', 등급: 'VIP' },
  { 이름: '다', 휴대폰: '010-3100-0003', 등급: '일반' }, { 이름: '라', 휴대폰: '010-3100-0004', 등급: '일반' },
  { 이름: '마', 휴대폰: '010-3100-0005', 등급: '신규' },
];

describe('history rows from a file ledger after campaign runs (emulator)', function () {
  this.timeout(30_000);
  let emulator: BaasEmulator;
  let dir: string;
  let runtime: SendingRuntime;
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset();
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-history-'));
    const settings: SendingSettings = { ...defaultSendingSettings('en'), baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' };
    runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(KEY), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
    await runtime.engine.open();
  });
  afterEach(async () => {
    await runtime.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(recordDir: string): Promise<{ plan: CampaignPlan; record: CampaignRecord }> {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    assert.equal(plan.ready, true, JSON.stringify(plan.refusals));
    assert.equal(plan.batch_count, 3);
    const record = CampaignRecord.create(recordDir, { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan });
    return { plan, record };
  }
  const run = (plan: CampaignPlan, record: CampaignRecord, signal?: AbortSignal, onProgress?: () => void): ReturnType<typeof runCampaign> =>
    runCampaign(plan, { sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 0, signal, onProgress });
  const campaignOf = (row: HistoryRow | undefined): CampaignRow => (row?.kind === 'campaign' ? row.campaign : assert.fail(`not a campaign row: ${row?.kind}`));
  async function refreshDeliveries(): Promise<void> {
    await runtime.sendService.refreshOpenGroups((await runtime.engine.list({ limit: 100 })).entries);
  }

  it('a cancelled campaign is one row with its open batches from the record; resumed, it gathers batches from past the page', async () => {
    const records = new CampaignRecords(runtime.engine.file);
    const { plan, record } = await start(campaignsDir(runtime.engine.file));
    const controller = new AbortController();
    await run(plan, record, controller.signal, () => controller.abort());
    await refreshDeliveries();

    const first = await readRows(runtime.engine, records, 50);
    assert.equal(first.rows.length, 1);
    const cancelled = campaignOf(first.rows[0]);
    assert.equal(cancelled.campaignId, plan.campaign_id);
    assert.deepEqual(cancelled.batches.map((b) => `${b.index}:${b.state}`), ['1:sent', '2:open', '3:open']);
    assert.equal(cancelled.info?.batchCount, 3);
    assert.equal(cancelled.info?.startedBy, 'tester');
    assert.deepEqual(records.plannedRecipients(plan.campaign_id, 2).map((r) => r.phone_number), plan.batches[1].recipients.map((r) => r.phone_number));

    // 99 single sends after batch 1, then the rest: batch 1 lies past the first ledger page.
    const other = new SendLedger(runtime.engine.file);
    for (let i = 0; i < 99; i++) {
      const single = other.recordPending({
        kind: 'sms', message_type: 'SMS', project_id: 'p', sandbox: false, origin: 'command', recipients: [{ phone_number: '010-4444-5555', member_code: 'x' }],
        message: `single ${i}`, callback_number: '02-1234-5678', message_bytes: 8, estimated_cost_krw: 9.9, idempotency_key: `single-${i}`,
      });
      other.recordOutcome(single.id, { outcome: 'failed', error: { code: 'NETWORK_ERROR', message: 'stand-in failure' } });
    }
    await run(plan, record);
    await refreshDeliveries();

    const page = await readRows(runtime.engine, records, 2);
    assert.equal(page.has_more, true);
    assert.deepEqual(page.rows.map((r) => r.kind), ['campaign', 'send']);
    const resumed = campaignOf(page.rows[0]);
    assert.deepEqual(resumed.batches.map((b) => `${b.index}:${b.state}`), ['1:sent', '2:sent', '3:sent'], 'batch 1 found by its claim');
    const totals = campaignTotals(resumed);
    assert.deepEqual([totals.delivered, totals.failed, totals.sending, totals.batchesSent, totals.batchesTotal], [4, 1, 0, 3, 3]);

    const all = await readRows(runtime.engine, records, 500);
    assert.equal(all.has_more, false);
    assert.equal(all.rows.length, 100, '99 sends and one campaign');
    assert.deepEqual(campaignTotals(campaignOf(all.rows[0])), totals);
  });

  it('a campaign whose record is not on this machine groups by its id with what the ledger holds', async () => {
    const { plan, record } = await start(campaignsDir(path.join(dir, 'another-machine', 'ledger.jsonl')));
    await run(plan, record);
    await refreshDeliveries();
    const { rows: shown } = await readRows(runtime.engine, new CampaignRecords(runtime.engine.file), 50);
    const campaign = campaignOf(shown[0]);
    assert.equal(shown.length, 1);
    assert.equal(campaign.info, undefined);
    assert.deepEqual(campaign.batches.map((b) => `${b.index}:${b.state}`), ['1:sent', '2:sent', '3:sent']);
    assert.equal(campaignTotals(campaign).failed, 1);
  });
  it('a batch whose run died after its claim shows as to check once the ledger\'s key hold has passed, as resume reads it', async () => {
    const records = new CampaignRecords(runtime.engine.file);
    const { plan, record } = await start(campaignsDir(runtime.engine.file));
    const controller = new AbortController();
    await run(plan, record, controller.signal, () => controller.abort());
    // Batch 2's run "died" two days ago after its claim event; batch 3's a moment ago (the ledger still answers for it).
    record.append({ t: 'claim', at: new Date(Date.now() - 2 * 24 * 60 * 60_000).toISOString(), index: 2 });
    record.append({ t: 'claim', at: new Date().toISOString(), index: 3 });
    const { rows: shown } = await readRows(runtime.engine, records, 50);
    assert.deepEqual(campaignOf(shown[0]).batches.map((b) => `${b.index}:${b.state}`), ['1:sent', '2:unknown', '3:open']);
  });
});
