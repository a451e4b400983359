// One ledger, two engines: the embedded file (the default, no set-up) and PostgreSQL (a team's
// shared ledger). Both hold the sends, the idempotency claims and the spend budgets, and both make
// "claim + check budget + write the pending record" one atomic step, so two callers — two tasks of
// one process, two processes on one file, two machines on one database — can never both send.
import type { BaasSmsError } from '../../core/errors';
import type { GroupStatus } from '../../core/types';
import type { LedgerEntry, OutcomeResult, PendingSendInit } from '../ledgerRecords';
import type { LedgerPage, LedgerQuery } from '../sendLedger';

/** What a send claims before its request: its idempotency key, or its fingerprint when it has none. */
export interface Claim {
  /** `key:<idempotency key>` or `fp:<fingerprint>`. */
  key: string;
  /** The message's fingerprint: the same key with another fingerprint is a different message. */
  fingerprint: string;
  /** How long the claim holds: 24 h for a key; the duplicate window (from the answer) for a fingerprint. */
  holdMs: number;
}

/** Ceilings on live sends; sandbox sends pass none. */
export interface BudgetLimits {
  maxSendsPerMinute: number;
  maxRecipientsPerDay: number;
  /** Where each limit is set (BAAS_MAX_… or baasSms.guard.…), named in the refusal. */
  settings?: { maxSendsPerMinute: string; maxRecipientsPerDay: string };
}

/** Live sends in the last minute and live recipients in the last 24 hours, failed sends not counted. */
export interface BudgetUsage {
  sendsLastMinute: number;
  recipientsLastDay: number;
}

export interface ReserveRequest {
  init: PendingSendInit;
  claim: Claim;
  /** Absent for sandbox sends. */
  budget?: BudgetLimits;
}

/** Either this send now owns its claim (its pending record is written), or an earlier one holds it. */
export type ReserveAnswer = { entry: LedgerEntry; earlier?: undefined } | { entry?: undefined; earlier: LedgerEntry };

export interface LedgerEngine {
  readonly kind: 'file' | 'postgres';
  /** Where the ledger is, safe to show: a file path, or the URL with its password masked. */
  readonly location: string;
  /**
   * Connects, creates or migrates the schema, and writes `unknown` for sends whose process died
   * between request and answer (returned, to tell the user). Throws LEDGER_UNAVAILABLE.
   */
  open(): Promise<LedgerEntry[]>;
  /** The earlier send that holds `claim` now, if any (a read; the claim itself is taken by reserve). */
  lookupClaim(claim: Claim): Promise<LedgerEntry | undefined>;
  /** lookupClaim for many claims at once (a campaign's batches), where one read serves them all; optional. */
  lookupClaims?(claims: Claim[]): Promise<Array<LedgerEntry | undefined>>;
  /**
   * Atomically: takes the claim unless an earlier send holds it, checks and spends the budget
   * (throws SPEND_LIMIT_EXCEEDED, spending nothing), and writes the pending record.
   */
  reserve(request: ReserveRequest): Promise<ReserveAnswer>;
  /** A send that failed (certainly not sent) gives its claim and its budget back. */
  recordOutcome(id: string, result: OutcomeResult): Promise<LedgerEntry>;
  recordStatus(id: string, status: GroupStatus): Promise<LedgerEntry>;
  get(id: string): Promise<LedgerEntry | undefined>;
  findByGroupId(groupId: number): Promise<LedgerEntry | undefined>;
  list(query?: LedgerQuery): Promise<LedgerPage>;
  budgetUsage(): Promise<BudgetUsage>;
  /**
   * Calls `onChange` after every write by any instance, where the engine can tell (PostgreSQL's
   * LISTEN/NOTIFY); absent for the file, which its readers watch themselves.
   */
  listen?(onChange: () => void, onError?: (error: BaasSmsError) => void): Promise<{ close(): Promise<void> }>;
  /** Called with each entry this instance writes. */
  onDidChange(listener: (entry: LedgerEntry) => void): { dispose(): void };
  close(): Promise<void>;
}
