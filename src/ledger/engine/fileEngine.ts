// The embedded ledger: the JSON-lines file every earlier version wrote (and can still read), made
// safe for several processes. Records are single O_APPEND writes, so lines never interleave; a
// send's claim and its budget live in its pending line (claim_key, fingerprint, owner), and the step
// "check the claim, check the budget, append the pending line" runs under a cross-process lock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaasSmsError } from '../../core/errors';
import { silentLogger } from '../../core/logger';
import type { GroupStatus } from '../../core/types';
import { pendingRecord, type LedgerEntry, type OutcomeResult } from '../ledgerRecords';
import { SendLedger, type LedgerPage, type LedgerQuery, type SendLedgerOptions } from '../sendLedger';
import { checkBudget, claimHolds } from './claimRules';
import { FileLock } from './fileLock';
import { FileSendIndex } from './fileSendIndex';
import { currentOwner } from './owner';
import type { BudgetUsage, Claim, LedgerEngine, ReserveAnswer, ReserveRequest } from './types';

export const LEDGER_FILE_SETTING = 'BAAS_LEDGER_FILE';

export class FileLedgerEngine implements LedgerEngine {
  readonly kind = 'file';
  /** The synchronous ledger underneath, for hosts that read the file directly (the extension's tree). */
  readonly ledger: SendLedger;
  private readonly index: FileSendIndex;
  private readonly lock: FileLock;
  private readonly now: () => Date;

  constructor(readonly file: string, options: SendLedgerOptions = {}) {
    const logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.ledger = new SendLedger(file, { ...options, logger, now: this.now });
    this.index = new FileSendIndex(file, logger, () => this.now().getTime());
    this.lock = new FileLock(file, logger);
  }

  get location(): string {
    return this.file;
  }

  /** Checks that the file can be written (creating its folder), then recovers interrupted sends. */
  open(): Promise<LedgerEntry[]> {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fs.closeSync(fs.openSync(this.file, 'a', 0o600));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return Promise.reject(new BaasSmsError('LEDGER_UNAVAILABLE', {
        field: LEDGER_FILE_SETTING,
        params: { location: this.file, detail: `the file cannot be written (${code})`, setting: LEDGER_FILE_SETTING },
        outcome: 'not_sent',
      }));
    }
    return Promise.resolve(this.ledger.recoverInterrupted());
  }

  lookupClaim(claim: Claim): Promise<LedgerEntry | undefined> {
    // A read of whole lines needs no lock; reserve() decides under it.
    this.index.sync();
    return Promise.resolve(this.holder(claim));
  }

  lookupClaims(claims: Claim[]): Promise<Array<LedgerEntry | undefined>> {
    // One backward read for all of them: looking each up alone reads the file back to it every time.
    this.index.sync();
    const ids = claims.map((claim) => this.index.holder(claim.key));
    const entries = this.ledger.getMany(ids.filter((id): id is string => id !== undefined));
    const now = this.now().getTime();
    return Promise.resolve(claims.map((claim, i) => {
      const earlier = ids[i] === undefined ? undefined : entries.get(ids[i]);
      return earlier && claimHolds(earlier, claim, now) ? earlier : undefined;
    }));
  }

  reserve({ init, claim, budget }: ReserveRequest): Promise<ReserveAnswer> {
    return this.lock.run((fence) => {
      this.index.sync();
      const earlier = this.holder(claim);
      if (earlier) return { earlier };
      if (budget) checkBudget(this.index.usage(), budget, init.recipients.length);
      // A holder stalled past the stale age may have lost the lock to another process, which then
      // checked the same claim: append nothing once the lock is not ours (the send is refused, unsent).
      fence();
      const entry = this.ledger.recordPending({ ...init, claim_key: claim.key, fingerprint: claim.fingerprint, owner: currentOwner() });
      // Applied now: the next reserve in this process must see it even before re-reading the file.
      this.index.apply(pendingRecord(entry.id, entry.created_at, entry));
      return { entry };
    });
  }

  recordOutcome(id: string, result: OutcomeResult): Promise<LedgerEntry> {
    return Promise.resolve(this.ledger.recordOutcome(id, result));
  }

  recordStatus(id: string, status: GroupStatus): Promise<LedgerEntry> {
    return Promise.resolve(this.ledger.recordStatus(id, status));
  }

  get(id: string): Promise<LedgerEntry | undefined> {
    return Promise.resolve(this.ledger.get(id));
  }

  findByGroupId(groupId: number): Promise<LedgerEntry | undefined> {
    return Promise.resolve(this.ledger.findByGroupId(groupId));
  }

  list(query?: LedgerQuery): Promise<LedgerPage> {
    return Promise.resolve(this.ledger.list(query));
  }

  budgetUsage(): Promise<BudgetUsage> {
    this.index.sync();
    return Promise.resolve(this.index.usage());
  }

  onDidChange(listener: (entry: LedgerEntry) => void): { dispose(): void } {
    return this.ledger.onDidChange(listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private holder(claim: Claim): LedgerEntry | undefined {
    const id = this.index.holder(claim.key);
    const earlier = id === undefined ? undefined : this.ledger.get(id);
    return earlier && claimHolds(earlier, claim, this.now().getTime()) ? earlier : undefined;
  }
}
