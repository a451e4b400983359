// What the file engine must know before each send, kept in memory and brought up to date from the
// file under the lock: who holds each claim, and the live sends of the last day for the budgets.
// Built once by reading the last day of the file backwards, then only what anyone appended since.
import type { Logger } from '../../core/logger';
import { LedgerReader } from '../ledgerReader';
import type { LedgerRecord } from '../ledgerRecords';
import { DAY_MS, MINUTE_MS } from './claimRules';
import type { BudgetUsage } from './types';

interface IndexedSend {
  created: number;
  /** Recipients counted against the budgets: 0 for sandbox sends. */
  liveRecipients: number;
  failed: boolean;
}

/** Clocks of processes sharing a file may differ a little: keep an hour more than a day. */
const KEEP_MS = DAY_MS + 60 * MINUTE_MS;

export class FileSendIndex {
  private readonly reader: LedgerReader;
  private synced = -1;
  private prunedAt = 0;
  private sends = new Map<string, IndexedSend>();
  /** Claim key → the id of the latest send that claimed it. */
  private claims = new Map<string, string>();

  constructor(file: string, logger: Logger, private readonly now: () => number) {
    this.reader = new LedgerReader(file, logger);
  }

  /** Reads what was appended since the last call (the whole last day the first time, or after a replacement). */
  sync(): void {
    this.reader.refresh();
    const end = this.reader.end;
    if (this.synced < 0 || end < this.synced) {
      this.sends = new Map();
      this.claims = new Map();
      const cutoff = this.now() - KEEP_MS;
      const records: LedgerRecord[] = [];
      for (const record of this.reader.newestFirst()) {
        if (record.t === 'pending' && Date.parse(record.created_at) < cutoff) break;
        records.push(record);
      }
      this.applyAll(records);
    } else if (end > this.synced) {
      // Whole segments come back, so a few records before `synced` may be applied twice: harmless.
      const records: LedgerRecord[] = [];
      for (const record of this.reader.newestFirst(undefined, this.synced)) records.push(record);
      this.applyAll(records);
      // Forgetting old sends is not urgent: once a minute keeps each send's cost flat.
      if (this.now() - this.prunedAt > MINUTE_MS) this.prune();
    }
    this.synced = end;
  }

  /** The id of the latest send that claimed `claimKey` within the last day. */
  holder(claimKey: string): string | undefined {
    return this.claims.get(claimKey);
  }

  usage(): BudgetUsage {
    const now = this.now();
    let sendsLastMinute = 0;
    let recipientsLastDay = 0;
    for (const send of this.sends.values()) {
      if (send.failed || send.liveRecipients === 0 || send.created <= now - DAY_MS) continue;
      recipientsLastDay += send.liveRecipients;
      if (send.created > now - MINUTE_MS) sendsLastMinute++;
    }
    return { sendsLastMinute, recipientsLastDay };
  }

  /** Applies a record this process just wrote, before the next sync reads it back. */
  apply(record: LedgerRecord): void {
    if (record.t === 'pending') {
      const known = this.sends.get(record.id);
      this.sends.set(record.id, {
        created: Date.parse(record.created_at),
        liveRecipients: record.sandbox ? 0 : record.recipients.length,
        failed: known?.failed ?? false,
      });
      if (record.claim_key) this.claims.set(record.claim_key, record.id);
    } else if (record.t === 'outcome') {
      const send = this.sends.get(record.id);
      if (send) send.failed = record.outcome === 'failed';
    }
  }

  /** Newest first in, file order applied: a later outcome wins over an earlier one. */
  private applyAll(newestFirst: LedgerRecord[]): void {
    for (let i = newestFirst.length - 1; i >= 0; i--) this.apply(newestFirst[i]);
  }

  private prune(): void {
    this.prunedAt = this.now();
    const cutoff = this.now() - KEEP_MS;
    for (const [id, send] of this.sends) if (send.created < cutoff) this.sends.delete(id);
    for (const [key, id] of this.claims) if (!this.sends.has(id)) this.claims.delete(key);
  }
}
