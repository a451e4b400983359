// The team ledger in PostgreSQL: every instance on one database shares the history, the claims and
// the budgets. A claim is one insert under the primary key of baas_sms_claims; the budget is checked
// and spent in the same transaction, under an advisory lock, so the team's cap holds across
// machines. Times come from the database's clock, the one clock all instances share.
import { Pool, type PoolClient } from 'pg';
import type { BaasSmsError } from '../../../core/errors';
import { silentLogger, type Logger } from '../../../core/logger';
import type { GroupStatus } from '../../../core/types';
import { outcomeRecord, withRecord, type LedgerEntry, type OutcomeResult } from '../../ledgerRecords';
import { newSendId } from '../../sendId';
import { DEFAULT_PAGE_SIZE, DEFAULT_STALE_AFTER_MS, MAX_PAGE_SIZE, type LedgerPage, type LedgerQuery } from '../../sendLedger';
import { checkBudget, claimHolds, interruptedError, isInterrupted } from '../claimRules';
import { checkLedgerUrl, LEDGER_URL_SETTING, ledgerUrlPassword, maskLedgerUrl } from '../ledgerUrl';
import { currentOwner } from '../owner';
import type { BudgetUsage, Claim, LedgerEngine, ReserveAnswer, ReserveRequest } from '../types';
import { entryFromRow, ledgerUnavailable, SEND_COLUMNS, type SendRow } from './rows';
import { migrate } from './schema';
import { LostCommits } from './lostCommit';
import { listenForSends, type SendListener } from './sendListener';

export interface PostgresEngineOptions {
  logger?: Logger;
  staleAfterMs?: number;
  /** Connections this instance may hold (default 10). */
  maxConnections?: number;
  connectTimeoutMs?: number;
  /** Where the URL is set, for errors to name (default BAAS_LEDGER_URL; the extension's command). */
  setting?: string;
  /**
   * Longest wait for a lock (the budget's, a claim's) and for any one query, default 10 s: a frozen or
   * cut-off instance holding a lock, or a connection a NAT dropped silently, must give LEDGER_UNAVAILABLE
   * (nothing sent), not hang every send until TCP keepalive notices, hours later.
   */
  lockTimeoutMs?: number;
}

/** Serialises budget check-and-spend across every instance on the database. */
const BUDGET_LOCK = 0x6273_6d73;
const USAGE_SQL = `SELECT count(*) FILTER (WHERE created_at > clock_timestamp() - interval '1 minute')::int AS sends_last_minute,
  coalesce(sum(recipient_count), 0)::int AS recipients_last_day
  FROM baas_sms_sends WHERE NOT sandbox AND outcome <> 'failed' AND created_at > clock_timestamp() - interval '1 day' AND id <> $1`;

export class PostgresLedgerEngine implements LedgerEngine {
  readonly kind = 'postgres';
  readonly location: string;
  private readonly pool: Pool;
  private readonly logger: Logger;
  private readonly password: string | undefined;
  private readonly setting: string;
  /** Kept for the LISTEN session only; never shown (location is the masked form). */
  private readonly url: string;
  private readonly staleAfterMs: number;
  private readonly listeners = new Set<(entry: LedgerEntry) => void>();
  /** Sends this instance reserved and has not settled: the base of their outcome if the database is gone by then. */
  private readonly inFlight = new Map<string, LedgerEntry>();
  private readonly lostCommits: LostCommits;

  /** Construction connects to nothing; open() does. Throws LEDGER_UNAVAILABLE for a malformed URL. */
  constructor(url: string, options: PostgresEngineOptions = {}) {
    this.setting = options.setting ?? LEDGER_URL_SETTING;
    checkLedgerUrl(url, this.setting);
    this.location = maskLedgerUrl(url);
    this.password = ledgerUrlPassword(url);
    this.url = url.trim();
    this.logger = options.logger ?? silentLogger;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    const waitMs = options.lockTimeoutMs ?? 10_000;
    this.pool = new Pool({
      connectionString: url.trim(),
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      application_name: 'baas-sms-mcp',
      keepAlive: true,
      query_timeout: waitMs + 5_000,
      options: `-c lock_timeout=${waitMs} -c idle_in_transaction_session_timeout=${waitMs + 5_000}`,
    });
    this.lostCommits = new LostCommits({ query: (sql, params) => this.query(sql, params), location: this.location, setting: this.setting,
      settleFailed: (id, error) => this.settle(id, { outcome: 'failed', error }, "AND outcome = 'pending'"), warn: (text) => this.logger.warn(`send ledger ${this.location}: ${this.redact(text)}`) });
    // An idle connection the server drops must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => this.logger.warn(`send ledger ${this.location}: idle connection lost (${this.redact(error.message)})`));
  }

  async open(): Promise<LedgerEntry[]> {
    const applied = await this.withClient((client) => migrate(client));
    if (applied > 0) this.logger.info(`send ledger ${this.location}: schema migrated (${applied} step(s))`);
    const { rows } = await this.query<SendRow>(`SELECT ${SEND_COLUMNS} FROM baas_sms_sends WHERE outcome = 'pending' ORDER BY created_at`);
    const recovered: LedgerEntry[] = [];
    for (const row of rows) {
      const entry = entryFromRow(row);
      if (!isInterrupted(entry, Date.now(), this.staleAfterMs)) continue;
      const updated = await this.settle(entry.id, { outcome: 'unknown', error: interruptedError() }, "AND outcome = 'pending'");
      if (updated) recovered.push(updated);
    }
    return recovered;
  }

  async lookupClaim(claim: Claim): Promise<LedgerEntry | undefined> {
    const { rows } = await this.query<SendRow & { now: Date }>(
      `SELECT ${SEND_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, clock_timestamp() AS now FROM baas_sms_claims c JOIN baas_sms_sends s ON s.id = c.send_id WHERE c.claim_key = $1`, [claim.key]);
    if (!rows[0]) return undefined;
    const earlier = this.present(entryFromRow(rows[0]));
    return claimHolds(earlier, claim, rows[0].now.getTime()) ? earlier : undefined;
  }

  async reserve(request: ReserveRequest): Promise<ReserveAnswer> {
    if (this.lostCommits.size) await this.lostCommits.settle();
    try {
      return await this.withClient((client) => this.reserveWith(client, request));
    } catch (error) {
      if (this.lostCommits.size) await this.lostCommits.settle(); // now that the broken connection is let go
      throw error;
    }
  }

  private async reserveWith(client: PoolClient, request: ReserveRequest): Promise<ReserveAnswer> {
    await client.query('BEGIN');
    let entry: LedgerEntry;
    try {
      const answer = await this.reserveIn(client, request);
      if (!answer.entry) return await client.query('ROLLBACK').then(() => answer);
      entry = answer.entry;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    try {
      await client.query('COMMIT');
    } catch (error) {
      // Committed or not, we cannot tell: not sent, and settled as lostCommit.ts says.
      this.lostCommits.add(entry.id, client);
      throw error;
    }
    this.inFlight.set(entry.id, this.emit(entry));
    return { entry };
  }

  private async reserveIn(client: PoolClient, { init, claim, budget }: ReserveRequest): Promise<ReserveAnswer> {
    if (budget) await client.query('SELECT pg_advisory_xact_lock($1)', [BUDGET_LOCK]);
    const id = newSendId();
    const send = { ...init, claim_key: claim.key, fingerprint: claim.fingerprint, owner: currentOwner() };
    const inserted = await client.query<SendRow>(
      `INSERT INTO baas_sms_sends (id, created_at, kind, project_id, sandbox, recipient_count, claim_key, send)
       VALUES ($1, clock_timestamp(), $2, $3, $4, $5, $6, $7) RETURNING ${SEND_COLUMNS}`,
      [id, init.kind, init.project_id, init.sandbox, init.recipients.length, claim.key, JSON.stringify(send)]);
    const claimed = await client.query('INSERT INTO baas_sms_claims (claim_key, send_id, claimed_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (claim_key) DO NOTHING', [claim.key, id]);
    if (claimed.rowCount === 0) {
      // Held by a committed send (the insert waited for any in flight): locked, then judged.
      const held = await client.query<{ send_id: string }>('SELECT send_id FROM baas_sms_claims WHERE claim_key = $1 FOR UPDATE', [claim.key]);
      const { rows } = await client.query<SendRow & { now: Date }>(`SELECT ${SEND_COLUMNS}, clock_timestamp() AS now FROM baas_sms_sends WHERE id = $1`, [held.rows[0].send_id]);
      const earlier = this.present(entryFromRow(rows[0]));
      if (claimHolds(earlier, claim, rows[0].now.getTime())) return { earlier };
      await client.query('UPDATE baas_sms_claims SET send_id = $2, claimed_at = clock_timestamp() WHERE claim_key = $1', [claim.key, id]);
    }
    if (budget) {
      const usage = await client.query<{ sends_last_minute: number; recipients_last_day: number }>(USAGE_SQL, [id]);
      checkBudget({ sendsLastMinute: usage.rows[0].sends_last_minute, recipientsLastDay: usage.rows[0].recipients_last_day }, budget, init.recipients.length);
    }
    return { entry: entryFromRow(inserted.rows[0]) };
  }

  /**
   * Never throws for a database failure (the send already happened): it is logged, and the pending
   * row left behind reads as unknown later, which is the truth in the database.
   */
  async recordOutcome(id: string, result: OutcomeResult): Promise<LedgerEntry> {
    const base = this.inFlight.get(id);
    this.inFlight.delete(id);
    try {
      const entry = await this.settle(id, result, '');
      if (entry) return entry;
    } catch (error) {
      this.logger.error(`send ledger ${this.location}: could not record the outcome of send ${id} (${this.redact(error instanceof Error ? error.message : String(error))})`);
    }
    if (!base) throw ledgerUnavailable(new Error(`send ${id} is not in the send ledger`), this.location, this.password, this.setting);
    return withRecord(base, outcomeRecord(id, new Date().toISOString(), result));
  }

  async recordStatus(id: string, status: GroupStatus): Promise<LedgerEntry> {
    const { rows } = await this.query<SendRow>(`UPDATE baas_sms_sends SET status = $2, status_checked_at = clock_timestamp() WHERE id = $1 RETURNING ${SEND_COLUMNS}`, [id, JSON.stringify(status)]);
    if (!rows[0]) throw ledgerUnavailable(new Error(`send ${id} is not in the send ledger`), this.location, this.password, this.setting);
    return this.emit(this.present(entryFromRow(rows[0])));
  }

  async get(id: string): Promise<LedgerEntry | undefined> {
    const { rows } = await this.query<SendRow>(`SELECT ${SEND_COLUMNS} FROM baas_sms_sends WHERE id = $1`, [id]);
    return rows[0] && this.present(entryFromRow(rows[0]));
  }

  async findByGroupId(groupId: number): Promise<LedgerEntry | undefined> {
    const { rows } = await this.query<SendRow>(`SELECT ${SEND_COLUMNS} FROM baas_sms_sends WHERE group_id = $1 ORDER BY seq DESC LIMIT 1`, [groupId]);
    return rows[0] && this.present(entryFromRow(rows[0]));
  }

  async list(query: LedgerQuery = {}): Promise<LedgerPage> {
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.project_id !== undefined) where.push(`project_id = $${params.push(query.project_id)}`);
    if (query.message_type === 'SMS' || query.message_type === 'MMS') where.push(`kind = $${params.push(query.message_type.toLowerCase())}`);
    if (query.sandbox !== undefined) where.push(`sandbox = $${params.push(query.sandbox)}`);
    const { rows } = await this.query<SendRow>(
      `SELECT ${SEND_COLUMNS} FROM baas_sms_sends ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC OFFSET ${offset} LIMIT ${limit + 1}`, params);
    // One more than the page tells whether there is a next page.
    return { entries: rows.slice(0, limit).map((row) => this.present(entryFromRow(row))), has_more: rows.length > limit };
  }

  async budgetUsage(): Promise<BudgetUsage> {
    const { rows } = await this.query<{ sends_last_minute: number; recipients_last_day: number }>(USAGE_SQL, ['']);
    return { sendsLastMinute: rows[0].sends_last_minute, recipientsLastDay: rows[0].recipients_last_day };
  }

  onDidChange(listener: (entry: LedgerEntry) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Calls `onChange` after every write any instance commits (LISTEN/NOTIFY); see sendListener.ts. */
  listen(onChange: () => void, onError?: (error: BaasSmsError) => void): Promise<SendListener> {
    return listenForSends({ url: this.url, location: this.location, password: this.password, setting: this.setting, onChange, onError, logger: this.logger });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private async settle(id: string, result: OutcomeResult, condition: string): Promise<LedgerEntry | undefined> {
    const { rows } = await this.query<SendRow>(
      `UPDATE baas_sms_sends SET outcome = $2, group_id = $3, error = $4, completed_at = clock_timestamp() WHERE id = $1 ${condition} RETURNING ${SEND_COLUMNS}`,
      [id, result.outcome, result.outcome === 'sent' ? result.group_id : null, result.outcome === 'sent' ? null : JSON.stringify(result.error)]);
    return rows[0] && this.emit(entryFromRow(rows[0]));
  }

  /** A pending send whose process is gone (or is older than the stale age) reads as unknown. */
  private present(entry: LedgerEntry): LedgerEntry {
    if (entry.outcome === 'pending' && this.lostCommits.has(entry.id)) return { ...entry, outcome: 'failed', error: this.lostCommits.error };
    return isInterrupted(entry, Date.now(), this.staleAfterMs) ? { ...entry, outcome: 'unknown', error: interruptedError() } : entry;
  }

  private emit(entry: LedgerEntry): LedgerEntry {
    for (const listener of this.listeners) {
      try {
        listener({ ...entry });
      } catch (error) {
        this.logger.error(`send ledger listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return entry;
  }

  private async query<R extends object>(sql: string, params: unknown[] = []): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw ledgerUnavailable(error, this.location, this.password, this.setting);
    }
  }

  private async withClient<T>(task: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw ledgerUnavailable(error, this.location, this.password, this.setting);
    }
    // A checked-out connection that breaks emits 'error' (the pool hears idle ones only): unheard, it ends the process.
    const lost = (error: Error): void => this.logger.warn(`send ledger ${this.location}: connection lost (${this.redact(error.message)})`);
    client.on('error', lost);
    let failed = false;
    try {
      return await task(client);
    } catch (error) {
      failed = true;
      throw ledgerUnavailable(error, this.location, this.password, this.setting);
    } finally {
      // A connection that failed mid-transaction (a timeout, say) is not handed to the next send (nor unheard).
      if (!failed) client.removeListener('error', lost);
      client.release(failed);
    }
  }

  private redact(text: string): string {
    return ledgerUnavailable(new Error(text), this.location, this.password, this.setting).params.detail as string;
  }
}

