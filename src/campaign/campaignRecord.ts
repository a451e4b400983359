// The campaign's record beside the ledger (<ledger folder>/campaigns/): <id>.json holds the confirmed
// plan and who started it, when and how (written before the first request, so `resume` needs neither
// the contact file nor the original command); <id>.events.jsonl gets one appended line per run and per
// batch outcome. The ledger stays the authority on what was claimed; this record is the audit trail
// and what the report is regenerated from.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BaasSmsError } from '../core/errors';
import type { CampaignPlan } from './planTypes';

export const CAMPAIGN_RECORD_FORMAT = 'baas-sms-campaign/1';

export interface CampaignStart {
  format: typeof CAMPAIGN_RECORD_FORMAT;
  campaign_id: string;
  /** The OS user who confirmed the plan, and when. */
  started_by: string;
  started_at: string;
  host: string;
  sandbox: boolean;
  pace_ms: number;
  plan: CampaignPlan;
}

export type BatchOutcome = 'sent' | 'failed' | 'unknown';

export type CampaignEvent =
  | { t: 'run'; at: string; by: string; action: 'start' | 'resume' }
  | { t: 'stop'; at: string; reason: StopReason; detail?: string }
  /** Written just before a batch goes to the send path: what a run killed before its outcome leaves. */
  | { t: 'claim'; at: string; index: number; /** The ledger that was to hold the claim (kind:location, no secret). */ ledger?: string }
  | { t: 'batch'; at: string; index: number; outcome: BatchOutcome; send_id?: string; group_id?: number; error?: { code: string; message: string } };

export type StopReason = 'done' | 'cancelled' | 'night' | 'limit' | 'error';

export function campaignsDir(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'campaigns');
}

export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

export class CampaignRecord {
  private constructor(readonly dir: string, readonly start: CampaignStart) {}

  /** Writes the start record; refuses an id that already has one (a plan is sent once, then resumed). */
  static create(dir: string, start: Omit<CampaignStart, 'format' | 'campaign_id'>): CampaignRecord {
    const record = { format: CAMPAIGN_RECORD_FORMAT, campaign_id: start.plan.campaign_id, ...start } as CampaignStart;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(startFile(dir, record.campaign_id), JSON.stringify(record), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new BaasSmsError('INVALID_INPUT', { field: 'campaign_id', params: { detail: `campaign ${record.campaign_id} was already started; continue it with "campaign resume ${record.campaign_id}"` } });
    }
    return new CampaignRecord(dir, record);
  }

  static open(dir: string, campaignId: string): CampaignRecord {
    if (!/^[\w.-]+$/.test(campaignId)) throw notFound(campaignId, dir);
    let text: string;
    try {
      text = fs.readFileSync(startFile(dir, campaignId), 'utf8');
    } catch {
      throw notFound(campaignId, dir);
    }
    const start = JSON.parse(text) as CampaignStart;
    if (start.format !== CAMPAIGN_RECORD_FORMAT) throw notFound(campaignId, dir);
    return new CampaignRecord(dir, start);
  }

  get id(): string {
    return this.start.campaign_id;
  }

  /** One line per event: a single O_APPEND write, so a kill leaves whole lines. */
  append(event: CampaignEvent): void {
    fs.appendFileSync(path.join(this.dir, `${this.id}.events.jsonl`), `${JSON.stringify(event)}\n`, { mode: 0o600 });
  }

  events(): CampaignEvent[] {
    return readCampaignEvents(this.dir, this.id);
  }
}

/** The events of campaign `id` in `dir`, without reading its (large) start record: the history tree asks often. */
export function readCampaignEvents(dir: string, id: string): CampaignEvent[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, `${id}.events.jsonl`), 'utf8');
  } catch {
    return [];
  }
  const events: CampaignEvent[] = [];
  for (const line of text.split('\n')) {
    try {
      if (line.trim()) events.push(JSON.parse(line) as CampaignEvent);
    } catch {
      // A line cut by a crash mid-write is skipped: the ledger still knows that batch.
    }
  }
  return events;
}

function startFile(dir: string, id: string): string {
  return path.join(dir, `${id}.json`);
}

function notFound(id: string, dir: string): BaasSmsError {
  return new BaasSmsError('INVALID_INPUT', { field: 'ID', params: { detail: `no campaign "${id}" in ${dir} (the folder beside the ledger; BAAS_LEDGER_FILE must be the one it was sent with)` } });
}
