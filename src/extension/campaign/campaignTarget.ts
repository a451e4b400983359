// Which campaign a command is about. The argument contract (shared with the history tree's campaign
// node): nothing (the palette: a QuickPick of the campaigns beside the ledger, newest first, with
// their counts), a campaign id, or a tree node with a string `campaignId`.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CampaignRecord } from '../../campaign/campaignRecord';
import { t } from '../l10n';

/** Campaigns listed in the QuickPick, newest first. */
const PICKED_CAMPAIGNS = 50;

export function campaignIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim() !== '') return arg.trim();
  const id = arg !== null && typeof arg === 'object' ? (arg as { campaignId?: unknown }).campaignId : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Every campaign started from this ledger (its `<id>.json` record; plans alone are not campaigns), newest first. */
export function listCampaigns(dir: string): CampaignRecord[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const records: CampaignRecord[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || name.endsWith('.plan.json')) continue;
    try {
      records.push(CampaignRecord.open(dir, name.slice(0, -'.json'.length)));
    } catch {
      // Not a campaign record (or a damaged one): the list shows what can be resumed or reported.
    }
  }
  return records.sort((a, b) => b.start.started_at.localeCompare(a.start.started_at));
}

/** The campaign `arg` names, or the one the user picks; undefined when there is none or they closed the pick. */
export async function resolveCampaign(arg: unknown, dir: string, title: string): Promise<CampaignRecord | undefined> {
  const id = campaignIdOf(arg);
  if (id !== undefined) return CampaignRecord.open(dir, id);
  const records = listCampaigns(dir).slice(0, PICKED_CAMPAIGNS);
  if (records.length === 0) {
    void vscode.window.showInformationMessage(t('BaaS SMS: no campaign has been sent from this window\'s ledger yet. Start one with Send Campaign from File….'));
    return undefined;
  }
  const items = records.map((record) => {
    const b = recordedCounts(record);
    return {
      label: record.id,
      description: `${new Date(record.start.started_at).toLocaleString()} · ${record.start.sandbox ? t('sandbox') : t('LIVE')}`,
      detail: t('{0}/{1} batches sent · {2} recipient(s) · {3} unknown · {4} failed · {5} not sent yet',
        b.sent, record.start.plan.batch_count, record.start.plan.counts.valid_recipients, b.unknown, b.failed, b.open),
      record,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: t('Choose a campaign'), matchOnDescription: true, matchOnDetail: true });
  return picked?.record;
}

/**
 * Batch counts from the campaign's own events, for the pick only: the ledger (the authority, asked
 * once a campaign is chosen) would take a look-up per batch of every campaign listed. A batch claimed
 * but not yet recorded (a crash in between) shows as not sent here, and as unknown once chosen.
 */
function recordedCounts(record: CampaignRecord): { sent: number; unknown: number; failed: number; open: number } {
  const last = new Map<number, string>();
  for (const event of record.events()) if (event.t === 'batch') last.set(event.index, event.outcome);
  const outcomes = [...last.values()];
  const count = (outcome: string): number => outcomes.filter((o) => o === outcome).length;
  return { sent: count('sent'), unknown: count('unknown'), failed: count('failed'), open: record.start.plan.batch_count - last.size };
}
