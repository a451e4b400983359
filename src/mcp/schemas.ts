// Zod schemas shared by several tools: what a recipient looks like going in, and the shapes of a
// send's answer and a group's status coming out. Field names follow the earlier baas-sms-mcp.
import { z } from 'zod';
import { DEFAULT_GUARD } from '../core/settings';

/** The API takes 1000 recipients, the spend guard fewer by default: said in the send tools' descriptions. */
export const RECIPIENT_LIMITS_NOTE =
  `The API takes up to 1000 recipients per send, but the spend guard stops a send at ${DEFAULT_GUARD.maxRecipientsPerSend} by default ` +
  '(the user raises it with BAAS_MAX_RECIPIENTS_PER_SEND, or baasSms.guard.maxRecipientsPerSend in VS Code; a tool argument cannot). ';

export const recipientInput = z.object({
  phone_number: z.string().describe('Korean mobile number; 010-1234-5678, 01012345678 and +82 10-1234-5678 are accepted and normalised'),
  member_code: z.string().describe('The member code your BaaS project knows this recipient by'),
});

export const commonSendInput = {
  recipients: z.array(recipientInput).describe(`1 to 1000 recipients (the spend guard allows ${DEFAULT_GUARD.maxRecipientsPerSend} by default); duplicates (after normalising) are dropped and counted`),
  message: z.string().describe('Message text. Carriers count EUC-KR bytes (Hangul 2, ASCII 1): up to 90 bytes goes as SMS, up to 2000 as LMS. Emoji cannot be sent.'),
  callback_number: z.string().optional().describe('Pre-registered sender number, e.g. 02-1234-5678 or 1588-1234. Defaults to the configured one.'),
  project_id: z.string().optional().describe('Project UUID; defaults to PROJECT_ID'),
  idempotency_key: z.string().regex(/^[\x21-\x7e]{1,200}$/, 'visible ASCII, 1 to 200 characters').optional().describe(
    'Only to send the very same message again on purpose: a new key makes it a new send. Without one, an identical send within a short window returns the first result instead of sending twice.',
  ),
  is_advertisement: z.boolean().optional().describe('Whether this is an advertisement (정보통신망법 제50조). Detected from the text when omitted; false only when the user says it is not.'),
  night_time_consent: z.boolean().optional().describe('Recipients gave separate consent to advertising between 21:00 and 08:00 KST. Only set when the user says so.'),
};

export const warningOutput = z.object({ code: z.string(), message: z.string() });

export const previewFields = {
  sandbox: z.boolean().describe('True when the send goes to the local sandbox: free, and no phone receives it'),
  message_type: z.enum(['SMS', 'LMS', 'MMS']),
  message_bytes: z.number().int(),
  byte_limit: z.number().int().describe('The most bytes message_type carries: the SMS limit for SMS, 2000 for LMS and MMS'),
  subject_bytes: z.number().int(),
  recipients: z.array(z.object({ phone_number: z.string(), member_code: z.string() })).describe('Normalised, de-duplicated recipients'),
  duplicates_dropped: z.number().int(),
  callback_number: z.string(),
  project_id: z.string(),
  estimated_cost_krw: z.number(),
  warnings: z.array(warningOutput),
};

export const sendOutput = {
  success: z.literal(true),
  group_id: z.number().int(),
  send_id: z.string().describe('This send in the local send ledger (get_send_history)'),
  message: z.string(),
  status: z.literal('전송중'),
  sent_count: z.number().int().describe('Recipients delivered so far: 0 right after a send'),
  failed_count: z.number().int().describe('Recipients failed so far: 0 right after a send'),
  pending_count: z.number().int().describe('Recipients whose delivery is still pending'),
  deduplicated: z.boolean().describe('True when an identical send moments ago answered this call and nothing new was sent'),
  ...previewFields,
};

export const recipientStatusOutput = z.object({
  phone: z.string(),
  name: z.string().nullable(),
  status: z.enum(['전송중', '성공', '실패']),
  reason: z.string().nullable(),
});

export const groupStatusFields = {
  group_id: z.number().int(),
  status: z.enum(['전송중', '성공', '실패', '부분성공']),
  total_count: z.number().int(),
  success_count: z.number().int(),
  failed_count: z.number().int(),
  pending_count: z.number().int(),
  messages: z.array(recipientStatusOutput),
};
