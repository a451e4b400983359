// When a call may be tried again, and how long to wait first. A send is retried only where the
// server certainly did not process it; a status read has no effect, so a lost answer is retried too.
import { BaasSmsError } from '../core/errors';
import type { TransportFailure } from './transport';

export type Operation = 'send' | 'status';

/** Statuses that say "not processed, try later" (429, 503); for reads also the 5xx that say nothing. */
export function isRetryableStatus(operation: Operation, status: number): boolean {
  if (status === 429 || status === 503) return true;
  return operation === 'status' && (status === 500 || status === 502 || status === 504);
}

/** Refused and unresolved connections never reached anyone; a read may also retry a cut connection. */
export function isRetryableFailure(operation: Operation, failure: TransportFailure): boolean {
  if (failure.kind === 'refused' || failure.kind === 'dns') return true;
  return operation === 'status' && failure.kind === 'reset';
}

/** `base`, doubled per attempt already made (0 → base, 1 → 2×base, …). */
export function backoffMs(base: number, attempt: number): number {
  return base * 2 ** attempt;
}

/** Waits `ms`, or rejects with CANCELLED (nothing sent: the previous attempt was not processed) on abort. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cancelled = (): BaasSmsError => new BaasSmsError('CANCELLED', { outcome: 'not_sent' });
    if (signal?.aborted) return reject(cancelled());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
