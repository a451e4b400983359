// The history's rows: a single send is one row; the batches of a campaign (ledger entries with
// `campaign_id`) are gathered into one row per campaign, placed by its newest batch. No `vscode`
// import and no file access: the grouping and the counts are unit-tested as they are.
import type { BatchState } from '../../campaign/batchStates';
import type { LedgerEntry } from '../../ledger/sendLedger';
import { recipientRows } from './historyPresentation';

/** What the campaign's record beside the ledger says; absent when the record is not on this machine. */
export interface CampaignInfo {
  /** The contact file's name (no folder), when the list came from a file. */
  file?: string;
  template: string;
  batchCount: number;
  startedBy: string;
  startedAt: string;
  sandbox: boolean;
}

export interface CampaignBatchRow {
  /** 1-based, as in the plan; 0 when the entry's key does not say (a foreign writer). */
  index: number;
  state: BatchState;
  recipients: number;
  /** The batch's ledger entry (its newest attempt); absent while the batch is open. */
  entry?: LedgerEntry;
  error?: { code: string; message: string };
}

export interface CampaignRow {
  campaignId: string;
  /** created_at of its newest batch: where the row sits among the sends. */
  latest: string;
  /** In batch order. */
  batches: CampaignBatchRow[];
  info?: CampaignInfo;
}

export type HistoryRow = { kind: 'send'; entry: LedgerEntry } | { kind: 'campaign'; campaign: CampaignRow };

export interface CampaignTotals {
  /** Recipients by delivery result, over every batch that has an entry. */
  delivered: number;
  failed: number;
  sending: number;
  /** Recipients of batches whose outcome is unknown or still pending: they may have been sent. */
  unknown: number;
  /** Recipients not sent (open batches, and batches that certainly failed). */
  notSent: number;
  batchesSent: number;
  batchesTotal: number;
  /** Batches to check (unknown or pending): never sent again automatically. */
  batchesToCheck: number;
  batchesFailed: number;
}

/** `<campaign_id>:batch:N` → N; 0 when the key has another shape. */
export function batchIndex(entry: LedgerEntry): number {
  const m = /:batch:(\d+)$/.exec(entry.idempotency_key);
  return m && entry.campaign_id && entry.idempotency_key.startsWith(`${entry.campaign_id}:`) ? Number(m[1]) : 0;
}

export function batchFromEntry(entry: LedgerEntry, index = batchIndex(entry)): CampaignBatchRow {
  return { index, state: entry.outcome, recipients: entry.recipients.length, entry, ...(entry.error ? { error: entry.error } : {}) };
}

/**
 * Groups sends (newest first) into rows, keeping the first `count` rows. A batch tried more than once
 * (failed, then sent on resume) shows its newest attempt.
 */
export function groupRows(entries: LedgerEntry[], count = Number.POSITIVE_INFINITY): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const campaigns = new Map<string, { row: CampaignRow; seen: Set<number> }>();
  for (const entry of entries) {
    if (!entry.campaign_id) {
      if (rows.length < count) rows.push({ kind: 'send', entry });
      continue;
    }
    let campaign = campaigns.get(entry.campaign_id);
    if (!campaign) {
      // Batches of a campaign whose row fell outside the page are not followed further.
      if (rows.length >= count) continue;
      campaign = { row: { campaignId: entry.campaign_id, latest: entry.created_at, batches: [] }, seen: new Set() };
      campaigns.set(entry.campaign_id, campaign);
      rows.push({ kind: 'campaign', campaign: campaign.row });
    }
    const index = batchIndex(entry);
    if (index !== 0 && campaign.seen.has(index)) continue;
    campaign.seen.add(index);
    campaign.row.batches.push(batchFromEntry(entry, index));
  }
  for (const { row } of campaigns.values()) sortBatches(row);
  return rows;
}

/** How many rows `entries` (newest first) make: a campaign counts once. */
export function rowCount(entries: LedgerEntry[]): number {
  const campaigns = new Set<string>();
  let rows = 0;
  for (const entry of entries) {
    if (!entry.campaign_id) rows++;
    else if (!campaigns.has(entry.campaign_id)) {
      campaigns.add(entry.campaign_id);
      rows++;
    }
  }
  return rows;
}

export function sortBatches(row: CampaignRow): void {
  row.batches.sort((a, b) => a.index - b.index || (a.entry?.created_at ?? '').localeCompare(b.entry?.created_at ?? ''));
}

/** The campaign's figures: recipients counted per result as a single send counts them (recipientRows). */
export function campaignTotals(row: CampaignRow): CampaignTotals {
  const totals: CampaignTotals = {
    delivered: 0, failed: 0, sending: 0, unknown: 0, notSent: 0,
    batchesSent: 0, batchesTotal: Math.max(row.info?.batchCount ?? 0, row.batches.length), batchesToCheck: 0, batchesFailed: 0,
  };
  for (const batch of row.batches) {
    if (batch.state === 'sent') totals.batchesSent++;
    else if (batch.state === 'unknown' || batch.state === 'pending') totals.batchesToCheck++;
    else if (batch.state === 'failed') totals.batchesFailed++;
    if (!batch.entry) {
      totals.notSent += batch.recipients;
      continue;
    }
    for (const recipient of recipientRows(batch.entry)) {
      if (recipient.status === '성공') totals.delivered++;
      else if (recipient.status === '실패') totals.failed++;
      // A pending batch's request may be under way or may have been cut: its recipients are not yet "sending".
      else if (recipient.status === 'unknown' || (recipient.status === '전송중' && batch.state === 'pending')) totals.unknown++;
      else if (recipient.status === '전송중') totals.sending++;
      else totals.notSent++;
    }
  }
  return totals;
}
