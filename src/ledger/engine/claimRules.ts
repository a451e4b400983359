// When an earlier send still holds a claim, the same rule for both engines: a send that certainly did
// not go out holds nothing; a key holds for its hold time from the send; a fingerprint holds while its
// send is in flight and for the duplicate window after its answer.
import type { LedgerEntry } from '../ledgerRecords';
import type { BudgetLimits, BudgetUsage, Claim } from './types';
import { BaasSmsError } from '../../core/errors';
import { errorText } from '../../core/errorMessages';
import { ownerGone } from './owner';

export const KEY_HOLD_MS = 24 * 60 * 60_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export function claimHolds(earlier: LedgerEntry, claim: Claim, now: number): boolean {
  if (earlier.outcome === 'failed') return false;
  const created = Date.parse(earlier.created_at);
  if (claim.key.startsWith('key:')) return now - created < claim.holdMs;
  if (earlier.outcome === 'pending') return true;
  return now - Date.parse(earlier.completed_at ?? earlier.created_at) < claim.holdMs;
}

/** Throws SPEND_LIMIT_EXCEEDED (not sent) if one more send to `recipients` would pass a limit. */
export function checkBudget(usage: BudgetUsage, limits: BudgetLimits, recipients: number): void {
  if (usage.sendsLastMinute + 1 > limits.maxSendsPerMinute) throw limitExceeded(limits, 'maxSendsPerMinute', usage.sendsLastMinute + 1);
  if (usage.recipientsLastDay + recipients > limits.maxRecipientsPerDay) throw limitExceeded(limits, 'maxRecipientsPerDay', usage.recipientsLastDay + recipients);
}

function limitExceeded(limits: BudgetLimits, limit: 'maxSendsPerMinute' | 'maxRecipientsPerDay', actual: number): BaasSmsError {
  const setting = limits.settings?.[limit];
  return new BaasSmsError('SPEND_LIMIT_EXCEEDED', { params: { limit, ...(setting ? { setting } : {}), actual, max: limits[limit] }, outcome: 'not_sent' });
}

/**
 * A pending send no process will settle: its owner is gone, or (another host's process cannot be
 * seen) it is older than the stale age. Read as unknown, and written down as such by recovery.
 */
export function isInterrupted(entry: Pick<LedgerEntry, 'outcome' | 'created_at' | 'owner'>, nowMs: number, staleAfterMs: number): boolean {
  return entry.outcome === 'pending' && (nowMs - Date.parse(entry.created_at) > staleAfterMs || ownerGone(entry.owner));
}

export function interruptedError(): { code: string; message: string } {
  return { code: 'OUTCOME_UNKNOWN', message: errorText('OUTCOME_UNKNOWN', { detail: 'the process stopped before the answer arrived' }, 'en').message };
}
