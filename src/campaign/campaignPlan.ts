// planCampaign(): a contact list and a template in, the plan out — every row judged, nothing sent.
// What stops the whole campaign before any row is read (a bad template, no phone column, an
// unreadable file) is thrown as a coded BaasSmsError; what concerns some rows is a finding in the plan;
// what stops the campaign after reading (the law's form, its own limit, no one to send to) is a refusal.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core/locale';
import type { RulesConfig } from '../core/types';
import { checkAdvertising } from '../messaging/advertising';
import { estimateCost } from '../messaging/prepareSend';
import { chooseColumns } from './columns';
import { inlineContactTable, openContactFile } from './contactFile';
import { PlanBuilder } from './planBuilder';
import { PLAN_FORMAT, type CampaignPlan } from './planTypes';
import { campaignRefusals } from './refusals';
import { checkRow, type RowContext } from './rowCheck';
import { estimateSchedule } from './schedule';
import { checkTemplateColumns } from './template';
import { checkCampaignMessage } from './messageCheck';

export const DEFAULT_CAMPAIGN_MAX_RECIPIENTS = 10_000;
export const DEFAULT_CAMPAIGN_PACE_MS = 1_000;

export type CampaignSource = { file: string } | { rows: ReadonlyArray<Record<string, string | number | null>> };

export interface CampaignPlanOptions {
  message: string;
  subject?: string;
  imageUrls?: string[];
  phoneColumn?: string;
  memberCodeColumn?: string;
  /** The campaign's own spend limit, separate from the per-send guard. */
  maxRecipients?: number;
  paceMs?: number;
  isAdvertisement?: boolean;
  nightConsent?: boolean;
  rules: RulesConfig;
  locale: Locale;
  now?: Date;
  campaignId?: string;
}

export async function planCampaign(source: CampaignSource, options: CampaignPlanOptions): Promise<CampaignPlan> {
  const now = options.now ?? new Date();
  const message = checkCampaignMessage(options);
  const hashing = 'file' in source ? hashFile(source.file) : undefined;
  hashing?.catch(() => undefined);
  const table = 'file' in source ? await openContactFile(source.file) : inlineContactTable(source.rows);
  const builder = new PlanBuilder(message.staticBytes, options.rules);
  let ctx: RowContext;
  try {
    const columns = chooseColumns(table.headers, options);
    checkTemplateColumns(message.template, table.headers);
    ctx = {
      template: message.template,
      headers: table.headers,
      columnOf: new Map(message.template.variables.map((name) => [name, table.headers.indexOf(name)])),
      phone: columns.phone,
      memberCode: columns.memberCode,
      kind: message.kind,
      rules: options.rules,
      locale: options.locale,
    };
    for await (const chunk of table.chunks) for (const row of chunk) builder.add(row.row, checkRow(row, ctx));
  } finally {
    table.close();
  }

  const campaignId = options.campaignId ?? newCampaignId(now);
  const batches = builder.batches(campaignId);
  const maxRecipients = options.maxRecipients ?? DEFAULT_CAMPAIGN_MAX_RECIPIENTS;
  const nightConsent = options.nightConsent ?? false;
  // The night-time rule is judged by the schedule below (stop at 21:00), not as a refusal now.
  const ad = checkAdvertising(options.message, { isAdvertisement: options.isAdvertisement, nightConsent: true, now });
  const counts = { rows_read: builder.rowsRead, valid_recipients: builder.validRecipients, invalid_rows: builder.invalid.length, duplicates_dropped: builder.duplicates.length };
  const refusals = campaignRefusals({ counts, maxRecipients, adMissing: ad.missing, locale: options.locale });
  return {
    format: PLAN_FORMAT,
    campaign_id: campaignId,
    created_at: now.toISOString(),
    source: {
      kind: table.kind,
      ...('file' in source ? { file: path.resolve(source.file), sha256: await hashing } : {}),
      ...(table.encoding ? { encoding: table.encoding } : {}),
      headers: table.headers,
      phone_column: table.headers[ctx.phone] || `#${ctx.phone + 1}`,
      member_code_column: ctx.memberCode === -1 ? null : table.headers[ctx.memberCode],
      variables: message.template.variables,
    },
    template: { kind: message.kind, message: options.message, ...(message.subject !== undefined ? { subject: message.subject } : {}), image_urls: message.imageUrls },
    counts,
    messages_by_type: builder.byType,
    tipped_into_lms: builder.tippedIntoLms,
    unsendable_characters: builder.unsendableCharacters(),
    invalid_rows: builder.invalid,
    duplicates: builder.duplicates,
    rules: { sms_byte_limit: options.rules.smsByteLimit, prices: options.rules.prices },
    estimated_cost_krw: totalCost(builder.byType, options.rules),
    advertising: { is_advertisement: ad.isAdvertisement, detected: ad.detected, missing: ad.missing, night_consent: nightConsent },
    limit: { max_recipients: maxRecipients },
    schedule: estimateSchedule({ batches: batches.length, paceMs: options.paceMs ?? DEFAULT_CAMPAIGN_PACE_MS, start: now, nightRestricted: ad.isAdvertisement && !nightConsent }),
    batch_count: batches.length,
    batches,
    ready: refusals.length === 0,
    refusals,
  };
}

function totalCost(byType: CampaignPlan['messages_by_type'], rules: RulesConfig): number {
  const sum = (['SMS', 'LMS', 'MMS'] as const).reduce((total, type) => total + estimateCost(byType[type], type, rules) * 10, 0);
  return Math.round(sum) / 10;
}

/** `cmp-20261130-013200-3fa9c1`: when it was planned (UTC), and six random hex digits. */
export function newCampaignId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `cmp-${stamp}-${randomBytes(3).toString('hex')}`;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

