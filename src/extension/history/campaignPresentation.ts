// How a campaign and its batches read in the history tree. The campaign's tooltip is Markdown (the
// tree wraps it); its text is the user's template, so it is escaped and its phone numbers masked.
import { maskPhonesInText } from '../../core/redact';
import type { Translate } from '../translate';
import { campaignTotals, type CampaignBatchRow, type CampaignRow } from './campaignRows';
import { formatTime, presentSend, stateOf, type IconSpec, type Presentation } from './historyPresentation';

const ICONS = {
  check: { id: 'warning', color: 'list.warningForeground' },
  sending: { id: 'sync~spin' },
  delivered: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  stopped: { id: 'debug-pause' },
  open: { id: 'circle-large-outline' },
} satisfies Record<string, IconSpec>;

const TEMPLATE_IN_LABEL = 24;

export function presentCampaign(row: CampaignRow, t: Translate, now: Date = new Date()): Presentation {
  const totals = campaignTotals(row);
  const info = row.info;
  const name = info?.file ?? (info ? shorten(maskPhonesInText(info.template), TEMPLATE_IN_LABEL) : row.campaignId);
  const delivery = t('delivered {0} · failed {1} · sending {2}', totals.delivered, totals.failed, totals.sending);
  const batches = t('{0}/{1} batches sent', totals.batchesSent, totals.batchesTotal);
  const sandbox = info?.sandbox ?? row.batches.some((b) => b.entry?.sandbox);
  const description = [
    delivery, batches,
    ...(totals.batchesToCheck ? [t('{0} batch(es) to check', totals.batchesToCheck)] : []),
    ...(sandbox ? [t('sandbox')] : []),
  ].join(' · ');
  const tooltip = [
    `**${escapeMarkdown(t('Campaign {0}', row.campaignId))}**${sandbox ? ` · ${escapeMarkdown(t('sandbox'))}` : ''}`,
    '',
    ...(info ? [
      // Markdown joins adjacent lines into one paragraph: each fact gets its own. The start in local
      // time with its date (formatTime with an epoch "now" never shortens to today's HH:MM).
      ...(info.file ? [escapeMarkdown(t('Contact list: {0}', info.file)), ''] : []),
      escapeMarkdown(t('Started by {0} at {1}', info.startedBy, formatTime(info.startedAt, new Date(0)))),
      '',
      `> ${escapeMarkdown(maskPhonesInText(shorten(info.template, 300))).replace(/\n/g, '\n> ')}`,
    ] : [escapeMarkdown(t('The campaign\'s record is not on this machine (it was started elsewhere): the figures are what the ledger holds.'))]),
    '',
    escapeMarkdown(delivery),
    '',
    escapeMarkdown(t('Batches: {0} sent, {1} to check, {2} failed, {3} not sent yet (of {4})',
      totals.batchesSent, totals.batchesToCheck, totals.batchesFailed, Math.max(0, totals.batchesTotal - totals.batchesSent - totals.batchesToCheck - totals.batchesFailed), totals.batchesTotal)),
  ];
  if (totals.batchesToCheck) {
    tooltip.push('', `⚠ ${escapeMarkdown(t('A batch to check had its request made but no answer recorded: it may have gone out. It is never sent again automatically; check its group status before doing anything for its recipients.'))}`);
  }
  return { label: `${formatTime(row.latest, now)} ${t('Campaign · {0}', name)}`, description, tooltip: tooltip.join('\n'), icon: campaignIcon(totals) };
}

function campaignIcon(totals: ReturnType<typeof campaignTotals>): IconSpec {
  if (totals.batchesToCheck) return ICONS.check;
  if (totals.sending) return ICONS.sending;
  if (totals.batchesSent < totals.batchesTotal) return totals.batchesSent === 0 && totals.batchesFailed ? ICONS.failed : ICONS.stopped;
  if (totals.failed) return totals.delivered ? ICONS.check : ICONS.failed;
  return ICONS.delivered;
}

export function presentBatch(batch: CampaignBatchRow, t: Translate, now: Date = new Date()): Presentation {
  const label = batch.index ? t('Batch {0}', batch.index) : t('Batch');
  const people = t('{0} recipient(s)', batch.recipients);
  if (!batch.entry) {
    const failed = batch.state === 'failed';
    const text = failed ? t('not sent: {0}', batch.error?.code ?? '?') : t('not sent yet');
    return { label, description: `${text} · ${people}`, tooltip: `${label}: ${text}${failed ? '' : `\n${t('Resume Campaign sends it.')}`}`, icon: failed ? ICONS.failed : ICONS.open };
  }
  const { text, icon } = stateOf(batch.entry, t);
  const group = batch.entry.group_id !== undefined ? [t('Group {0}', batch.entry.group_id)] : [];
  return {
    label,
    description: [text, people, ...group].join(' · '),
    tooltip: presentSend(batch.entry, t, now).tooltip,
    icon: batch.state === 'unknown' || batch.state === 'pending' ? ICONS.check : icon,
  };
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Markdown's special characters as literals: the template is the user's text, not markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
