// How a send and its recipients read in the history tree: label, description, tooltip and icon.
// No `vscode` import (icons are ThemeIcon ids), so the wording is unit-tested.
import { maskPhone, maskPhonesInText } from '../../core/redact';
import type { DeliveryResult } from '../../core/types';
import type { LedgerEntry } from '../../ledger/sendLedger';
import type { Translate } from '../translate';

/** A ThemeIcon id with an optional ThemeColor id. */
export interface IconSpec {
  id: string;
  color?: string;
}

export interface Presentation {
  label: string;
  description: string;
  tooltip: string;
  icon: IconSpec;
}

export interface RecipientRow {
  phone: string;
  status: DeliveryResult | 'unknown' | 'not sent';
  reason?: string | null;
}

const ICONS = {
  sending: { id: 'sync~spin' },
  delivered: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  partial: { id: 'warning', color: 'list.warningForeground' },
  unknown: { id: 'question', color: 'list.warningForeground' },
} satisfies Record<string, IconSpec>;

/** `14:05` for today, `2026-11-23 14:05` before; local time. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const hm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? hm : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${hm}`;
}

export function presentSend(entry: LedgerEntry, t: Translate, now: Date = new Date()): Presentation {
  const first = entry.recipients[0] ? maskPhone(entry.recipients[0].phone_number) : '';
  const others = entry.recipients.length > 1 ? ` +${entry.recipients.length - 1}` : '';
  const { text, icon } = stateOf(entry, t);
  const tooltip = [
    entry.group_id !== undefined ? t('Group {0}', entry.group_id) : t('No group id (the server did not accept it)'),
    `${entry.created_at}${entry.sandbox ? ' · sandbox' : ''}`,
    t('{0}, {1} bytes, {2} recipient(s), about {3} KRW', entry.message_type, entry.message_bytes, entry.recipients.length, entry.estimated_cost_krw),
    t('Sent from: {0}', entry.origin === 'mcp' ? t('an agent (MCP tool)') : t('a command')),
  ];
  if (entry.sender) tooltip.push(t('Sent by: {0}', maskPhonesInText(entry.sender)));
  if (entry.outcome === 'pending') {
    tooltip.push(t('Pending: the request is being made, or its answer is not recorded yet, so the message may already have gone out. If the sending process stops first, the send reads as "outcome unknown": check it before sending again.'));
  }
  if (entry.error) tooltip.push(`${entry.error.code}: ${entry.error.message}`);
  // Message texts may hold phone numbers of their own.
  tooltip.push('', maskPhonesInText(entry.message.length > 200 ? `${entry.message.slice(0, 200)}…` : entry.message));
  return {
    label: `${formatTime(entry.created_at, now)} ${entry.message_type} → ${first}${others}`,
    // Who sent it, for a team's shared history; labels are cleaned when stored, masked again in case an older writer did not.
    description: [text, ...(entry.sandbox ? [t('sandbox')] : []), ...(entry.sender ? [maskPhonesInText(entry.sender)] : [])].join(' · '),
    tooltip: tooltip.join('\n'),
    icon,
  };
}

export function stateOf(entry: LedgerEntry, t: Translate): { text: string; icon: IconSpec } {
  switch (entry.outcome) {
    case 'pending':
      return { text: t('sending…'), icon: ICONS.sending };
    case 'failed':
      return { text: t('not sent: {0}', entry.error?.code ?? '?'), icon: ICONS.failed };
    case 'unknown':
      return { text: t('outcome unknown: {0}; check before re-sending', entry.error?.code ?? '?'), icon: ICONS.unknown };
    case 'sent':
      break;
  }
  const status = entry.status;
  if (!status) return { text: '전송중', icon: ICONS.sending };
  const counts = t('{0}/{1} delivered', status.success_count, status.total_count)
    + (status.failed_count ? `, ${t('{0} failed', status.failed_count)}` : '')
    + (status.pending_count ? `, ${t('{0} pending', status.pending_count)}` : '');
  const icon = { 전송중: ICONS.sending, 성공: ICONS.delivered, 실패: ICONS.failed, 부분성공: ICONS.partial }[status.status];
  return { text: `${status.status} · ${counts}`, icon };
}

/** Recipients with their latest known result: from the last status check, else from the send itself. */
export function recipientRows(entry: LedgerEntry): RecipientRow[] {
  if (entry.status?.messages.length) return entry.status.messages.map((m) => ({ phone: m.phone, status: m.status, reason: m.reason }));
  const status: RecipientRow['status'] = entry.outcome === 'sent' || entry.outcome === 'pending' ? '전송중' : entry.outcome === 'failed' ? 'not sent' : 'unknown';
  return entry.recipients.map((r) => ({ phone: r.phone_number, status }));
}

export function presentRecipient(row: RecipientRow, t: Translate): Presentation {
  const word = row.status === 'not sent' ? t('not sent') : row.status === 'unknown' ? t('unknown') : row.status;
  const icon = row.status === '성공' ? ICONS.delivered : row.status === '실패' || row.status === 'not sent' ? ICONS.failed : row.status === 'unknown' ? ICONS.unknown : ICONS.sending;
  const description = row.reason ? `${word} · ${row.reason}` : word;
  const label = maskPhone(row.phone);
  return { label, description, tooltip: `${label}: ${description}`, icon };
}
