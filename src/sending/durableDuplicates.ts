// The duplicate check that survives restarts and spans processes and machines: a send claims its
// idempotency key (held 24 h) or, without one, its fingerprint (held for the duplicate window) in the
// ledger before its request. A later send that finds the claim held never makes a second request:
// it gets the earlier answer if that send went out, or an unknown-outcome error naming it.
import { BaasSmsError } from '../core/errors';
import { KEY_HOLD_MS } from '../ledger/engine/claimRules';
import type { Claim } from '../ledger/engine/types';
import type { LedgerEntry } from '../ledger/ledgerRecords';
import type { SendPreview, SendResult } from './types';

export function claimFor(idempotencyKey: string | undefined, fingerprint: string, duplicateWindowSeconds: number): Claim {
  return idempotencyKey
    ? { key: `key:${idempotencyKey}`, fingerprint, holdMs: KEY_HOLD_MS }
    : { key: `fp:${fingerprint}`, fingerprint, holdMs: Math.max(0, duplicateWindowSeconds) * 1000 };
}

/** The answer to a send whose claim an earlier send holds; throws unless that send went out. */
export function answerFromEarlier(earlier: LedgerEntry, claim: Claim, preview: SendPreview): SendResult {
  if (earlier.fingerprint !== undefined && earlier.fingerprint !== claim.fingerprint) {
    throw new BaasSmsError('INVALID_INPUT', { field: 'idempotency_key', params: { detail: `this key was used at ${earlier.created_at} for a different message (send ${earlier.id}); pass a new key` }, outcome: 'not_sent' });
  }
  if (earlier.outcome === 'sent' && earlier.group_id !== undefined) {
    return { send_id: earlier.id, group_id: earlier.group_id, sandbox: earlier.sandbox, preview, deduplicated: true };
  }
  const state = earlier.outcome === 'pending' ? 'is still being sent by another process' : 'has an unknown outcome (it may have gone out)';
  throw new BaasSmsError('OUTCOME_UNKNOWN', {
    params: { detail: `an identical send made at ${earlier.created_at} (send ${earlier.id}) ${state}; nothing new was sent`, sendId: earlier.id },
    outcome: 'unknown',
  });
}
