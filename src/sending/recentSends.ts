// The duplicate window: a send identical to one moments ago (same fingerprint), or with an
// idempotency key already used, is answered with that send's result instead of going out again —
// a client that lost an answer and re-issues the call must not make a phone buzz twice.
import { BaasSmsError, toBaasSmsError } from '../core/errors';
import type { SendResult } from './types';

/** `at` is when the send settled; a send still in flight (say, awaiting its confirmation) never expires. */
interface RecentSend { at?: number; fingerprint: string; result: Promise<SendResult> }

export type DuplicateCheck =
  | { earlier: Promise<SendResult> }
  | { earlier?: undefined; settle(result: Promise<SendResult>): Promise<SendResult> };

export class RecentSends {
  private readonly sends = new Map<string, RecentSend>();

  constructor(private readonly windowMs: () => number, private readonly now: () => number) {}

  /**
   * The earlier identical send, or a claim on this one: pass the send's result to `settle` before the
   * first await, so a concurrent identical call finds it. A key reused for a different message is
   * refused: it must not quietly answer with the first message's result.
   */
  check(idempotencyKey: string | undefined, fingerprint: string): DuplicateCheck {
    const key = idempotencyKey ? `key:${idempotencyKey}` : `fp:${fingerprint}`;
    this.forgetExpired();
    const earlier = this.sends.get(key);
    if (earlier && earlier.fingerprint !== fingerprint) {
      throw new BaasSmsError('INVALID_INPUT', { field: 'idempotency_key', params: { detail: 'this key was used moments ago for a different message; pass a new key' }, outcome: 'not_sent' });
    }
    if (earlier) return { earlier: earlier.result };
    return { settle: (result) => this.remember(key, fingerprint, result) };
  }

  private remember(key: string, fingerprint: string, result: Promise<SendResult>): Promise<SendResult> {
    const recent: RecentSend = { fingerprint, result };
    this.sends.set(key, recent);
    // A send that certainly did not go out may be tried again at once; one whose outcome is unknown
    // may not: an identical repeat gets the same unknown answer until checked or given a new key.
    result.then(() => { recent.at = this.now(); }, (error: unknown) => {
      recent.at = this.now();
      if (toBaasSmsError(error).outcome !== 'unknown' && this.sends.get(key) === recent) this.sends.delete(key);
    });
    return result;
  }

  private forgetExpired(): void {
    // One clock reading for the sweep: the map holds every send of the window (a campaign's batches too).
    const oldest = this.now() - Math.max(this.windowMs(), 0);
    for (const [key, send] of this.sends) if (send.at !== undefined && send.at < oldest) this.sends.delete(key);
  }
}
