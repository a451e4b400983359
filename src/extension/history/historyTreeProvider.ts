// The history tree: sends newest first, each expandable to its recipients; a campaign is one node
// (placed by its newest batch) expandable to its batches, each to its recipients; then a "Load
// more" item. It draws what HistoryService answers and redraws on refresh(); following the ledger,
// polling and the "finished" notifications are the service's.
import * as vscode from 'vscode';
import type { LedgerEntry } from '../../ledger/sendLedger';
import { COMMANDS, HISTORY_PAGE_SIZE, TREE_ITEM_CONTEXT } from '../constants';
import { t } from '../l10n';
import {
  batchItem, batchNodes, batchRecipients, campaignItem, campaignNode, withPresentation,
  type BatchNode, type CampaignNode, type RecipientNode,
} from './campaignNodes';
import { presentRecipient, presentSend, recipientRows } from './historyPresentation';
import type { HistoryService } from './historyService';

export type HistoryNode =
  | { kind: 'send'; entry: LedgerEntry }
  | CampaignNode
  | BatchNode
  | RecipientNode
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

  /** Shows one more page of older sends (a campaign counts as one). */
  loadMore(): void {
    this.pages++;
    this.refresh();
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (!node) {
      const { rows, has_more } = await this.history.rows(this.pages * HISTORY_PAGE_SIZE);
      const nodes: HistoryNode[] = rows.map((row) => (row.kind === 'send' ? { kind: 'send', entry: row.entry } : campaignNode(row.campaign)));
      return has_more ? [...nodes, { kind: 'loadMore' }] : nodes;
    }
    if (node.kind === 'campaign') return batchNodes(node);
    if (node.kind === 'batch') return batchRecipients(node, this.history);
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
    if (node.kind === 'campaign') return campaignItem(node);
    if (node.kind === 'batch') return batchItem(node);
    if (node.kind === 'recipient') {
      const shown = presentRecipient(node.row, t);
      const item = withPresentation(new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.None), shown);
      item.id = `${node.sendId}/${node.index}`;
      item.contextValue = TREE_ITEM_CONTEXT.recipient;
      return item;
    }
    const shown = presentSend(node.entry, t);
    const item = withPresentation(new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.Collapsed), shown);
    item.id = node.entry.id;
    item.contextValue = node.entry.group_id !== undefined ? TREE_ITEM_CONTEXT.group : TREE_ITEM_CONTEXT.send;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
