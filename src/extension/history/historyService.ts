// What the history view shows and keeps current, without the view: the newest sends from the ledger
// (the file, or the team's PostgreSQL), followed as it changes (this window's sends at once; other
// processes' through the file, or the team's through LISTEN/NOTIFY), groups not final yet polled,
// and each group announced once when it finishes. No `vscode` import: the tree only draws this.
import { toBaasSmsError, type BaasSmsError } from '../../core/errors';
import type { Locale } from '../../core/locale';
import type { Logger } from '../../core/logger';
import { currentOwner } from '../../ledger/engine/owner';
import { MAX_PAGE_SIZE, type LedgerEntry, type LedgerPage } from '../../ledger/sendLedger';
import type { SendService } from '../../sending/sendService';
import { isOpenGroup } from '../../sending/sendService';
import { POLL_MAX_AGE_MS } from '../constants';
import type { SwitchingLedgerEngine } from '../teamLedger/switchingEngine';
import type { Recipient } from '../../core/types';
import { CampaignRecords, readRows, type RowsPage } from './campaignHistory';
import { FinalStateTracker } from './finalStateTracker';
import { watchLedgerFile } from './ledgerFileWatcher';
import { StatusPoller } from './statusPoller';

/** Entries looked at for polling and for "finished" notifications, whatever the pages shown. */
const WATCHED_ENTRIES = 100;
/** How long notices from the team ledger are gathered before the history is read again. */
const LISTEN_BURST_MS = 150;

export type HistoryLedger = Pick<SwitchingLedgerEngine, 'kind' | 'location' | 'list' | 'get' | 'lookupClaim' | 'onDidChange' | 'onDidSwitch' | 'listen'>;

export interface HistoryServiceOptions {
  ledger: HistoryLedger;
  /** The ledger file, watched while the file is the ledger. */
  ledgerFile: string;
  sendService: SendService;
  logger: Logger;
  pollCapMs: () => number;
  locale: () => Locale;
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
  /** The newest watched sends as last read: what the poller looks at between reads. */
  private watched: LedgerEntry[] = [];
  private follower: { dispose(): void } | undefined;
  private listenError: string | undefined;
  private readError: string | undefined;
  private disposed = false;
  private readonly campaigns: CampaignRecords;

  constructor(private readonly options: HistoryServiceOptions) {
    this.campaigns = new CampaignRecords(options.ledgerFile);
    this.poller = new StatusPoller({
      openGroups: () => this.openGroups(),
      refresh: (entries) => options.sendService.refreshOpenGroups(entries),
      capMs: options.pollCapMs,
      logger: options.logger,
    });
    this.subscriptions = [
      options.ledger.onDidChange(() => this.ledgerChanged()),
      options.ledger.onDidSwitch(() => this.switched()),
    ];
    // The file is watched from the start (cheap, no read); the team ledger's LISTEN session opens at
    // the first look at the history. No ledger read here: activation stays light.
    this.follow(false);
  }

  /** Called after every change worth redrawing. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** What is wrong with the ledger now (unreachable team database), in the user's language; undefined when fine. */
  get problem(): string | undefined {
    return this.readError ?? this.listenError;
  }

  /** Whether the history is the team's (PostgreSQL) rather than this machine's file. */
  get team(): boolean {
    return this.options.ledger.kind === 'postgres';
  }

  /** The newest `count` sends; the first call starts following the ledger. An unreachable ledger reads as empty, with `problem` set. */
  async newest(count: number): Promise<LedgerPage> {
    this.watchedCount = Math.max(WATCHED_ENTRIES, count);
    if (!this.watching) void this.watch();
    try {
      const page = await newestSends(this.options.ledger, count);
      this.setReadError(undefined);
      return page;
    } catch (error) {
      this.setReadError(toBaasSmsError(error));
      return { entries: [], has_more: false };
    }
  }

  /** The newest `count` rows: sends, and campaigns (each one row, with its batches); like newest(), it starts following. */
  async rows(count: number): Promise<Omit<RowsPage, 'entries'>> {
    if (!this.watching) void this.watch();
    try {
      const { rows, has_more, entries } = await readRows(this.options.ledger, this.campaigns, count);
      // A campaign's batches beyond the usual window are watched (and polled) with it.
      this.watchedCount = Math.max(WATCHED_ENTRIES, entries.length);
      this.setReadError(undefined);
      return { rows, has_more };
    } catch (error) {
      this.setReadError(toBaasSmsError(error));
      return { rows: [], has_more: false };
    }
  }

  /** The recipients a campaign's batch will go to, for a batch not sent yet (from the campaign's record). */
  plannedRecipients(campaignId: string, index: number): Recipient[] {
    try {
      return this.campaigns.plannedRecipients(campaignId, index);
    } catch {
      return [];
    }
  }

  /** A send as the ledger has it now. */
  async entry(id: string): Promise<LedgerEntry | undefined> {
    return this.options.ledger.get(id).catch(() => undefined);
  }

  /** Asks the server about every open group now, without waiting for the next poll. */
  async refreshOpenGroups(): Promise<void> {
    await this.options.sendService.refreshOpenGroups(this.openGroups());
    this.ledgerChanged();
  }

  /** Whether the status poller is scheduled or running; for tests. */
  get polling(): boolean {
    return this.poller.active;
  }

  private ledgerChanged(): void {
    void this.watch();
    this.fire();
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }

  private switched(): void {
    this.watched = [];
    this.listenError = undefined;
    this.readError = undefined;
    this.follow(this.watching);
    this.ledgerChanged();
  }

  /** Follows writes by others: the file's size, or the team database's notices (only once `live`). */
  private follow(live: boolean): void {
    this.follower?.dispose();
    this.follower = undefined;
    const ledger = this.options.ledger;
    if (ledger.kind === 'file') {
      this.follower = watchLedgerFile(this.options.ledgerFile, () => this.ledgerChanged());
      return;
    }
    if (!live) return;
    let closed = false;
    let session: { close(): Promise<void> } | undefined;
    // A busy team sends many notices: one read per burst, not one per send.
    let burst: NodeJS.Timeout | undefined;
    const changed = (): void => {
      burst ??= setTimeout(() => {
        burst = undefined;
        this.listenError = undefined;
        if (!closed) this.ledgerChanged();
      }, LISTEN_BURST_MS);
    };
    this.follower = { dispose: () => { closed = true; clearTimeout(burst); void session?.close(); } };
    ledger.listen(changed, (error) => this.setListenError(error)).then((opened) => {
      if (closed) return void opened.close();
      session = opened;
      this.setListenError(undefined);
    }, (error: unknown) => this.setListenError(toBaasSmsError(error)));
  }

  /** Notes which watched groups are open or just finished (telling the user of the latter), and wakes the poller. */
  private async watch(): Promise<void> {
    if (!this.watching && this.options.ledger.kind === 'postgres') this.follow(true);
    this.watching = true;
    try {
      const { entries } = await newestSends(this.options.ledger, this.watchedCount);
      if (this.disposed) return;
      // On a team ledger, each window polls and announces its own machine's sends, not the team's.
      const mine = this.team ? entries.filter((e) => e.owner?.host === currentOwner().host) : entries;
      this.watched = mine;
      // A campaign's batches finish by the dozen: its node shows them, one notification each would bury the user.
      for (const finished of this.tracker.observe(mine)) if (!finished.campaign_id) this.options.onGroupFinished(finished);
      this.poller.poke();
    } catch (error) {
      this.options.logger.debug(`history: ledger read failed: ${toBaasSmsError(error).describe('en').message}`);
    }
  }

  private openGroups(): LedgerEntry[] {
    const oldest = Date.now() - POLL_MAX_AGE_MS;
    // Beyond the newest sends, the batches of campaigns shown are polled too: their node counts deliveries.
    return this.watched.filter((e, i) => (i < WATCHED_ENTRIES || e.campaign_id) && isOpenGroup(e) && Date.parse(e.created_at) >= oldest);
  }

  private setListenError(error: BaasSmsError | undefined): void {
    const text = error && describe(error, this.options.locale());
    if (text === this.listenError) return;
    this.listenError = text;
    this.fire();
  }

  private setReadError(error: BaasSmsError | undefined): void {
    const text = error && describe(error, this.options.locale());
    if (text === this.readError) return;
    this.readError = text;
    // The tree reads again on change: only a change of state is worth a redraw, or it would loop.
    this.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.follower?.dispose();
    this.poller.dispose();
    this.listeners.clear();
  }
}

function describe(error: BaasSmsError, locale: Locale): string {
  const { code, message, hint } = error.describe(locale);
  return `[${code}] ${message} ${hint}`;
}

/** The newest `count` sends, over as many ledger pages as that takes. */
async function newestSends(ledger: HistoryLedger, count: number): Promise<LedgerPage> {
  const entries: LedgerEntry[] = [];
  for (;;) {
    const page = await ledger.list({ offset: entries.length, limit: Math.min(MAX_PAGE_SIZE, count - entries.length) });
    entries.push(...page.entries);
    if (!page.has_more || entries.length >= count || page.entries.length === 0) return { entries, has_more: page.has_more };
  }
}
