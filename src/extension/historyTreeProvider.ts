// The history view: sends newest first, each expandable to its recipients. It follows the ledger, so
// a send from any origin (an agent's tool call, a command at once; another window or process within
// seconds) shows up; it polls groups that are not final yet and tells the user once when one finishes.
import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { MAX_PAGE_SIZE, type LedgerEntry, type LedgerPage, type SendLedger } from '../ledger/sendLedger';
import type { SendingRuntime } from '../sending/runtime';
import { isOpenGroup } from '../sending/sendService';
import { COMMANDS, HISTORY_PAGE_SIZE, POLL_MAX_AGE_MS, TREE_ITEM_CONTEXT } from './constants';
import { FinalStateTracker } from './finalStateTracker';
import { watchLedgerFile } from './ledgerFileWatcher';
import { presentRecipient, presentSend, recipientRows, type IconSpec, type RecipientRow } from './historyPresentation';
import { t } from './l10n';
import { StatusPoller } from './statusPoller';

export type HistoryNode =
  | { kind: 'send'; entry: LedgerEntry }
  | { kind: 'recipient'; sendId: string; index: number; row: RecipientRow }
  | { kind: 'loadMore' };

/** Entries looked at for polling and for "finished" notifications, whatever the pages shown. */
const WATCHED_ENTRIES = 100;

export interface HistoryTreeOptions {
  runtime: SendingRuntime;
  logger: Logger;
  pollCapMs: () => number;
  /** Told once per group that reaches its final state while this window watched it. */
  onGroupFinished: (entry: LedgerEntry) => void;
}

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private pages = 1;
  private readonly tracker = new FinalStateTracker();
  private readonly poller: StatusPoller;
  private readonly subscriptions: Array<{ dispose(): void }>;
  /** Whether the ledger is being followed yet: from the first look at the tree or the first ledger change, not at activation. */
  private watching = false;

  constructor(private readonly options: HistoryTreeOptions) {
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
    // picked up (polled, and announced when they finish) once the view is shown or the ledger changes.
  }

  /** Re-reads the ledger and redraws the tree. */
  refresh(): void {
    this.ledgerChanged();
  }

  /** Asks the server about every open group now, without waiting for the next poll. */
  async refreshOpenGroups(): Promise<void> {
    await this.options.runtime.sendService.refreshOpenGroups(this.openGroups());
    this.refresh();
  }

  /** Shows one more page of older sends. */
  loadMore(): void {
    this.pages++;
    this.changed.fire();
  }

  /** Whether the status poller is scheduled or running; for tests. */
  get polling(): boolean {
    return this.poller.active;
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) {
      if (!this.watching) this.watch();
      const { entries, has_more } = newestSends(this.options.runtime.ledger, this.pages * HISTORY_PAGE_SIZE);
      const sends: HistoryNode[] = entries.map((entry) => ({ kind: 'send', entry }));
      return has_more ? [...sends, { kind: 'loadMore' }] : sends;
    }
    if (node.kind !== 'send') return [];
    const entry = this.options.runtime.ledger.get(node.entry.id) ?? node.entry;
    return recipientRows(entry).map((row, index) => ({ kind: 'recipient', sendId: entry.id, index, row }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'loadMore') {
      const item = new vscode.TreeItem(t('Load more…'), vscode.TreeItemCollapsibleState.None);
      item.id = 'loadMore';
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = TREE_ITEM_CONTEXT.loadMore;
      item.command = { command: COMMANDS.loadMoreHistory, title: t('Load more…') };
      return item;
    }
    if (node.kind === 'recipient') {
      const shown = presentRecipient(node.row, t);
      const item = new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.sendId}/${node.index}`;
      item.description = shown.description;
      item.tooltip = shown.tooltip;
      item.iconPath = themeIcon(shown.icon);
      item.contextValue = TREE_ITEM_CONTEXT.recipient;
      return item;
    }
    const shown = presentSend(node.entry, t);
    const item = new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.entry.id;
    item.description = shown.description;
    item.tooltip = shown.tooltip;
    item.iconPath = themeIcon(shown.icon);
    item.contextValue = node.entry.group_id !== undefined ? TREE_ITEM_CONTEXT.group : TREE_ITEM_CONTEXT.send;
    return item;
  }

  private ledgerChanged(): void {
    this.watch();
    this.changed.fire();
  }

  /** Notes which watched groups are open or just finished (telling the user of the latter), and wakes the poller. */
  private watch(): void {
    this.watching = true;
    const { entries } = newestSends(this.options.runtime.ledger, Math.max(WATCHED_ENTRIES, this.pages * HISTORY_PAGE_SIZE));
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
    this.changed.dispose();
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

function themeIcon(icon: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}
