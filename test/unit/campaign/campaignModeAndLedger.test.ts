// A campaign keeps what it was confirmed with: the mode (a sandbox switch during a long run must not
// send its remaining batches paid and unasked, nor "send" them to the sandbox and count them sent),
// and the ledger that holds its claims (a run killed mid-batch, resumed on another ledger, must not
// take that ledger's silence for "never sent").
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchViews } from '../../../src/campaign/batchStates';
import { planCampaign } from '../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../src/campaign/campaignRecord';
import { runCampaign } from '../../../src/campaign/sendLoop';
import { silentLogger } from '../../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../../src/core/settings';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { createSendingRuntime, type SendingRuntime } from '../../../src/sending/runtime';

const KEY = 'campaign-mode-test-key-7d1e';
const rows = Array.from({ length: 30 }, (_, i) => ({ 휴대폰: `010-5100-${String(i).padStart(4, '0')}`, 등급: ['VIP', '일반', '신규'][i % 3] }));

describe('campaign: the confirmed mode and ledger hold for the whole run (file ledger, emulator)', function () {
  this.timeout(30_000);
  let emulator: BaasEmulator;
  let dir: string;
  let sandbox = false;
  const runtimes: SendingRuntime[] = [];
  const settings = (): SendingSettings => ({ ...defaultSendingSettings('en'), sandbox, baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' });
  const newRuntime = async (file = 'ledger.jsonl'): Promise<SendingRuntime> => {
    const runtime = createSendingRuntime({ settings, apiKey: () => Promise.resolve(KEY), ledgerFile: path.join(dir, file), logger: silentLogger });
    runtimes.push(runtime);
    await runtime.engine.open();
    return runtime;
  };
  const plan = () => planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-mode-'));
    sandbox = false;
  });
  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a live campaign whose window switches to the sandbox stops, sends nothing to the sandbox, and resumes live exactly once', async () => {
    const p = await plan();
    assert.equal(p.batches.length, 3);
    const runtime = await newRuntime();
    const record = CampaignRecord.create(campaignsDir(runtime.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan: p });
    const stopped = await runCampaign(p, { sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 0, onProgress: (pr) => { if (pr.batch.index === 1) sandbox = true; } });
    assert.equal(stopped.stop, 'error');
    assert.deepEqual(p.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 0, 0]);
    const { entries } = await runtime.engine.list({ limit: 10 });
    assert.equal(entries.filter((e) => e.sandbox).length, 0, 'no batch went to the sandbox');
    assert.equal(stopped.counts.batches.failed, 1, 'the refused batch is failed (not sent), so resume sends it');

    sandbox = false;
    const resumed = await runCampaign(p, { sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 0 });
    assert.equal(resumed.stop, 'done');
    assert.deepEqual(p.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [1, 1, 1]);
  });

  it('a sandbox campaign is refused live: nothing reaches the API', async () => {
    const p = await plan();
    sandbox = false;
    const runtime = await newRuntime();
    const record = CampaignRecord.create(campaignsDir(runtime.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: true, pace_ms: 0, plan: p });
    const result = await runCampaign(p, { sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 0 });
    assert.equal(result.stop, 'error');
    assert.deepEqual(p.batches.map((b) => emulator.commitsFor(b.idempotency_key)), [0, 0, 0]);
  });

  it('a batch caught between its claim and its outcome stays unknown when resumed on another ledger, open on the same one', async () => {
    const p = await plan();
    const first = await newRuntime('a/ledger.jsonl');
    const record = CampaignRecord.create(campaignsDir(first.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: false, pace_ms: 0, plan: p });
    record.append({ t: 'claim', at: new Date().toISOString(), index: 1, ledger: `${first.engine.kind}:${first.engine.location}` });
    const same = await batchViews(first.engine, p.batches, record.events());
    assert.equal(same[0].state, 'open', 'the same ledger has no claim: never reserved, never sent');
    const other = await newRuntime('b/ledger.jsonl');
    const elsewhere = await batchViews(other.engine, p.batches, record.events());
    assert.equal(elsewhere[0].state, 'unknown', 'another ledger cannot say it was never sent');
    assert.deepEqual(elsewhere.slice(1).map((v) => v.state), ['open', 'open']);
  });
});
