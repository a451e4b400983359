/// <reference lib="dom" />
// Draws the card from a tool's structured result. DOM nodes and textContent only (never innerHTML):
// member codes and messages come from the user and the API.
import type { CardStrings } from './strings';

export interface CardWarning { code: string; message: string }
/** The fields of preview_message's and the send tools' structuredContent the card reads (src/mcp/schemas.ts). */
export interface CardData {
  sandbox?: boolean;
  message_type?: 'SMS' | 'LMS' | 'MMS';
  message_bytes?: number;
  byte_limit?: number;
  recipients?: { phone_number: string; member_code: string }[];
  duplicates_dropped?: number;
  estimated_cost_krw?: number;
  warnings?: CardWarning[];
  blocked_by?: { code: string; message: string; hint: string } | null;
  group_id?: number;
  deduplicated?: boolean;
}
export interface GroupStatus { status: string; success_count: number; failed_count: number; pending_count: number; total_count: number }
export interface CardError { code: string; message: string; hint?: string }

const SHOWN_RECIPIENTS = 5;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** 01012345678 → 010-****-5678: enough to recognise a number in chat, not to harvest it. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length < 8 ? '****' : `${d.slice(0, 3)}-****-${d.slice(-4)}`;
}

function header(s: CardStrings, title: string, data: CardData): HTMLElement {
  const head = el('div', 'head');
  head.append(el('span', 'title', title));
  if (data.message_type) head.append(el('span', 'badge type', data.message_type));
  if (data.sandbox !== undefined) head.append(el('span', `badge mode ${data.sandbox ? 'sandbox' : 'live'}`, data.sandbox ? s.sandbox : s.live));
  return head;
}

function byteBar(s: CardStrings, bytes: number, limit: number): HTMLElement {
  const box = el('div', 'bytes');
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(limit));
  bar.setAttribute('aria-valuenow', String(bytes));
  const fill = el('div', bytes > limit ? 'fill over' : 'fill');
  fill.style.width = `${Math.min(100, Math.round((bytes / Math.max(1, limit)) * 100))}%`;
  bar.append(fill);
  box.append(bar, el('span', 'byte-text', `${bytes} / ${limit} ${s.bytes}${bytes > limit ? ` (${s.overLimit})` : ''}`));
  return box;
}

function row(label: string, value: string, className = ''): HTMLElement {
  const r = el('div', `row ${className}`.trim());
  r.append(el('span', 'label', label), el('span', 'value', value));
  return r;
}

function recipientsRow(s: CardStrings, data: CardData): HTMLElement {
  const list = data.recipients ?? [];
  const shown = list.slice(0, SHOWN_RECIPIENTS).map((r) => `${maskPhone(r.phone_number)}${r.member_code ? ` (${r.member_code})` : ''}`);
  if (list.length > SHOWN_RECIPIENTS) shown.push(`+${list.length - SHOWN_RECIPIENTS} ${s.more}`);
  const extra = data.duplicates_dropped ? ` · ${data.duplicates_dropped} ${s.duplicates}` : '';
  return row(`${s.recipients} (${list.length})`, `${shown.join(', ')}${extra}`, 'recipients');
}

function findings(s: CardStrings, data: CardData): HTMLElement {
  const box = el('div', 'findings');
  box.append(el('div', 'label', s.findings));
  const items = el('ul');
  if (data.blocked_by) items.append(el('li', 'blocked', `${s.blocked}: ${data.blocked_by.message} ${data.blocked_by.hint}`.trim()));
  for (const w of data.warnings ?? []) items.append(el('li', 'warning', w.message));
  if (!items.childElementCount) items.append(el('li', 'none', s.noFindings));
  box.append(items);
  return box;
}

/** The whole card for a result; `status` is the latest delivery status of a send (absent for a preview). */
export function renderCard(root: HTMLElement, s: CardStrings, data: CardData, status?: GroupStatus | 'checking' | 'unknown'): void {
  const isSend = data.group_id !== undefined;
  const card = el('div', 'card');
  card.append(header(s, isSend ? (data.deduplicated ? s.deduplicated : s.sent) : s.preview, data));
  if (data.message_bytes !== undefined && data.byte_limit !== undefined) card.append(byteBar(s, data.message_bytes, data.byte_limit));
  if (data.estimated_cost_krw !== undefined) card.append(row(s.cost, `₩${data.estimated_cost_krw.toLocaleString('en-US')}`, 'cost'));
  card.append(recipientsRow(s, data), findings(s, data));
  if (isSend) card.append(deliveryRow(s, data.group_id as number, status));
  root.replaceChildren(card);
}

function deliveryRow(s: CardStrings, groupId: number, status: GroupStatus | 'checking' | 'unknown' | undefined): HTMLElement {
  const text = status === undefined || status === 'checking' ? s.checking
    : status === 'unknown' ? s.statusUnknown
    : `${s.status[status.status] ?? status.status} · ${status.success_count} ${s.delivered} · ${status.failed_count} ${s.failed} · ${status.pending_count} ${s.pending}`;
  const final = typeof status === 'object' && status.pending_count === 0;
  return row(`${s.delivery} (${s.group} ${groupId})`, text, `status${final ? ' final' : ''}`);
}

export function renderError(root: HTMLElement, s: CardStrings, error: CardError): void {
  const card = el('div', 'card error');
  const head = el('div', 'head');
  head.append(el('span', 'title', s.error), el('span', 'badge code', error.code));
  card.append(head, el('p', 'message', error.message));
  if (error.hint) card.append(el('p', 'hint', error.hint));
  root.replaceChildren(card);
}

export function renderWaiting(root: HTMLElement, s: CardStrings): void {
  root.replaceChildren(el('div', 'card waiting', s.waiting));
}
