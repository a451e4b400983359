// What a prepared send becomes on its way out — the ledger's pending record and the API request —
// built here from the preview and nowhere else, so what is recorded is what was sent.
import type { BaasClient, SendAccepted, SendRequestOptions } from '../baas/client';
import type { PendingSendInit, SendOrigin } from '../ledger/sendLedger';
import type { SendPreview } from './types';

/** The pending record written before the request: everything the preview says goes out, and how. */
export function pendingSend(preview: SendPreview, origin: SendOrigin, idempotencyKey: string, sender?: string, campaignId?: string): PendingSendInit {
  const { kind, message_type, project_id, sandbox, recipients, message, subject, image_urls, callback_number, message_bytes, estimated_cost_krw } = preview;
  return {
    kind, message_type, project_id, sandbox, origin, recipients, message, subject,
    image_urls: kind === 'mms' ? image_urls : undefined,
    callback_number, message_bytes, estimated_cost_krw,
    idempotency_key: idempotencyKey,
    ...(sender ? { sender } : {}),
    ...(campaignId !== undefined ? { campaign_id: campaignId } : {}),
  };
}

/** The one request of a send; the client takes exactly the API's fields from the preview. */
export function requestSend(client: BaasClient, preview: SendPreview, options: SendRequestOptions): Promise<SendAccepted> {
  return preview.kind === 'mms'
    ? client.sendMms({ ...preview, subject: preview.subject ?? '', img_url_list: preview.image_urls }, options)
    : client.sendSms(preview, options);
}
