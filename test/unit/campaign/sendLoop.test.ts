// The campaign send loop in process, through the real SendService and file ledger, live against the
// BaaS emulator on 127.0.0.1: order and pace, the campaign's own limit instead of the per-send guard,
// cancel, unknown and failed batches, the night stop, and the audit record.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCampaign } from '../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../src/campaign/campaignRecord';
import type { CampaignPlan } from '../../../src/campaign/planTypes';
import { runCampaign, type CampaignRunOptions } from '../../../src/campaign/sendLoop';
import { silentLogger } from '../../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../../src/core/settings';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { createSendingRuntime, type EngineRuntime, type SendingRuntime } from '../../../src/sending/runtime';
import { postgresDatabase } from '../../support/postgres';

const KEY = 'campaign-loop-test-key-93af';
// 2,500 recipients in two texts: batches of 1,000, 250, 1,000, 250 — far over the per-send guard's
// defaults (100 per send, 10 sends a minute, 1,000 a day), which a campaign's own limit replaces.
const rows = Array.from({ length: 2500 }, (_, i) => ({ 이름: `고객${i}`, 휴대폰: `010-4${String(Math.floor(i / 10_000)).padStart(3, '0')}-${String(i % 10_000).padStart(4, '0')}`, 등급: i < 1250 ? 'VIP' : '일반' }));

describe('campaign send loop (SendService, file ledger, emulator)', function () {
  this.timeout(30_000);
  let emulator: BaasEmulator;
  let dir: string;
  let runtime: SendingRuntime;
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset();
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-loop-'));
    const settings: SendingSettings = { ...defaultSendingSettings('en'), baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' };
    runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(KEY), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
    await runtime.engine.open();
  });
  afterEach(async () => {
    await runtime.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(options: { ad?: boolean; nightConsent?: boolean; now?: Date } = {}): Promise<{ plan: CampaignPlan; record: CampaignRecord }> {
    const message = options.ad ? '(광고) BaaS상점 #{등급} 고객님 봄 세일 안내. 문의 02-1234-5678 무료수신거부 080-123-4567' : '#{등급} 고객님, 이번 달 적립금 소멸 안내입니다.';
    const plan = await planCampaign({ rows }, { message, rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: options.ad ?? false, nightConsent: options.nightConsent, now: options.now, paceMs: 5 });
    assert.equal(plan.ready, true, JSON.stringify(plan.refusals));
    const record = CampaignRecord.create(campaignsDir(runtime.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 5, plan });
    return { plan, record };
  }
  const opts = (record: CampaignRecord, extra: Partial<CampaignRunOptions> = {}): CampaignRunOptions => ({ sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 5, ...extra });
  const keys = (plan: CampaignPlan): number[] => plan.batches.map((b) => emulator.commitsFor(b.idempotency_key));

  it('sends every batch in order at its pace, records the campaign on each send, and a second run sends nothing', async () => {
    const { plan, record } = await start();
    assert.deepEqual(plan.batches.map((b) => b.recipients.length), [1000, 250, 1000, 250]);
    const sleeps: number[] = [];
    const result = await runCampaign(plan, opts(record, { sleep: (ms) => { sleeps.push(ms); return Promise.resolve(); } }));
    assert.equal(result.stop, 'done');
    assert.deepEqual(sleeps, [5, 5, 5]);
    assert.deepEqual(emulator.commits().map((c) => c.idempotency_key), plan.batches.map((b) => b.idempotency_key));
    const { entries } = await runtime.engine.list({ limit: 10 });
    assert.deepEqual(entries.map((e) => e.campaign_id), Array(4).fill(plan.campaign_id));
    const again = await runCampaign(plan, opts(record));
    assert.equal(again.sentThisRun, 0);
    assert.deepEqual(keys(plan), [1, 1, 1, 1]);
    const kinds = record.events().map((e) => (e.t === 'batch' ? `${e.index}:${e.outcome}` : e.t === 'claim' ? `${e.index}:claim` : e.t));
    // Each batch's claim event comes before its request, its outcome after.
    assert.deepEqual(kinds, ['1:claim', '1:sent', '2:claim', '2:sent', '3:claim', '3:sent', '4:claim', '4:sent', 'stop', 'stop']);
  });

  it('cancel stops between batches; resume sends exactly the rest', async () => {
    const { plan, record } = await start();
    const controller = new AbortController();
    const first = await runCampaign(plan, opts(record, { signal: controller.signal, onProgress: (p) => p.batch.index === 1 && controller.abort() }));
    assert.equal(first.stop, 'cancelled');
    assert.deepEqual(keys(plan), [1, 0, 0, 0]);
    const rest = await runCampaign(plan, opts(record));
    assert.equal(rest.stop, 'done');
    assert.equal(rest.sentThisRun, 3);
    assert.deepEqual(keys(plan), [1, 1, 1, 1]);
  });

  it('a batch whose answer was lost is unknown: listed, and never sent again by resume', async () => {
    const { plan, record } = await start();
    const first = await runCampaign(plan, opts(record, { onProgress: (p) => p.batch.index === 1 && emulator.setFaults({ mode: 'drop_after_commit', count: 1 }) }));
    assert.equal(first.stop, 'error');
    assert.deepEqual(first.unknown.map((v) => v.batch.index), [2]);
    const resumed = await runCampaign(plan, opts(record));
    assert.equal(resumed.stop, 'done');
    assert.deepEqual(resumed.unknown.map((v) => v.batch.index), [2]);
    assert.deepEqual(keys(plan), [1, 1, 1, 1], 'batch 2 reached the emulator once, by the first run only');
    assert.equal(resumed.counts.batches.sent, 3);
  });

  it('a batch refused without sending is failed; resume sends it', async () => {
    const { plan, record } = await start();
    emulator.setFaults({ mode: 'status', status: 400, count: 1, errorCode: 'INVALID_PARAMETER', message: 'bad' });
    const first = await runCampaign(plan, opts(record));
    assert.equal(first.stop, 'error');
    assert.equal(first.counts.batches.failed, 1);
    assert.deepEqual(keys(plan), [0, 0, 0, 0]);
    const resumed = await runCampaign(plan, opts(record));
    assert.equal(resumed.stop, 'done');
    assert.deepEqual(keys(plan), [1, 1, 1, 1]);
  });

  it('an advertisement stops at night (21:00–08:00 KST) unless night consent was stated', async () => {
    const night = new Date('2026-11-30T12:30:00Z'); // 21:30 KST
    const { plan, record } = await start({ ad: true, now: night });
    const stopped = await runCampaign(plan, opts(record, { now: () => night }));
    assert.equal(stopped.stop, 'night');
    assert.equal(stopped.resumeAt, '2026-11-30T23:00:00.000Z');
    assert.equal(emulator.commits().length, 0);
    const consented = await start({ ad: true, nightConsent: true, now: night });
    assert.equal((await runCampaign(consented.plan, opts(consented.record, { now: () => night }))).stop, 'done');
  });

  it('stops before a batch that would pass the campaign\'s own limit', async () => {
    const { plan, record } = await start();
    const limited = { ...plan, limit: { max_recipients: 1500 } };
    const result = await runCampaign(limited, opts(record));
    assert.equal(result.stop, 'limit');
    assert.deepEqual(keys(plan), [1, 1, 0, 0]);
  });
});

describe('campaign send loop on the PostgreSQL ledger (real server, emulator)', function () {
  this.timeout(120_000);
  let emulator: BaasEmulator;
  let dir: string;
  let runtime: EngineRuntime;
  before(async () => {
    emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 });
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-pg-'));
    const settings: SendingSettings = { ...defaultSendingSettings('en'), baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' };
    runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(KEY), ledgerFile: path.join(dir, 'ledger.jsonl'), ledgerUrl: await postgresDatabase('campaign_loop'), logger: silentLogger });
    await runtime.engine.open();
  });
  after(async () => {
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the campaign on each send; after an unanswered batch and a cancel, resume sends exactly the rest', async () => {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 이번 달 적립금 소멸 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false });
    const record = CampaignRecord.create(campaignsDir(path.join(dir, 'ledger.jsonl')), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan });
    const base = { sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 0 };
    const first = await runCampaign(plan, { ...base, onProgress: (p) => p.batch.index === 1 && emulator.setFaults({ mode: 'drop_after_commit', count: 1 }) });
    assert.equal(first.stop, 'error');
    const controller = new AbortController();
    const second = await runCampaign(plan, { ...base, signal: controller.signal, onProgress: () => controller.abort() });
    assert.equal(second.stop, 'cancelled');
    const last = await runCampaign(plan, base);
    assert.equal(last.stop, 'done');
    assert.deepEqual(last.unknown.map((v) => v.batch.index), [2]);
    assert.deepEqual(plan.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 1, 1, 1]);
    const { entries } = await runtime.engine.list({ limit: 10 });
    assert.deepEqual(entries.map((e) => e.campaign_id), Array(4).fill(plan.campaign_id));
  });
});
