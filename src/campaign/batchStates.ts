// Where each batch of a campaign stands, asked of the ledger (the authority: a batch is claimed there
// before its request) and completed from the campaign's events (a failure gives its claim back, so
// only the record remembers it). A claim is looked up with no time limit: a campaign resumed days
// later must still see the batches it sent, long after the ledger's 24-hour key hold.
import type { LedgerEngine } from '../ledger/engine/types';
import type { LedgerEntry } from '../ledger/ledgerRecords';
import type { CampaignEvent } from './campaignRecord';
import type { CampaignBatch } from './planTypes';

/** `open`: not claimed (never tried, or certainly not sent): the only state a run sends. */
export type BatchState = 'sent' | 'unknown' | 'pending' | 'failed' | 'open';

export interface BatchView {
  batch: CampaignBatch;
  state: BatchState;
  entry?: LedgerEntry;
  error?: { code: string; message: string };
}

export async function batchState(ledger: LedgerEngine, batch: CampaignBatch): Promise<LedgerEntry | undefined> {
  return ledger.lookupClaim({ key: `key:${batch.idempotency_key}`, fingerprint: '', holdMs: Number.POSITIVE_INFINITY });
}

export async function batchViews(ledger: LedgerEngine, batches: CampaignBatch[], events: CampaignEvent[]): Promise<BatchView[]> {
  const lastError = new Map<number, { code: string; message: string }>();
  for (const event of events) if (event.t === 'batch' && event.outcome === 'failed' && event.error) lastError.set(event.index, event.error);
  const views: BatchView[] = [];
  for (const batch of batches) {
    const entry = await batchState(ledger, batch);
    if (entry) views.push({ batch, state: entry.outcome, entry, ...(entry.error ? { error: entry.error } : {}) });
    else if (lastError.has(batch.index)) views.push({ batch, state: 'failed', error: lastError.get(batch.index) });
    else views.push({ batch, state: 'open' });
  }
  return views;
}

export interface CampaignCounts {
  batches: Record<BatchState, number>;
  recipients: Record<BatchState, number>;
}

export function countViews(views: BatchView[]): CampaignCounts {
  const zero = (): Record<BatchState, number> => ({ sent: 0, unknown: 0, pending: 0, failed: 0, open: 0 });
  const counts = { batches: zero(), recipients: zero() };
  for (const view of views) {
    counts.batches[view.state]++;
    counts.recipients[view.state] += view.batch.recipients.length;
  }
  return counts;
}
