// How the send tools' arguments become a send, and a send becomes their answer: written once for
// send_sms, send_mms and preview_message, so the three agree field for field.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { SendInput } from '../core/types';
import { MAX_MESSAGE_BYTES } from '../messaging/limits';
import { elicitingConfirm } from './confirm/elicitConfirm';
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

/** The MCP request a send runs in: its id and signal, to relate a confirmation form to it. */
export interface SendRequest { requestId: RequestId; signal: AbortSignal }

/** The host's own confirmation (the VS Code modal) if it has one, else the standalone policy (BAAS_CONFIRM). */
export function sendOptions(args: SendArgs, request: SendRequest, deps: ServerDeps, server: McpServer): SendOptions {
  const confirm = deps.confirmSend ?? (deps.confirmPolicy
    ? elicitingConfirm({ server, policy: deps.confirmPolicy, locale: deps.settings().locale, logger: deps.logger, requestId: request.requestId, signal: request.signal })
    : undefined);
  return { origin: 'mcp', confirm, signal: request.signal, idempotencyKey: args.idempotency_key, advertisement: advertisementOptions(args) };
}

/**
 * The fields of schemas.ts's previewFields, from a preview: what will go out and what it costs.
 * `smsByteLimit` is the configured SMS limit, so a client (the preview card's byte bar) need not guess it.
 */
export function previewAnswer(p: SendPreview, smsByteLimit: number) {
  return {
    sandbox: p.sandbox,
    message_type: p.message_type,
    message_bytes: p.message_bytes,
    byte_limit: p.message_type === 'SMS' ? smsByteLimit : MAX_MESSAGE_BYTES,
    subject_bytes: p.subject_bytes,
    recipients: p.recipients,
    duplicates_dropped: p.duplicates_dropped,
    callback_number: p.callback_number,
    project_id: p.project_id,
    estimated_cost_krw: p.estimated_cost_krw,
    warnings: p.warnings,
  };
}

export function sendAnswer(result: SendResult, smsByteLimit: number) {
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
    ...previewAnswer(result.preview, smsByteLimit),
  };
}
