// The delivery report and the status summary, regenerated from the campaign's record and the ledger
// whenever asked: one CSV row per recipient (its source row, the batch, what the API answered and,
// once checked, the delivery result), numbers masked unless the user asks for them in full.
import { chmodSync, writeFileSync } from 'node:fs';
import { maskPhone } from '../core/redact';
import type { LedgerEngine } from '../ledger/engine/types';
import type { SendService } from '../sending/sendService';
import { batchViews, type BatchView, type CampaignCounts } from './batchStates';
import type { CampaignRecord, CampaignStart } from './campaignRecord';

export const REPORT_COLUMNS = ['campaign_id', 'batch', 'row', 'phone_number', 'member_code', 'message_type', 'batch_state', 'send_id', 'group_id', 'delivery', 'reason'];

export function reportCsv(campaignId: string, views: BatchView[], fullNumbers: boolean): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const { batch, state, entry } of views) {
    const delivery = new Map((entry?.status?.messages ?? []).map((m) => [digits(m.phone), m]));
    batch.recipients.forEach((recipient, i) => {
      const result = delivery.get(digits(recipient.phone_number));
      lines.push([
        campaignId, batch.index, batch.rows[i],
        fullNumbers ? recipient.phone_number : maskPhone(recipient.phone_number),
        fullNumbers ? recipient.member_code : maskMemberCode(recipient),
        batch.message_type, state, entry?.id ?? '', entry?.group_id ?? '',
        result?.status ?? '', result?.reason ?? '',
      ].map(csvField).join(','));
    });
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The status, as text for a terminal: figures first, then every batch that needs the user. */
export function statusText(start: CampaignStart, counts: CampaignCounts, views: BatchView[]): string {
  const { plan } = start;
  const c = counts.batches;
  const r = counts.recipients;
  const lines = [
    `campaign ${plan.campaign_id}${start.sandbox ? ' [sandbox]' : ''}: started ${start.started_at} by ${start.started_by} on ${start.host}`,
    `  plan: ${plan.counts.rows_read} rows, ${plan.counts.valid_recipients} recipients, ${plan.counts.invalid_rows} invalid, ${plan.counts.duplicates_dropped} duplicates; ${plan.batch_count} batches; limit ${plan.limit.max_recipients}; est. ${plan.estimated_cost_krw} KRW`,
    `  batches: ${c.sent} sent (${r.sent} recipients), ${c.unknown + c.pending} unknown (${r.unknown + r.pending}), ${c.failed} failed (${r.failed}), ${c.open} not sent yet (${r.open})`,
  ];
  const delivered = views.reduce((acc, v) => {
    const s = v.entry?.status;
    if (s) { acc.success += s.success_count; acc.failed += s.failed_count; acc.pending += s.pending_count; }
    return acc;
  }, { success: 0, failed: 0, pending: 0 });
  if (delivered.success + delivered.failed + delivered.pending > 0) lines.push(`  delivery: 성공 ${delivered.success}, 실패 ${delivered.failed}, 전송중 ${delivered.pending}`);
  for (const v of views.filter((x) => x.state === 'unknown' || x.state === 'pending')) {
    lines.push(`  CHECK batch ${v.batch.index} (${v.batch.recipients.length} recipients, send ${v.entry?.id ?? '?'}): outcome unknown — it may have gone out; it will not be sent again automatically`);
  }
  for (const v of views.filter((x) => x.state === 'failed')) {
    lines.push(`  failed batch ${v.batch.index} (${v.batch.recipients.length} recipients): ${v.error?.code ?? ''} — not sent; resume sends it again`);
  }
  return `${lines.join('\n')}\n`;
}

/** Without a member-code column the code is the number itself (as in a single send): masked alike. */
function maskMemberCode(recipient: { phone_number: string; member_code: string }): string {
  return /\d{7}/.test(recipient.member_code) ? maskPhone(recipient.member_code) : recipient.member_code;
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Quoted when needed, and a leading =,+,-,@ neutralised so a spreadsheet never runs a cell as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report with the latest delivery results: groups still sending are asked once first (a failure to ask is logged; the report is made anyway). */
export async function latestReportCsv(record: CampaignRecord, ledger: LedgerEngine, sendService: Pick<SendService, 'refreshOpenGroups'>, fullNumbers: boolean): Promise<string> {
  const { plan } = record.start;
  const events = record.events();
  const before = await batchViews(ledger, plan.batches, events);
  await sendService.refreshOpenGroups(before.flatMap((v) => (v.entry ? [v.entry] : [])));
  return reportCsv(plan.campaign_id, await batchViews(ledger, plan.batches, events), fullNumbers);
}

/** Personal data: readable by the user only, whatever the folder's defaults (an existing file keeps its mode on write, hence the chmod). */
export function writeReportFile(file: string, csv: string): void {
  writeFileSync(file, csv, { mode: 0o600 });
  chmodSync(file, 0o600);
}
