// The send ledger: every send is written down before its request goes out and again when the answer
// (or its absence) is known, so no send is ever lost from history, not even across a crash. One
// append-only JSON-lines file, shared safely by several processes (the extension, the stdio server).
import { BaasSmsError } from '../core/errors';
import { silentLogger, type Logger } from '../core/logger';
import type { GroupStatus } from '../core/types';
import { appendLedgerLine } from './ledgerAppend';
import { LedgerReader, type LedgerReaderOptions } from './ledgerReader';
import {
  addToOverlay, mergeRecords, withRecord, outcomeRecord, pendingRecord, statusRecord,
  type LedgerEntry, type OutcomeRecord, type OutcomeResult, type Overlay, type PendingRecord, type PendingSendInit, type StatusRecord,
} from './ledgerRecords';
import { interruptedError, isInterrupted } from './engine/claimRules';
import { ownerGone } from './engine/owner';
import { newSendId } from './sendId';

export { newSendId } from './sendId';
export type { LedgerEntry, LedgerError, OutcomeResult, PendingSendInit, SendOrigin } from './ledgerRecords';

export interface SendLedgerOptions extends LedgerReaderOptions {
  logger?: Logger;
  now?: () => Date;
  /** A pending send older than this has lost its process: it is reported, and recovered, as unknown. Default 5 minutes. */
  staleAfterMs?: number;
  /**
   * How far back (bytes from the end) recoverInterrupted looks: a crash leaves its pending lines at the
   * end, give or take what other processes sent since. Default 256 KiB, about 400 sends. Older stale
   * pending sends are still reported as unknown when read, just not announced at start-up.
   */
  recoveryWindowBytes?: number;
}

export interface LedgerQuery {
  project_id?: string;
  /** SMS covers SMS and LMS (kind sms); MMS is kind mms. */
  message_type?: 'SMS' | 'MMS' | 'ALL';
  /** Only sandbox sends (true) or only live ones (false); both when absent. */
  sandbox?: boolean;
  offset?: number;
  /** Default 20, at most 100. */
  limit?: number;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  has_more: boolean;
}

export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
// Enough to find the entries a send needs right after writing them without another read.
const REMEMBERED_ENTRIES = 256;

export class SendLedger {
  private readonly reader: LedgerReader;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly staleAfterMs: number;
  private readonly recoveryWindowBytes: number;
  private readonly listeners = new Set<(entry: LedgerEntry) => void>();
  /** Entries this instance wrote, newest last: the base for their next record even if the file is gone. */
  private readonly written = new Map<string, LedgerEntry>();

  /** Construction reads nothing; the file and its folder are created by the first write. */
  constructor(readonly file: string, options: SendLedgerOptions = {}) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.recoveryWindowBytes = options.recoveryWindowBytes ?? 256 * 1024;
    this.reader = new LedgerReader(file, this.logger, options);
  }

  /**
   * Writes a send down before its request is made. Throws (INTERNAL_ERROR) if the line cannot be
   * written: a send that could not be recorded must not go out.
   */
  recordPending(init: PendingSendInit): LedgerEntry {
    const record = pendingRecord(newSendId(), this.now().toISOString(), init);
    try {
      appendLedgerLine(this.file, record);
    } catch (error) {
      throw new BaasSmsError('INTERNAL_ERROR', {
        params: { detail: `the send ledger ${this.file} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was sent` },
        outcome: 'not_sent',
        cause: error,
      });
    }
    return this.remember(mergeRecords(record, undefined));
  }

  /**
   * Writes down how a send ended. Never throws for a write failure (the send already happened): it is
   * logged, and the pending line left behind reads as unknown later, which is the truth on disk.
   */
  recordOutcome(id: string, result: OutcomeResult): LedgerEntry {
    return this.update(id, outcomeRecord(id, this.now().toISOString(), result));
  }

  /** Writes down a group's latest delivery status. Like recordOutcome, a write failure is only logged. */
  recordStatus(id: string, status: GroupStatus): LedgerEntry {
    return this.update(id, statusRecord(id, this.now().toISOString(), status));
  }

  get(id: string): LedgerEntry | undefined {
    this.reader.refresh();
    for (const { pending, overlay } of this.sendsNewestFirst([Buffer.from(`"id":${JSON.stringify(id)}`)])) {
      if (pending.id === id) return this.present(mergeRecords(pending, overlay));
    }
    const remembered = this.written.get(id);
    return remembered && this.present({ ...remembered });
  }

  /** get() for many ids in one backward read, which stops once all are found; ids not in the ledger are left out. */
  getMany(ids: string[]): Map<string, LedgerEntry> {
    const wanted = new Set(ids);
    const found = new Map<string, LedgerEntry>();
    if (wanted.size === 0) return found;
    this.reader.refresh();
    for (const { pending, overlay } of this.sendsNewestFirst()) {
      if (!wanted.has(pending.id) || found.has(pending.id)) continue;
      found.set(pending.id, this.present(mergeRecords(pending, overlay)));
      if (found.size === wanted.size) return found;
    }
    for (const id of wanted) {
      const remembered = this.written.get(id);
      if (remembered && !found.has(id)) found.set(id, this.present({ ...remembered }));
    }
    return found;
  }

  /** The send that produced BaaS group `groupId`, if it is in this ledger. */
  findByGroupId(groupId: number): LedgerEntry | undefined {
    this.reader.refresh();
    // A group id appears in its outcome and status lines only; they lead to the send id.
    const needles = [Buffer.from(`"group_id":${groupId},`), Buffer.from(`"group_id":${groupId}}`)];
    for (const record of this.reader.newestFirst(needles)) {
      if ((record.t === 'outcome' && record.group_id === groupId) || (record.t === 'status' && record.status.group_id === groupId)) {
        return this.get(record.id);
      }
    }
    return undefined;
  }

  /** A page of sends, newest first, reading only as much of the file as the page needs. */
  list(query: LedgerQuery = {}): LedgerPage {
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
    const kind = query.message_type === 'SMS' ? 'sms' : query.message_type === 'MMS' ? 'mms' : undefined;
    this.reader.refresh();
    const entries: LedgerEntry[] = [];
    let skipped = 0;
    for (const { pending, overlay } of this.sendsNewestFirst()) {
      if (kind !== undefined && pending.kind !== kind) continue;
      if (query.project_id !== undefined && pending.project_id !== query.project_id) continue;
      if (query.sandbox !== undefined && pending.sandbox !== query.sandbox) continue;
      if (skipped < offset) skipped++;
      // One more than the page tells whether there is a next page.
      else if (entries.length === limit) return { entries, has_more: true };
      else entries.push(this.present(mergeRecords(pending, overlay)));
    }
    return { entries, has_more: false };
  }

  /**
   * Sends left pending by a process that stopped between request and answer (its process is gone, or,
   * when that cannot be seen from here, older than the stale age; within the recovery window): each gets an `unknown` outcome written, and is returned so the
   * caller can tell the user. Younger pending sends are left alone: another process may be sending.
   */
  recoverInterrupted(): LedgerEntry[] {
    this.reader.refresh();
    const floor = Math.max(0, this.reader.end - this.recoveryWindowBytes);
    const cutoff = this.now().getTime() - this.staleAfterMs;
    // Only ids and times matter here: no entries are merged for the many sends that ended normally.
    const answered = new Set<string>();
    const interrupted: PendingRecord[] = [];
    for (const record of this.reader.newestFirst(undefined, floor)) {
      if (record.t === 'outcome') answered.add(record.id);
      else if (record.t === 'pending' && !answered.has(record.id) && (Date.parse(record.created_at) < cutoff || ownerGone(record.owner))) interrupted.push(record);
    }
    return interrupted.reverse().map((pending) =>
      this.update(pending.id, outcomeRecord(pending.id, this.now().toISOString(), { outcome: 'unknown', error: interruptedError() }), mergeRecords(pending, undefined)));
  }

  /** Called with the merged entry after every record this instance writes. */
  onDidChange(listener: (entry: LedgerEntry) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private update(id: string, record: OutcomeRecord | StatusRecord, known?: LedgerEntry): LedgerEntry {
    const base = known ?? this.written.get(id) ?? this.get(id);
    if (!base) throw new BaasSmsError('INTERNAL_ERROR', { params: { detail: `send ${id} is not in the send ledger` } });
    try {
      appendLedgerLine(this.file, record);
    } catch (error) {
      this.logger.error(`send ledger ${this.file}: could not record the ${record.t} of send ${id} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return this.remember(withRecord(base, record));
  }

  private remember(entry: LedgerEntry): LedgerEntry {
    this.written.delete(entry.id);
    this.written.set(entry.id, entry);
    if (this.written.size > REMEMBERED_ENTRIES) this.written.delete(this.written.keys().next().value as string);
    for (const listener of this.listeners) {
      try {
        listener({ ...entry });
      } catch (error) {
        this.logger.error(`send ledger listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { ...entry };
  }

  /** Each send's pending record with what was recorded about it later, newest send first; merged by the caller, only if wanted. */
  private *sendsNewestFirst(needles?: Buffer[]): Generator<{ pending: PendingRecord; overlay: Overlay | undefined }> {
    const overlays = new Map<string, Overlay>();
    for (const record of this.reader.newestFirst(needles)) {
      if (record.t === 'pending') {
        yield { pending: record, overlay: overlays.get(record.id) };
        overlays.delete(record.id);
      } else {
        let overlay = overlays.get(record.id);
        if (!overlay) overlays.set(record.id, (overlay = {}));
        addToOverlay(overlay, record);
      }
    }
  }

  /** A stale pending send reads as unknown before recovery has written that down. */
  private present(entry: LedgerEntry): LedgerEntry {
    return isInterrupted(entry, this.now().getTime(), this.staleAfterMs) ? { ...entry, outcome: 'unknown', error: interruptedError() } : entry;
  }
}
