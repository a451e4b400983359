// The history tree: sends newest first, each expandable to its recipients, with a "Load more" item.
// It draws what HistoryService answers and redraws on refresh(); following the ledger, polling and
// the "finished" notifications are the service's.
import * as vscode from 'vscode';
import type { LedgerEntry } from '../../ledger/sendLedger';
import { COMMANDS, HISTORY_PAGE_SIZE, TREE_ITEM_CONTEXT } from '../constants';
import { t } from '../l10n';
import { presentRecipient, presentSend, recipientRows, type IconSpec, type RecipientRow } from './historyPresentation';
import type { HistoryService } from './historyService';

export type HistoryNode =
  | { kind: 'send'; entry: LedgerEntry }
  | { kind: 'recipient'; sendId: string; index: number; row: RecipientRow }
  | { kind: 'loadMore' };

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private pages = 1;

  constructor(private readonly history: HistoryService) {}

  /** Redraws the tree from the ledger. */
  refresh(): void {
    this.changed.fire();
  }

  /** Shows one more page of older sends. */
  loadMore(): void {
    this.pages++;
    this.refresh();
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (!node) {
      const { entries, has_more } = await this.history.newest(this.pages * HISTORY_PAGE_SIZE);
      const sends: HistoryNode[] = entries.map((entry) => ({ kind: 'send', entry }));
      return has_more ? [...sends, { kind: 'loadMore' }] : sends;
    }
    if (node.kind !== 'send') return [];
    const entry = (await this.history.entry(node.entry.id)) ?? node.entry;
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

  dispose(): void {
    this.changed.dispose();
  }
}

function themeIcon(icon: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}
