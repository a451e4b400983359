// The words of a campaign run in the extension: the progress counts and the outcome notification for
// each way a run stops, with the batches to check listed and Resume offered only when it would send.
import assert from 'node:assert/strict';
import type { BatchView, CampaignCounts } from '../../../../src/campaign/batchStates';
import type { CampaignBatch } from '../../../../src/campaign/planTypes';
import type { CampaignRunResult } from '../../../../src/campaign/sendLoop';
import { kst, outcomeText, progressText } from '../../../../src/extension/campaign/campaignText';
import { untranslated as t } from '../../../../src/extension/translate';

const zero = () => ({ sent: 0, unknown: 0, pending: 0, failed: 0, open: 0 });
function counts(batches: Partial<CampaignCounts['batches']>, recipients: Partial<CampaignCounts['recipients']>): CampaignCounts {
  return { batches: { ...zero(), ...batches }, recipients: { ...zero(), ...recipients } };
}
const batch = (index: number): CampaignBatch => ({ index, id: `cmp-x-b${index}`, idempotency_key: `cmp-x:batch:${index}`, message_type: 'SMS', message: 'hi', message_bytes: 2, recipients: [], rows: [], estimated_cost_krw: 0 });

describe('campaign run texts (extension)', () => {
  it('counts batches and recipients in thousands', () => {
    assert.equal(progressText(t, 3, 20, 2000, 20000), 'batch 3/20 · 2,000/20,000 recipients');
  });

  it('a finished run is information, with nothing to resume', () => {
    const r: CampaignRunResult = { stop: 'done', sentThisRun: 4, counts: counts({ sent: 4 }, { sent: 1200 }), unknown: [] };
    const text = outcomeText(t, 'cmp-x', r, 4, undefined);
    assert.equal(text.severity, 'info');
    assert.equal(text.resumable, false);
    assert.match(text.message, /finished: 4\/4 batches sent to 1,200 recipient/);
  });

  it('a cancelled run offers Resume for exactly the recipients not sent yet', () => {
    const r: CampaignRunResult = { stop: 'cancelled', sentThisRun: 1, counts: counts({ sent: 1, open: 3 }, { sent: 1000, open: 2500 }), unknown: [] };
    const text = outcomeText(t, 'cmp-x', r, 4, undefined);
    assert.equal(text.severity, 'warning');
    assert.equal(text.resumable, true);
    assert.match(text.message, /cancelled between batches: 1\/4 batches sent, 2,500 recipient\(s\) not sent yet/);
  });

  it('a night stop names the KST time it may continue', () => {
    const r: CampaignRunResult = { stop: 'night', resumeAt: '2026-11-30T23:00:00.000Z', sentThisRun: 2, counts: counts({ sent: 2, open: 1 }, { sent: 2, open: 1 }), unknown: [] };
    assert.match(outcomeText(t, 'cmp-x', r, 3, undefined).message, /Resume at 2026-12-01 08:00 KST/);
    assert.equal(kst('2026-11-30T12:00:00.000Z'), '2026-11-30 21:00 KST');
  });

  it('unknown batches are an error to check, listed, never offered again', () => {
    const unknown: BatchView[] = [{ batch: batch(2), state: 'unknown', entry: { id: 'snd-2' } as BatchView['entry'] }];
    const r: CampaignRunResult = { stop: 'error', sentThisRun: 1, counts: counts({ sent: 1, unknown: 1 }, { sent: 5, unknown: 5 }), unknown };
    const text = outcomeText(t, 'cmp-x', r, 2, 'OUTCOME_UNKNOWN');
    assert.equal(text.severity, 'error');
    assert.equal(text.resumable, false);
    assert.match(text.message, /\(OUTCOME_UNKNOWN\)/);
    assert.match(text.message, /Check batch 2 \(send snd-2\): outcome unknown.*never sent again automatically/);
  });

  it('a limit stop does not offer Resume (it would stop at the same limit)', () => {
    const r: CampaignRunResult = { stop: 'limit', sentThisRun: 1, counts: counts({ sent: 1, open: 1 }, { sent: 1000, open: 1000 }), unknown: [] };
    assert.equal(outcomeText(t, 'cmp-x', r, 2, undefined).resumable, false);
  });
});
