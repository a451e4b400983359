// What the history view shows and keeps current, without the view: the newest sends from the ledger,
// followed as it changes (this window's sends at once; another window's or process's through the
// file), groups not final yet polled, and each group announced once when it finishes. No `vscode`
// import: the tree (historyTreeProvider.ts) only draws what this service answers.
import type { Logger } from '../../core/logger';
import { MAX_PAGE_SIZE, type LedgerEntry, type LedgerPage, type SendLedger } from '../../ledger/sendLedger';
import type { SendingRuntime } from '../../sending/runtime';
import { isOpenGroup } from '../../sending/sendService';
import { POLL_MAX_AGE_MS } from '../constants';
import { FinalStateTracker } from './finalStateTracker';
import { watchLedgerFile } from './ledgerFileWatcher';
import { StatusPoller } from './statusPoller';

/** Entries looked at for polling and for "finished" notifications, whatever the pages shown. */
const WATCHED_ENTRIES = 100;

export interface HistoryServiceOptions {
  runtime: SendingRuntime;
  logger: Logger;
  pollCapMs: () => number;
  /** Told once per group that reaches its final state while this window watched it. */
  onGroupFinished: (entry: LedgerEntry) => void;
}

export class HistoryService {
  private readonly tracker = new FinalStateTracker();
  private readonly poller: StatusPoller;
  private readonly subscriptions: Array<{ dispose(): void }>;
  private readonly listeners = new Set<() => void>();
  /** Whether the ledger is followed yet: from the first look at the history or the first ledger change, not at activation. */
  private watching = false;
  private watchedCount = WATCHED_ENTRIES;

  constructor(private readonly options: HistoryServiceOptions) {
    this.poller = new StatusPoller({
      openGroups: () => this.openGroups(),
      refresh: (entries) => options.runtime.sendService.refreshOpenGroups(entries),
      capMs: options.pollCapMs,
      logger: options.logger,
    });
    this.subscriptions = [
      options.runtime.ledger.onDidChange(() => this.ledgerChanged()),
      watchLedgerFile(options.runtime.ledger.file, () => this.ledgerChanged()),
    ];
    // No ledger read here: activation stays light. Groups still open from an earlier session are
    // picked up (polled, and announced when they finish) once the history is shown or the ledger changes.
  }

  /** Called after every change worth redrawing. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The newest `count` sends; the first call starts following the ledger. */
  newest(count: number): LedgerPage {
    this.watchedCount = Math.max(WATCHED_ENTRIES, count);
    if (!this.watching) this.watch();
    return newestSends(this.options.runtime.ledger, count);
  }

  /** A send as the ledger has it now. */
  entry(id: string): LedgerEntry | undefined {
    return this.options.runtime.ledger.get(id);
  }

  /** Asks the server about every open group now, without waiting for the next poll. */
  async refreshOpenGroups(): Promise<void> {
    await this.options.runtime.sendService.refreshOpenGroups(this.openGroups());
    this.ledgerChanged();
  }

  /** Whether the status poller is scheduled or running; for tests. */
  get polling(): boolean {
    return this.poller.active;
  }

  private ledgerChanged(): void {
    this.watch();
    for (const listener of this.listeners) listener();
  }

  /** Notes which watched groups are open or just finished (telling the user of the latter), and wakes the poller. */
  private watch(): void {
    this.watching = true;
    const { entries } = newestSends(this.options.runtime.ledger, this.watchedCount);
    for (const finished of this.tracker.observe(entries)) this.options.onGroupFinished(finished);
    this.poller.poke();
  }

  private openGroups(): LedgerEntry[] {
    const oldest = Date.now() - POLL_MAX_AGE_MS;
    return this.options.runtime.ledger
      .list({ offset: 0, limit: WATCHED_ENTRIES })
      .entries.filter((e) => isOpenGroup(e) && Date.parse(e.created_at) >= oldest);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.poller.dispose();
    this.listeners.clear();
  }
}

/** The newest `count` sends, over as many ledger pages as that takes. */
function newestSends(ledger: SendLedger, count: number): LedgerPage {
  const entries: LedgerEntry[] = [];
  for (;;) {
    const page = ledger.list({ offset: entries.length, limit: Math.min(MAX_PAGE_SIZE, count - entries.length) });
    entries.push(...page.entries);
    if (!page.has_more || entries.length >= count || page.entries.length === 0) return { entries, has_more: page.has_more };
  }
}
