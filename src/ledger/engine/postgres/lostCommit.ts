// The rule when a reservation's COMMIT gets no answer (the connection dropped while it was on the
// wire, or the server failed it): its outcome is unknown to us, so
// 1. nothing is sent for it: reserve() throws LEDGER_UNAVAILABLE (not sent), the request is never made;
// 2. the session that ran the transaction is ended (pg_terminate_backend) and we wait until it is gone,
//    so the transaction is over one way or the other and a COMMIT still on its way cannot land later;
// 3. then the row is settled: if the COMMIT took effect, its pending row (a claim that never sent)
//    becomes 'failed' with LEDGER_UNAVAILABLE, which frees its claim and spends no budget; if it did
//    not, there is no row and nothing to do.
// Until step 3 succeeds (the database may be unreachable), this instance reads the row as failed and
// tries again before each reserve. Should the process die before then, a later start reads the pending
// row as unknown: never sent in truth, but "unknown" only ever errs toward not sending twice.
import type { PoolClient } from 'pg';
import { errorText } from '../../../core/errorMessages';
import type { LedgerError } from '../../ledgerRecords';

type Query = <R extends object>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }>;

export interface LostCommitsOptions {
  query: Query;
  /** Sets send `id` to failed with `error` if it is still pending. */
  settleFailed: (id: string, error: LedgerError) => Promise<unknown>;
  location: string;
  setting: string;
  warn: (text: string) => void;
}

/** Reservations whose COMMIT got no answer and are not settled yet: id → the server process that ran it. */
export class LostCommits {
  private readonly lost = new Map<string, number | undefined>();
  readonly error: LedgerError;

  constructor(private readonly options: LostCommitsOptions) {
    this.error = commitLostError(options.location, options.setting);
  }

  get size(): number {
    return this.lost.size;
  }

  has(id: string): boolean {
    return this.lost.has(id);
  }

  /** Step 1 is the caller's (throw, send nothing); this remembers the reservation for steps 2 and 3. */
  add(id: string, client: PoolClient): void {
    const pid = (client as unknown as { processID?: unknown }).processID; // from pg's BackendKeyData
    this.lost.set(id, typeof pid === 'number' ? pid : undefined);
  }

  /** Steps 2 and 3 for each; one the database fails for is kept for the next try. */
  async settle(): Promise<void> {
    for (const [id, pid] of this.lost) {
      try {
        if (pid !== undefined && !(await endSession(this.options.query, pid))) continue;
        await this.options.settleFailed(id, this.error);
        this.lost.delete(id);
      } catch (error) {
        this.options.warn(`send ${id}, whose reservation got no answer, is not settled yet (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
}

/** Ends session `pid` (never our own) and waits up to `waitMs` for it to be gone: true once it is. */
export async function endSession(query: Query, pid: number, waitMs = 5_000): Promise<boolean> {
  const alive = 'FROM pg_stat_activity WHERE pid = $1 AND pid <> pg_backend_pid()';
  await query(`SELECT pg_terminate_backend(pid) ${alive}`, [pid]);
  for (const end = Date.now() + waitMs; ;) {
    const { rows } = await query(`SELECT 1 AS alive ${alive}`, [pid]);
    if (rows.length === 0) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function commitLostError(location: string, setting: string): LedgerError {
  const detail = 'the answer to the reservation\'s COMMIT was lost';
  return { code: 'LEDGER_UNAVAILABLE', message: errorText('LEDGER_UNAVAILABLE', { location, detail, setting }, 'en').message };
}
