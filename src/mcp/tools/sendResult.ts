// What send_sms and send_mms share: how their arguments become send options, and how a finished
// send becomes their answer.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import { elicitingConfirm } from '../confirm/elicitConfirm';
import type { ServerDeps } from '../deps';
import type { SendOptions, SendResult } from '../../sending/types';

interface SendArgs { idempotency_key?: string; is_advertisement?: boolean; night_time_consent?: boolean }

/** The MCP request a send runs in: its id and signal, to relate a confirmation form to it. */
export interface SendRequest { requestId: RequestId; signal: AbortSignal }

export function sendOptions(args: SendArgs, request: SendRequest, deps: ServerDeps, server: McpServer): SendOptions {
  const settings = deps.settings();
  const confirm = deps.confirmSend ?? (deps.confirmPolicy
    ? elicitingConfirm({ server, policy: deps.confirmPolicy, locale: settings.locale, logger: deps.logger, requestId: request.requestId, signal: request.signal })
    : undefined);
  return {
    origin: 'mcp',
    confirm,
    signal: request.signal,
    idempotencyKey: args.idempotency_key,
    advertisement: { isAdvertisement: args.is_advertisement, nightConsent: args.night_time_consent },
  };
}

export function sendAnswer(result: SendResult) {
  const p = result.preview;
  const n = p.recipients.length;
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
    sandbox: result.sandbox,
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
