// The plan as a person reads and keeps it (Markdown, in their language), and the files written for it:
// <campaign_id>.plan.md and <campaign_id>.plan.json (the whole plan, batches included, for sending).
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core/locale';
import { describeCharacter } from '../messaging/bytes';
import { PLAN_LABELS } from './planLabels';
import type { CampaignPlan } from './planTypes';
import { formatKst } from './schedule';

/** Rows listed in the Markdown; the JSON keeps them all. */
const SHOWN_ROWS = 100;

export function renderPlanMarkdown(plan: CampaignPlan, locale: Locale): string {
  const L = PLAN_LABELS[locale];
  const won = (n: number): string => `${n.toLocaleString('en', { maximumFractionDigits: 1 })} ${L.won}`;
  const n = (v: number): string => v.toLocaleString('en');
  const kst = formatKst;
  const { counts, schedule } = plan;
  const lines: string[] = [
    `# ${L.title}: ${plan.campaign_id}`,
    '',
    plan.ready ? `**${L.ready}**` : `**${L.refused}**`,
    ...plan.refusals.map((r) => `- \`${r.code}\` ${r.message} ${r.hint}`),
    '',
    `| | |`,
    `|---|---:|`,
    `| ${L.source} | ${plan.source.file ? path.basename(plan.source.file) : L.inline} (${plan.source.kind}${plan.source.encoding ? `, ${plan.source.encoding}` : ''}) |`,
    `| ${L.phoneColumn} | ${plan.source.phone_column} |`,
    `| ${L.memberColumn} | ${plan.source.member_code_column ?? L.memberFromPhone} |`,
    `| ${L.rowsRead} | ${n(counts.rows_read)} |`,
    `| ${L.valid} | ${n(counts.valid_recipients)} |`,
    `| ${L.invalid} | ${n(counts.invalid_rows)} |`,
    `| ${L.duplicates} | ${n(counts.duplicates_dropped)} |`,
    `| SMS / LMS / MMS | ${n(plan.messages_by_type.SMS)} / ${n(plan.messages_by_type.LMS)} / ${n(plan.messages_by_type.MMS)} |`,
    `| ${L.tipped} | ${n(plan.tipped_into_lms)} |`,
    `| ${L.cost} | ${won(plan.estimated_cost_krw)} |`,
    `| ${L.limit} | ${n(plan.limit.max_recipients)} |`,
    `| ${L.batches} | ${n(plan.batch_count)} |`,
    `| ${L.pace} | ${n(schedule.pace_ms)} ms |`,
    `| ${L.start} | ${kst(schedule.waits_until ?? schedule.starts_at)} |`,
    `| ${L.end} | ${kst(schedule.estimated_end_at)} |`,
    '',
    `## ${L.template}`,
    '',
    '```text',
    ...(plan.template.subject !== undefined ? [`[${plan.template.subject}]`] : []),
    plan.template.message,
    ...plan.template.image_urls,
    '```',
    '',
    `## ${L.advertising}`,
    '',
    plan.advertising.is_advertisement
      ? plan.advertising.missing.length === 0 ? `- ${L.adOk}` : `- ${L.adMissing}: ${plan.advertising.missing.join(', ')}`
      : `- ${plan.advertising.detected ? L.adDeclaredNot : L.notAd}`,
    ...(plan.advertising.is_advertisement && plan.advertising.night_consent ? [`- ${L.nightConsent}`] : []),
    ...(schedule.waits_until ? [`- ${L.waits(kst(schedule.waits_until))}`] : []),
    ...schedule.night_stops.map((s) => `- ${L.nightStop(kst(s.stop_at), n(s.batches_before_stop), kst(s.resume_at))}`),
    '',
  ];
  if (plan.unsendable_characters.length > 0) {
    lines.push(`## ${L.unsendable}`, '');
    for (const u of plan.unsendable_characters) lines.push(`- ${describeCharacter(u.char)}: ${L.rows} ${listRows(u.rows)}`);
    lines.push('');
  }
  if (plan.invalid_rows.length > 0) {
    lines.push(`## ${L.invalid} (${n(plan.invalid_rows.length)})`, '', `| ${L.row} | ${L.column} | ${L.value} | ${L.why} |`, '|---:|---|---|---|');
    for (const r of plan.invalid_rows.slice(0, SHOWN_ROWS)) lines.push(`| ${r.row} | ${cell(r.column)} | ${cell(r.value)} | \`${r.code}\` ${cell(r.reason)} |`);
    if (plan.invalid_rows.length > SHOWN_ROWS) lines.push('', L.more(n(plan.invalid_rows.length - SHOWN_ROWS)));
    lines.push('');
  }
  if (plan.duplicates.length > 0) {
    lines.push(`## ${L.duplicates} (${n(plan.duplicates.length)})`, '');
    for (const d of plan.duplicates.slice(0, SHOWN_ROWS)) lines.push(`- ${L.row} ${d.row}: ${d.phone_number} = ${L.row} ${d.first_row}`);
    if (plan.duplicates.length > SHOWN_ROWS) lines.push('', L.more(n(plan.duplicates.length - SHOWN_ROWS)));
    lines.push('');
  }
  lines.push(`## ${L.batches} (${n(plan.batch_count)})`, '', `| # | id | ${L.type} | ${L.recipientsCol} | ${L.bytes} | ${L.cost} |`, '|---:|---|---|---:|---:|---:|');
  for (const b of plan.batches.slice(0, SHOWN_ROWS)) lines.push(`| ${b.index} | \`${b.id}\` | ${b.message_type} | ${b.recipients.length} | ${b.message_bytes} | ${won(b.estimated_cost_krw)} |`);
  if (plan.batches.length > SHOWN_ROWS) lines.push('', L.more(n(plan.batches.length - SHOWN_ROWS)));
  lines.push('', `> ${L.humanAction}`, '');
  return lines.join('\n');
}

export interface WrittenPlan {
  markdownFile: string;
  jsonFile: string;
}

export function writePlanFiles(plan: CampaignPlan, outDir: string, locale: Locale): WrittenPlan {
  mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `${plan.campaign_id}.plan`);
  writeFileSync(`${base}.md`, renderPlanMarkdown(plan, locale));
  writePlanJson(`${base}.json`, plan);
  return { markdownFile: `${base}.md`, jsonFile: `${base}.json` };
}

/**
 * The plan as JSON, one batch per line, written a piece at a time: a 100,000-row plan is tens of MiB
 * as one string, which would double the memory the plan itself needs.
 */
function writePlanJson(file: string, plan: CampaignPlan): void {
  const { batches, ...rest } = plan;
  const head = JSON.stringify(rest, null, 1);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${head.slice(0, -2)},\n "batches": [`);
    let pending = '';
    batches.forEach((batch, i) => {
      pending += `${i === 0 ? '' : ','}\n  ${JSON.stringify(batch)}`;
      if (pending.length > 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    });
    writeSync(fd, `${pending}\n ]\n}\n`);
  } finally {
    closeSync(fd);
  }
}

function listRows(rows: number[]): string {
  return rows.length <= 20 ? rows.join(', ') : `${rows.slice(0, 20).join(', ')} … (+${rows.length - 20})`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
