// Reads the history as rows (a campaign is one row) and completes each campaign from its record
// beside the ledger file: the metadata (template, who started it, when), the batches the ledger has
// no entry for yet (open, or failed before any claim), and batches older than the page read (looked
// up by their claim). A campaign whose record is not on this machine (a team ledger, another
// machine) shows what the ledger knows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ledgerId, lookupBatchClaims, recordedStates, type RecordedState } from '../../campaign/batchStates';
import { CampaignRecord, campaignsDir, readCampaignEvents } from '../../campaign/campaignRecord';
import type { LedgerEngine } from '../../ledger/engine/types';
import { MAX_PAGE_SIZE, type LedgerEntry } from '../../ledger/sendLedger';
import type { Recipient } from '../../core/types';
import { batchFromEntry, groupRows, rowCount, sortBatches, type CampaignInfo, type CampaignRow, type HistoryRow } from './campaignRows';

export type RowLedger = Pick<LedgerEngine, 'kind' | 'location' | 'list' | 'lookupClaim' | 'lookupClaims'>;

export interface RowsPage {
  rows: HistoryRow[];
  has_more: boolean;
  /** Every entry read, newest first: what the service polls and watches. */
  entries: LedgerEntry[];
}

interface KnownCampaign {
  info: CampaignInfo;
  batches: Array<{ index: number; key: string; recipients: number }>;
}

/** Campaign records as the tree needs them: read once each (a record never changes after its start). */
export class CampaignRecords {
  private readonly known = new Map<string, KnownCampaign>();

  constructor(private readonly ledgerFile: string) {}

  get dir(): string {
    return campaignsDir(this.ledgerFile);
  }

  summary(id: string): KnownCampaign | undefined {
    const cached = this.known.get(id);
    if (cached) return cached;
    // A campaign id comes from the ledger (a team's, perhaps): only plain names are looked up as files.
    if (!/^[\w-][\w.-]*$/.test(id) || !fs.existsSync(path.join(this.dir, `${id}.json`))) return undefined;
    let start: CampaignRecord['start'];
    try {
      start = CampaignRecord.open(this.dir, id).start;
    } catch {
      return undefined;
    }
    const { plan } = start;
    const summary: KnownCampaign = {
      info: {
        ...(plan.source.file ? { file: path.basename(plan.source.file) } : {}),
        template: plan.template.message, batchCount: plan.batch_count,
        startedBy: start.started_by, startedAt: start.started_at, sandbox: start.sandbox,
      },
      // Only what the rows need: the plan's recipients stay on disk until an open batch is expanded.
      batches: plan.batches.map((b) => ({ index: b.index, key: b.idempotency_key, recipients: b.recipients.length })),
    };
    this.known.set(id, summary);
    return summary;
  }

  /** The planned recipients of a batch that has no ledger entry (not sent yet). */
  plannedRecipients(id: string, index: number): Recipient[] {
    if (!this.summary(id)) return [];
    return CampaignRecord.open(this.dir, id).start.plan.batches.find((b) => b.index === index)?.recipients ?? [];
  }
}

/** The newest `count` rows; reads ledger pages until it has one row more than asked (or the end). */
export async function readRows(ledger: RowLedger, records: CampaignRecords, count: number): Promise<RowsPage> {
  const entries: LedgerEntry[] = [];
  let more = true;
  while (more && rowCount(entries) <= count) {
    const page = await ledger.list({ offset: entries.length, limit: MAX_PAGE_SIZE });
    entries.push(...page.entries);
    more = page.has_more && page.entries.length > 0;
  }
  const rows = groupRows(entries, count);
  const oldest = entries.at(-1)?.created_at;
  for (const row of rows) {
    if (row.kind !== 'campaign') continue;
    const known = records.summary(row.campaign.campaignId);
    if (!known) continue;
    // Batches older than the last entry read are looked up; when the read reached the campaign's start, a missing batch has no entry.
    const lookups = more && oldest !== undefined && oldest >= known.info.startedAt;
    await complete(row.campaign, known, records, ledger, lookups);
  }
  return { rows, has_more: rowCount(entries) > count || more, entries };
}

async function complete(row: CampaignRow, known: KnownCampaign, records: CampaignRecords, ledger: RowLedger, lookups: boolean): Promise<void> {
  row.info = known.info;
  const present = new Set(row.batches.map((b) => b.index));
  const missing = known.batches.filter((batch) => !present.has(batch.index));
  const entries = lookups ? await lookupBatchClaims(ledger, missing.map((batch) => batch.key)) : [];
  let recorded: Map<number, RecordedState> | undefined;
  for (const [i, batch] of missing.entries()) {
    const entry = entries[i];
    if (entry) {
      row.batches.push(batchFromEntry(entry, batch.index));
      continue;
    }
    // No entry: a failed batch gave its claim back, or the ledger's claim index no longer reaches a
    // batch sent days ago, or a run died mid-batch. Only the campaign's events remember which.
    recorded ??= recordedStates(readCampaignEvents(records.dir, row.campaignId), ledgerId(ledger));
    row.batches.push({ index: batch.index, state: 'open', recipients: batch.recipients, ...recorded.get(batch.index) });
  }
  sortBatches(row);
}
