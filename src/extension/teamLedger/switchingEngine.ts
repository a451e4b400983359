// The extension's one ledger engine, whichever holds the ledger now: the file (the default) or the
// team's PostgreSQL (Set Team Ledger…). The send service, the MCP host and the history all hold this
// object, so a switch reaches all three at once without rebuilding them. Until the stored team
// ledger is known (reading SecretStorage is asynchronous), every operation waits: a send never goes
// to the file while a team ledger is set, and a team ledger that is down fails the send
// (LEDGER_UNAVAILABLE) rather than falling back. No `vscode` import: unit-tested with real engines.
import type { BaasSmsError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { GroupStatus } from '../../core/types';
import type { LedgerEntry, OutcomeResult } from '../../ledger/ledgerRecords';
import type { LedgerPage, LedgerQuery } from '../../ledger/sendLedger';
import type { BudgetUsage, Claim, LedgerEngine, ReserveAnswer, ReserveRequest } from '../../ledger/engine/types';

type Listener = (entry: LedgerEntry) => void;

export class SwitchingLedgerEngine implements LedgerEngine {
  private current: LedgerEngine;
  /** Settled once the engine to use is known; operations wait for it. */
  private ready: Promise<unknown> = Promise.resolve();
  /** The current engine's open(), run before its first use (migrations); retried after a failure. */
  private opening: Promise<unknown> | undefined;
  /** Sends reserved and not settled yet, with the engine that holds their pending record. */
  private readonly inFlight = new Map<string, LedgerEngine>();
  private readonly listeners = new Set<Listener>();
  private readonly switchListeners = new Set<() => void>();
  private forward: { dispose(): void };

  /** `file` is opened by its owner (the runtime); it is never closed here. */
  constructor(private readonly file: LedgerEngine, private readonly logger: Logger, private readonly onRecovered: (count: number) => void = () => undefined) {
    this.current = file;
    this.opening = Promise.resolve();
    this.forward = file.onDidChange((entry) => this.emit(entry));
  }

  get kind(): 'file' | 'postgres' {
    return this.current.kind;
  }

  get location(): string {
    return this.current.location;
  }

  /**
   * Uses the engine `next` resolves to (undefined: the file) from now on; operations wait until it is
   * known. A failure to build it leaves no engine: operations fail with that error until the next switch.
   */
  switchTo(next: Promise<LedgerEngine | undefined>): Promise<void> {
    const switched = next.then((engine) => this.use(engine ?? this.file), (error: unknown) => {
      this.use(failingEngine(error, this.current.kind === 'file' ? 'postgres' : this.current.kind));
      throw error;
    });
    this.ready = switched;
    return switched;
  }

  /** Told after each switch, once the new engine is in use. */
  onDidSwitch(listener: () => void): { dispose(): void } {
    this.switchListeners.add(listener);
    return { dispose: () => this.switchListeners.delete(listener) };
  }

  open(): Promise<LedgerEntry[]> {
    return this.file.open();
  }

  async lookupClaim(claim: Claim): Promise<LedgerEntry | undefined> {
    return (await this.opened()).lookupClaim(claim);
  }

  /** The engine's one-read lookup when it has one (the file engine), else each claim in turn. */
  async lookupClaims(claims: Claim[]): Promise<Array<LedgerEntry | undefined>> {
    const engine = await this.opened();
    if (engine.lookupClaims) return engine.lookupClaims(claims);
    const entries: Array<LedgerEntry | undefined> = [];
    for (const claim of claims) entries.push(await engine.lookupClaim(claim));
    return entries;
  }

  async reserve(request: ReserveRequest): Promise<ReserveAnswer> {
    const engine = await this.opened();
    const answer = await engine.reserve(request);
    if (answer.entry) this.inFlight.set(answer.entry.id, engine);
    return answer;
  }

  /** Recorded where the send was reserved, even if the ledger was switched meanwhile. */
  async recordOutcome(id: string, result: OutcomeResult): Promise<LedgerEntry> {
    const engine = this.inFlight.get(id) ?? (await this.opened());
    this.inFlight.delete(id);
    try {
      return await engine.recordOutcome(id, result);
    } finally {
      if (engine !== this.current && engine !== this.file && ![...this.inFlight.values()].includes(engine)) void engine.close();
    }
  }

  async recordStatus(id: string, status: GroupStatus): Promise<LedgerEntry> {
    return (await this.opened()).recordStatus(id, status);
  }

  async get(id: string): Promise<LedgerEntry | undefined> {
    return (await this.opened()).get(id);
  }

  async findByGroupId(groupId: number): Promise<LedgerEntry | undefined> {
    return (await this.opened()).findByGroupId(groupId);
  }

  async list(query?: LedgerQuery): Promise<LedgerPage> {
    return (await this.opened()).list(query);
  }

  async budgetUsage(): Promise<BudgetUsage> {
    return (await this.opened()).budgetUsage();
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async listen(onChange: () => void, onError?: (error: BaasSmsError) => void): Promise<{ close(): Promise<void> }> {
    const engine = await this.opened();
    if (!engine.listen) throw new Error(`the ${engine.kind} ledger cannot be listened to`);
    return engine.listen(onChange, onError);
  }

  /** Closes the team engine; the file is its owner's. */
  async close(): Promise<void> {
    this.forward.dispose();
    if (this.current !== this.file) await this.current.close();
  }

  private use(engine: LedgerEngine): void {
    const previous = this.current;
    if (engine === previous) return;
    this.forward.dispose();
    this.current = engine;
    this.opening = engine === this.file ? Promise.resolve() : undefined;
    this.forward = engine.onDidChange((entry) => this.emit(entry));
    if (previous !== this.file && ![...this.inFlight.values()].includes(previous)) void previous.close();
    this.logger.info(`send ledger: now ${engine.location}`);
    for (const listener of this.switchListeners) listener();
  }

  /** The current engine, opened (schema migrated, interrupted sends recovered) before its first use. */
  private async opened(): Promise<LedgerEngine> {
    await this.ready.catch(() => undefined);
    const engine = this.current;
    this.opening ??= engine.open().then((recovered) => {
      if (recovered.length > 0) this.onRecovered(recovered.length);
    }, (error: unknown) => {
      // Not opened: the next operation tries again (the database may be back by then).
      if (this.current === engine) this.opening = undefined;
      throw error;
    });
    await this.opening;
    return engine;
  }

  private emit(entry: LedgerEntry): void {
    for (const listener of this.listeners) listener(entry);
  }
}

/** Stands in for a team ledger that could not be built: every use fails with why. */
function failingEngine(error: unknown, kind: 'file' | 'postgres'): LedgerEngine {
  const reason = error instanceof Error ? error : new Error(String(error));
  const fail = (): Promise<never> => Promise.reject(reason);
  return {
    kind, location: 'postgres://***', open: fail, lookupClaim: fail, reserve: fail, recordOutcome: fail, recordStatus: fail,
    get: fail, findByGroupId: fail, list: fail, budgetUsage: fail, close: () => Promise.resolve(),
    onDidChange: () => ({ dispose: () => undefined }),
  };
}
