// The campaign's nodes in the history tree: the campaign (one node, its aggregate delivery, the
// target of Resume Campaign and Export Delivery Report, which read `campaignId` off the node), its
// batches, and a batch's recipients.
import * as vscode from 'vscode';
import type { LedgerEntry } from '../../ledger/sendLedger';
import { TREE_ITEM_CONTEXT } from '../constants';
import { t } from '../l10n';
import { presentBatch, presentCampaign } from './campaignPresentation';
import type { CampaignBatchRow, CampaignRow } from './campaignRows';
import { recipientRows, type IconSpec, type Presentation, type RecipientRow } from './historyPresentation';
import type { HistoryService } from './historyService';

export interface CampaignNode {
  kind: 'campaign';
  /** What the campaign commands read: the agreed contract with src/extension/campaign. */
  campaignId: string;
  campaign: CampaignRow;
}

export interface BatchNode {
  kind: 'batch';
  campaignId: string;
  batch: CampaignBatchRow;
  /** The batch's send, so the group actions (Refresh Status, Copy Group ID) work on it as on a send. */
  entry?: LedgerEntry;
}

export interface RecipientNode {
  kind: 'recipient';
  /** The tree id of the send or batch the recipient belongs to. */
  sendId: string;
  index: number;
  row: RecipientRow;
}

export function campaignNode(campaign: CampaignRow): CampaignNode {
  return { kind: 'campaign', campaignId: campaign.campaignId, campaign };
}

export function batchNodes(node: CampaignNode): BatchNode[] {
  return node.campaign.batches.map((batch) => ({ kind: 'batch', campaignId: node.campaignId, batch, ...(batch.entry ? { entry: batch.entry } : {}) }));
}

/** A batch's recipients: as its send has them now, or as planned while it is not sent. */
export async function batchRecipients(node: BatchNode, history: HistoryService): Promise<RecipientNode[]> {
  const sendId = batchId(node);
  const entry = node.entry && ((await history.entry(node.entry.id)) ?? node.entry);
  const rows: RecipientRow[] = entry
    ? recipientRows(entry)
    : history.plannedRecipients(node.campaignId, node.batch.index).map((r) => ({ phone: r.phone_number, status: 'not sent' }));
  return rows.map((row, index) => ({ kind: 'recipient', sendId, index, row }));
}

export function campaignItem(node: CampaignNode): vscode.TreeItem {
  const shown = presentCampaign(node.campaign, t);
  const item = withPresentation(new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.Collapsed), shown);
  item.id = `campaign:${node.campaignId}`;
  const tooltip = new vscode.MarkdownString(shown.tooltip);
  tooltip.supportThemeIcons = false;
  item.tooltip = tooltip;
  item.contextValue = TREE_ITEM_CONTEXT.campaign;
  return item;
}

export function batchItem(node: BatchNode): vscode.TreeItem {
  const shown = presentBatch(node.batch, t);
  const item = withPresentation(new vscode.TreeItem(shown.label, vscode.TreeItemCollapsibleState.Collapsed), shown);
  item.id = batchId(node);
  item.contextValue = node.entry?.group_id !== undefined ? TREE_ITEM_CONTEXT.group : TREE_ITEM_CONTEXT.send;
  return item;
}

/** Stable while a batch goes from open to sent, so an expanded batch stays expanded. */
function batchId(node: BatchNode): string {
  return node.batch.index ? `campaign:${node.campaignId}/batch:${node.batch.index}` : node.entry?.id ?? `campaign:${node.campaignId}/batch:?`;
}

export function withPresentation(item: vscode.TreeItem, shown: Presentation): vscode.TreeItem {
  item.description = shown.description;
  item.tooltip = shown.tooltip;
  item.iconPath = themeIcon(shown.icon);
  return item;
}

export function themeIcon(icon: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}
