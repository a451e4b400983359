// The history service with a campaign in the ledger (the runtime as extension.ts builds it, the
// in-process sandbox): the campaign's batches are polled until final like any open group, so its row's
// counts settle without a refresh, and only the single send gets a "finished" notification.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { planCampaign } from '../../../../src/campaign/campaignPlan';
import { CampaignRecord, campaignsDir } from '../../../../src/campaign/campaignRecord';
import { runCampaign } from '../../../../src/campaign/sendLoop';
import { silentLogger } from '../../../../src/core/logger';
import { defaultSendingSettings, type SendingSettings } from '../../../../src/core/settings';
import { campaignTotals } from '../../../../src/extension/history/campaignRows';
import { HistoryService } from '../../../../src/extension/history/historyService';
import { SwitchingLedgerEngine } from '../../../../src/extension/teamLedger/switchingEngine';
import type { LedgerEntry } from '../../../../src/ledger/sendLedger';
import { createSendingRuntime, type SendingRuntime } from '../../../../src/sending/runtime';
import { removeDir, tempDir } from '../../ledger/ledgerFixtures';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const rows = [
  { 이름: '가', 휴대폰: '010-3400-0001', 등급: 'VIP' }, { 이름: '나', 휴대폰: '010-0000-0000', 등급: 'VIP' },
  { 이름: '다', 휴대폰: '010-3400-0003', 등급: '일반' }, { 이름: '라', 휴대폰: '010-3400-0004', 등급: '신규' },
];

describe('history service: a campaign\'s batches polled with it (sandbox)', function () {
  this.timeout(30_000);
  let dir: string;
  let runtime: SendingRuntime;
  let engine: SwitchingLedgerEngine;
  let history: HistoryService;
  const finished: LedgerEntry[] = [];

  beforeEach(() => {
    dir = tempDir();
    const settings: SendingSettings = { ...defaultSendingSettings('en'), sandbox: true, defaultCallbackNumber: '02-1234-5678' };
    let made: SwitchingLedgerEngine | undefined;
    runtime = createSendingRuntime({
      settings: () => settings, apiKey: () => Promise.resolve(undefined), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger, sandboxDeliveryDelayMs: 20,
      routeEngine: (file) => (made = new SwitchingLedgerEngine(file, silentLogger)),
    });
    engine = made!;
    history = new HistoryService({
      ledger: engine, ledgerFile: runtime.engine.file, sendService: runtime.sendService, logger: silentLogger, locale: () => 'en',
      pollCapMs: () => 500, onGroupFinished: (entry) => finished.push(entry),
    });
  });

  afterEach(async () => {
    history.dispose();
    await engine.close();
    await runtime.dispose();
    removeDir(dir);
  });

  it('settles the campaign row\'s counts by polling and announces only the single send', async () => {
    const plan = await planCampaign({ rows }, { message: '#{등급} 고객님, 적립금 안내입니다.', rules: defaultSendingSettings().rules, locale: 'en', isAdvertisement: false, paceMs: 0 });
    const record = CampaignRecord.create(campaignsDir(runtime.engine.file), { started_by: 'tester', started_at: new Date().toISOString(), host: 'h', sandbox: true, pace_ms: 0, plan });
    // The first look at the history starts following the ledger, as the tree's first draw does.
    assert.deepEqual((await history.rows(50)).rows, []);
    assert.equal((await runCampaign(plan, { sendService: runtime.sendService, ledger: engine, record, paceMs: 0 })).stop, 'done');
    const single = await runtime.sendService.send({ kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'one' }], message: '단건 안내', callback_number: '' }, { origin: 'test' });

    let totals = { delivered: 0, failed: 0, sending: -1 };
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !(totals.sending === 0 && finished.length > 0); await sleep(100)) {
      const [, campaign] = (await history.rows(50)).rows;
      if (campaign?.kind === 'campaign') totals = campaignTotals(campaign.campaign);
    }
    assert.deepEqual({ delivered: totals.delivered, failed: totals.failed, sending: totals.sending }, { delivered: 3, failed: 1, sending: 0 });
    await sleep(300); // a batch's notification, were there one, would come with the same poll
    assert.deepEqual(finished.map((e) => e.id), [single.send_id]);
  });
});
