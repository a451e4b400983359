// Where each batch of a campaign stands, asked of the ledger (the authority: a batch is claimed there
// before its request) and completed from the campaign's events (a failure gives its claim back, so
// only the record remembers it). A claim is looked up with no time limit: a campaign resumed days
// later must still see the batches it sent, long after the ledger's 24-hour key hold.
import { KEY_HOLD_MS } from '../ledger/engine/claimRules';
import type { Claim, LedgerEngine } from '../ledger/engine/types';
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

/**
 * The claims of batches by their idempotency keys, however long ago they were made: in one read where
 * the engine offers it (the file engine; one at a time, it reads the file back to each batch).
 */
export async function lookupBatchClaims(ledger: Pick<LedgerEngine, 'lookupClaim' | 'lookupClaims'>, keys: string[]): Promise<Array<LedgerEntry | undefined>> {
  const claims: Claim[] = keys.map((key) => ({ key: `key:${key}`, fingerprint: '', holdMs: Number.POSITIVE_INFINITY }));
  if (ledger.lookupClaims) return ledger.lookupClaims(claims);
  const entries: Array<LedgerEntry | undefined> = [];
  for (const claim of claims) entries.push(await ledger.lookupClaim(claim));
  return entries;
}

export async function batchViews(ledger: LedgerEngine, batches: CampaignBatch[], events: CampaignEvent[], now = Date.now()): Promise<BatchView[]> {
  const recorded = recordedStates(events, ledgerId(ledger), now);
  const entries = await lookupBatchClaims(ledger, batches.map((b) => b.idempotency_key));
  return batches.map((batch, i) => {
    const entry = entries[i];
    if (entry) return { batch, state: entry.outcome, entry, ...(entry.error ? { error: entry.error } : {}) };
    return { batch, state: 'open', ...recorded.get(batch.index) };
  });
}

export interface RecordedState {
  state: BatchState;
  error?: { code: string; message: string };
}

/**
 * What the campaign's own events say of each batch, for a batch the ledger holds no claim for (absent:
 * open). The file engine only knows the last day's claims, so a batch the record says went out (or may
 * have) stays so. A batch whose run died between its claim event and its outcome: the ledger's silence
 * (never reserved, so never requested) is the truth only from the same ledger (`ledger`, see ledgerId;
 * a team ledger set or cleared since cannot say) and within the key hold; otherwise it may have gone out.
 */
export function recordedStates(events: CampaignEvent[], ledger: string, now = Date.now()): Map<number, RecordedState> {
  const last = new Map<number, Extract<CampaignEvent, { t: 'batch' | 'claim' }>>();
  for (const event of events) if (event.t === 'batch' || event.t === 'claim') last.set(event.index, event);
  const states = new Map<number, RecordedState>();
  for (const [index, event] of last) {
    if (event.t === 'batch') states.set(index, { state: event.outcome, ...(event.error ? { error: event.error } : {}) });
    else if (!claimAnsweredBy(event, ledger, now)) states.set(index, { state: 'unknown', error: STALE_CLAIM });
  }
  return states;
}

/** Names a ledger in a campaign's record: its kind and safe-to-show location (no password). */
export function ledgerId(ledger: Pick<LedgerEngine, 'kind' | 'location'>): string {
  return `${ledger.kind}:${ledger.location}`;
}

function claimAnsweredBy(event: Extract<CampaignEvent, { t: 'claim' }>, ledger: string, now: number): boolean {
  const age = now - Date.parse(event.at);
  // An unreadable time (NaN) answers nothing: better a batch to check than one sent twice.
  return age < KEY_HOLD_MS && (event.ledger === undefined || event.ledger === ledger);
}

const STALE_CLAIM = {
  code: 'OUTCOME_UNKNOWN',
  message: 'A run stopped while this batch was being sent, and the ledger no longer holds its claim: check it before sending its recipients again.',
};

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
