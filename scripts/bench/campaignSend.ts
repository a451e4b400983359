// The campaign send loop's own cost per batch: a campaign of 1,000-recipient batches run by runCampaign
// (pace 0) through the real SendService and file ledger against the emulator on 127.0.0.1 (answering at
// once), each batch timed from the end of the pause before it; in each pause, the next batch's text
// through SendService.send alone and its request alone through BaasClient. Loop − SendService is the
// loop's own cost (the budget); SendService − request is what the rules and the ledger add. Each is
// also taken in process CPU time (process.cpuUsage), which a busy machine stretches far less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BaasClient } from '../../src/baas/client';
import { planCampaign } from '../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../src/campaign/campaignRecord';
import { runCampaign } from '../../src/campaign/sendLoop';
import { silentLogger } from '../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../src/core/settings';
import { startEmulator } from '../../src/emulator/emulator';
import { createSendingRuntime } from '../../src/sending/runtime';
import { requestSend } from '../../src/sending/sendRequest';
import { msSince, summarize } from './stats';

export interface CampaignSendSample {
  /** Per batch, runCampaign: the loop, SendService (rules, ledger before and after) and the request. */
  loopMs: number[];
  /** Per batch, the same send through SendService.send alone (rules, ledger, request), no loop. */
  serviceMs: number[];
  /** Per batch, the request alone. */
  apiMs: number[];
  /** The same three in process CPU time (user + system, all of the process's threads). */
  loopCpuMs: number[];
  serviceCpuMs: number[];
  apiCpuMs: number[];
}

/** The process's CPU time so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function measureCampaignSend(batches: number): Promise<CampaignSendSample> {
  const key = 'bench-campaign-key';
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-bench-campaign-'));
  const emulator = await startEmulator({ apiKey: key, deliveryDelayMs: 0, recordRequests: false });
  const settings: SendingSettings = { ...defaultSendingSettings('en'), baseUrl: emulator.url, projectId: '123e4567-e89b-42d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678' };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(key), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
  try {
    await runtime.engine.open();
    const rows = Array.from({ length: batches * 1000 }, (_, i) => ({ 휴대폰: `010-${String(1000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`, 지점: `지점${Math.floor(i / 1000)}` }));
    const plan = await planCampaign({ rows }, { message: '#{지점} 고객님, 이번 달 적립금 소멸 안내입니다.', rules: settings.rules, locale: 'en', isAdvertisement: false, maxRecipients: rows.length });
    const record = CampaignRecord.create(campaignsDir(runtime.engine.file), { started_by: 'bench', started_at: new Date().toISOString(), host: 'bench', sandbox: false, pace_ms: 0, plan });
    const client = new BaasClient({ apiKey: key, baseUrl: emulator.url, timeoutMs: settings.timeoutMs, logger: silentLogger });
    const loopMs: number[] = [];
    const serviceMs: number[] = [];
    const apiMs: number[] = [];
    const loopCpuMs: number[] = [];
    const serviceCpuMs: number[] = [];
    const apiCpuMs: number[] = [];
    let next = 0;
    let last = process.hrtime.bigint();
    let lastCpu = cpuMs();
    // Interleaved, so that load from elsewhere and the ledger's growth fall on all three alike: in the
    // loop's pause after each batch, the next batch's text once through SendService and once straight.
    const between = async (): Promise<void> => {
      const batch = plan.batches[Math.min(next, plan.batches.length - 1)];
      const input = { kind: 'sms' as const, recipients: batch.recipients, message: batch.message, callback_number: '' };
      let start = process.hrtime.bigint();
      let startCpu = cpuMs();
      await runtime.sendService.send(input, { origin: 'test', idempotencyKey: `service:${batch.idempotency_key}`, campaign: { id: 'bench' } });
      serviceMs.push(msSince(start));
      serviceCpuMs.push(cpuMs() - startCpu);
      const preview = runtime.sendService.preview(input);
      start = process.hrtime.bigint();
      startCpu = cpuMs();
      await requestSend(client, preview, { idempotencyKey: `direct:${batch.idempotency_key}` });
      apiMs.push(msSince(start));
      apiCpuMs.push(cpuMs() - startCpu);
      last = process.hrtime.bigint();
      lastCpu = cpuMs();
    };
    await runCampaign(plan, {
      sendService: runtime.sendService, ledger: runtime.engine, record, paceMs: 1, sleep: between,
      onProgress: () => {
        loopMs.push(msSince(last));
        loopCpuMs.push(cpuMs() - lastCpu);
        next++;
      },
    });
    // The loop's first batch also pays for reading the ledger's claims: left out.
    return { loopMs: loopMs.slice(1), serviceMs, apiMs, loopCpuMs: loopCpuMs.slice(1), serviceCpuMs, apiCpuMs };
  } finally {
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CampaignSendFigures {
  /** Medians, ms: a batch in the loop, the same send through SendService alone, the request alone. */
  batch: number;
  service: number;
  request: number;
  /** The loop's own share (batch − SendService), and everything beyond the request (batch − request). */
  loopOwn: number;
  beyondRequest: number;
  /** The last two in process CPU time. */
  batchCpu: number;
  requestCpu: number;
  beyondRequestCpu: number;
}

export function campaignSendFigures(sample: CampaignSendSample): CampaignSendFigures {
  const [batch, service, request, batchCpu, requestCpu] = [sample.loopMs, sample.serviceMs, sample.apiMs, sample.loopCpuMs, sample.apiCpuMs].map((values) => summarize(values).median);
  return { batch, service, request, loopOwn: batch - service, beyondRequest: batch - request, batchCpu, requestCpu, beyondRequestCpu: batchCpu - requestCpu };
}
