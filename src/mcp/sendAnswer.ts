// How the send tools' arguments become a send, and a send becomes their answer: written once for
// send_sms, send_mms and preview_message, so the three agree field for field.
import type { SendInput } from '../core/types';
import type { SendOptions, SendPreview, SendResult } from '../sending/types';
import type { ServerDeps } from './deps';

interface SendArgs {
  recipients: SendInput['recipients'];
  message: string;
  callback_number?: string;
  project_id?: string;
  subject?: string;
  image_urls?: string[];
  idempotency_key?: string;
  is_advertisement?: boolean;
  night_time_consent?: boolean;
}

/** The arguments as a send of `kind`; an SMS ignores subject and images (the rules warn about them). */
export function sendInput(kind: SendInput['kind'], args: SendArgs): SendInput {
  return {
    kind,
    recipients: args.recipients,
    message: args.message,
    callback_number: args.callback_number ?? '',
    project_id: args.project_id,
    ...(kind === 'mms' ? { subject: args.subject ?? '', image_urls: args.image_urls ?? [] } : {}),
  };
}

export function advertisementOptions(args: SendArgs): SendOptions['advertisement'] {
  return { isAdvertisement: args.is_advertisement, nightConsent: args.night_time_consent };
}

export function sendOptions(args: SendArgs, signal: AbortSignal, deps: ServerDeps): SendOptions {
  return { origin: 'mcp', confirm: deps.confirmSend, signal, idempotencyKey: args.idempotency_key, advertisement: advertisementOptions(args) };
}

/** The fields of schemas.ts's previewFields, from a preview: what will go out and what it costs. */
export function previewAnswer(p: SendPreview) {
  return {
    sandbox: p.sandbox,
    message_type: p.message_type,
    message_bytes: p.message_bytes,
    subject_bytes: p.subject_bytes,
    recipients: p.recipients,
    duplicates_dropped: p.duplicates_dropped,
    callback_number: p.callback_number,
    project_id: p.project_id,
    estimated_cost_krw: p.estimated_cost_krw,
    warnings: p.warnings,
  };
}

export function sendAnswer(result: SendResult) {
  const n = result.preview.recipients.length;
  return {
    success: true as const,
    group_id: result.group_id,
    send_id: result.send_id,
    message: result.deduplicated
      ? `An identical send moments ago already went out as group ${result.group_id}; nothing new was sent.`
      : `Accepted for delivery to ${n} recipient(s) as group ${result.group_id}${result.sandbox ? ' in the sandbox' : ''}. Delivery is pending: check get_message_status.`,
    status: '전송중' as const,
    sent_count: 0,
    failed_count: 0,
    pending_count: n,
    deduplicated: result.deduplicated,
    ...previewAnswer(result.preview),
  };
}
