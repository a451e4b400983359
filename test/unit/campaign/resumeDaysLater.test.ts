// A campaign resumed days after it stopped: the file engine's claim index covers only the last day,
// so the ledger alone no longer shows the batches sent back then. The campaign's own record does, and
// those batches must stay sent, never go out again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCampaign } from '../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../src/campaign/campaignRecord';
import { runCampaign } from '../../../src/campaign/sendLoop';
import { silentLogger } from '../../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../../src/core/settings';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { createSendingRuntime, type SendingRuntime } from '../../../src/sending/runtime';

const KEY = 'campaign-days-later-key-51c2';
const DAYS_MS = 3 * 24 * 60 * 60_000;
const rows = Array.from({ length: 40 }, (_, i) => ({ 휴대폰: `010-5000-${String(i).padStart(4, '0')}`, 등급: ['VIP', '일반', '신규', '휴면'][i % 4] }));

/** Moves every time in the ledger file `ms` into the past, as if its sends were made that long ago. */
function ageLedger(file: string, ms: number): void {
  const shift = (iso: unknown): unknown => (typeof iso === 'string' ? new Date(Date.parse(iso) - ms).toISOString() : iso);
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    for (const field of ['created_at', 'completed_at', 'status_checked_at']) if (field in record) record[field] = shift(record[field]);
    return JSON.stringify(record);
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('campaign resumed days later (file ledger, emulator)', function () {
  this.timeout(30_000);
  let emulator: BaasEmulator;
  let dir: string;
  const runtimes: SendingRuntime[] = [];
  const settings = (): SendingSettings => ({ ...defaultSendingSettings('en'), baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' });
  const newRuntime = async (): Promise<SendingRuntime> => {
    const runtime = createSendingRuntime({ settings, apiKey: () => Promise.resolve(KEY), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
    runtimes.push(runtime);
    await runtime.engine.open();
    return runtime;
  };
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-later-')); });
  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends only the batches never sent, though the ledger\'s claims of the others are three days old', async () => {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    assert.deepEqual(plan.batches.map((b) => b.recipients.length), [10, 10, 10, 10]);
    const first = await newRuntime();
    const record = CampaignRecord.create(campaignsDir(first.engine.file), { started_by: 'tester', started_at: new Date(Date.now() - DAYS_MS).toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan });
    const controller = new AbortController();
    const stopped = await runCampaign(plan, { sendService: first.sendService, ledger: first.engine, record, paceMs: 0, signal: controller.signal, onProgress: (p) => p.batch.index === 2 && controller.abort() });
    assert.equal(stopped.stop, 'cancelled');
    await first.dispose();
    ageLedger(first.engine.file, DAYS_MS);

    const later = await newRuntime();
    const resumed = await runCampaign(plan, { sendService: later.sendService, ledger: later.engine, record: CampaignRecord.open(campaignsDir(later.engine.file), plan.campaign_id), paceMs: 0 });
    assert.equal(resumed.stop, 'done');
    assert.equal(resumed.sentThisRun, 2);
    assert.deepEqual(plan.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 1, 1, 1], 'each batch reached the API exactly once');
    assert.equal(resumed.counts.batches.sent, 4);
  });
  /** Rewrites the campaign's events as if the run died after `index`'s claim event, `ms` ago, before its outcome. */
  function killedAfterClaim(ledgerFile: string, campaignId: string, index: number, ms: number): void {
    const file = path.join(campaignsDir(ledgerFile), `${campaignId}.events.jsonl`);
    const events = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { t: string; index?: number; at: string });
    const cut = events.findIndex((e) => e.t === 'batch' && e.index === index);
    assert.ok(cut > 0 && events[cut - 1].t === 'claim' && events[cut - 1].index === index, 'each batch outcome follows its claim event');
    const kept = events.slice(0, cut).map((e) => ({ ...e, at: new Date(Date.parse(e.at) - ms).toISOString() }));
    writeFileSync(file, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  it('killed after a batch\'s request, resumed three days later: that batch is unknown, never sent again', async () => {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    const first = await newRuntime();
    const record = CampaignRecord.create(campaignsDir(first.engine.file), { started_by: 'tester', started_at: new Date(Date.now() - DAYS_MS).toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan });
    const controller = new AbortController();
    await runCampaign(plan, { sendService: first.sendService, ledger: first.engine, record, paceMs: 0, signal: controller.signal, onProgress: (p) => p.batch.index === 2 && controller.abort() });
    await first.dispose();
    // Batch 2 reached the API, but the run "died" before writing its outcome; all of it three days ago.
    killedAfterClaim(first.engine.file, plan.campaign_id, 2, DAYS_MS);
    ageLedger(first.engine.file, DAYS_MS);

    const later = await newRuntime();
    const resumed = await runCampaign(plan, { sendService: later.sendService, ledger: later.engine, record: CampaignRecord.open(campaignsDir(later.engine.file), plan.campaign_id), paceMs: 0 });
    assert.deepEqual(plan.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 1, 1, 1], 'each batch reached the API exactly once');
    assert.deepEqual(resumed.unknown.map((v) => v.batch.index), [2], 'the batch caught between claim and outcome is listed to check');
    assert.equal(resumed.counts.batches.sent, 3);
  });

  it('killed after a batch\'s claim event but before its claim in the ledger, resumed at once: the ledger says unsent, so it is sent', async () => {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    const first = await newRuntime();
    const record = CampaignRecord.create(campaignsDir(first.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan });
    const controller = new AbortController();
    await runCampaign(plan, { sendService: first.sendService, ledger: first.engine, record, paceMs: 0, signal: controller.signal, onProgress: (p) => p.batch.index === 1 && controller.abort() });
    record.append({ t: 'claim', at: new Date().toISOString(), index: 2 });
    await first.dispose();

    const later = await newRuntime();
    const resumed = await runCampaign(plan, { sendService: later.sendService, ledger: later.engine, record: CampaignRecord.open(campaignsDir(later.engine.file), plan.campaign_id), paceMs: 0 });
    assert.equal(resumed.stop, 'done');
    assert.deepEqual(plan.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 1, 1, 1]);
  });
});
