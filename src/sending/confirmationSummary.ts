// What a send's confirmation says: mode, recipients (count, first few masked), type and bytes,
// estimated cost and every warning. Built from the same preview the send uses, so what the user
// approves is exactly what goes out. Shared by the VS Code modal and the standalone server's
// elicitation form, so both ask the same thing. Plain text: no `vscode`, unit-tested as is.
import { maskPhone } from '../core/redact';
import type { Translate } from '../core/translate';
import type { SendPreview } from './types';

export type { Translate };

export interface ConfirmationText {
  /** The modal's title line. */
  message: string;
  /** The body: one fact per line. */
  detail: string;
  /** The only button that sends; Cancel (or closing the dialog) declines. */
  sendButton: string;
}

/** Recipients named in the dialog; the rest are counted. */
export const SHOWN_RECIPIENTS = 3;
const MESSAGE_EXCERPT_CHARS = 120;

export function confirmationText(preview: SendPreview, t: Translate): ConfirmationText {
  const count = preview.recipients.length;
  const type = preview.message_type;
  const message = preview.sandbox
    ? t('Send this {0} to {1} recipient(s) in the sandbox?', type, count)
    : t('Send this {0} to {1} recipient(s)? This is a LIVE send: it is paid and reaches real phones.', type, count);

  const shown = preview.recipients.slice(0, SHOWN_RECIPIENTS).map((r) => maskPhone(r.phone_number)).join(', ');
  const named = count > SHOWN_RECIPIENTS ? t('{0} and {1} more', shown, count - SHOWN_RECIPIENTS) : shown;
  const lines = [
    preview.sandbox ? t('Mode: SANDBOX (free; no phone receives it)') : t('Mode: LIVE (paid; real phones receive it)'),
    t('Recipients: {0} ({1})', count, named),
    t('Type: {0}, {1} bytes', type, preview.message_bytes),
  ];
  if (preview.kind === 'mms') {
    lines.push(t('Subject: {0} ({1} bytes)', preview.subject ?? '', preview.subject_bytes));
    lines.push(t('Images: {0}', preview.image_urls.length));
  }
  lines.push(
    t('Estimated cost: {0} KRW', formatKrw(preview.estimated_cost_krw)),
    t('Sender number: {0}', preview.callback_number),
    t('Message: {0}', excerpt(preview.message)),
  );
  if (preview.warnings.length > 0) {
    lines.push('', t('Warnings:'), ...preview.warnings.map((w) => `• ${w.message}`));
  }
  return {
    message,
    detail: lines.join('\n'),
    sendButton: preview.sandbox ? t('Send in Sandbox') : t('Send {0} (Live)', type),
  };
}

/** `29.7`, `1,000`, `12,345.6`: thousands separated, one decimal place only when there is one. */
export function formatKrw(amount: number): string {
  const [whole, fraction] = (Math.round(amount * 10) / 10).toFixed(1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === '0' ? grouped : `${grouped}.${fraction}`;
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > MESSAGE_EXCERPT_CHARS ? `${oneLine.slice(0, MESSAGE_EXCERPT_CHARS)}…` : oneLine;
}
