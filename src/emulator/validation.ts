// The checks the real API applies to a send body (baas-api.md, "Limits the server enforces"). Every
// problem is reported, each with the field it concerns, as the API's 422 `detail` list does.
import type { FieldProblem } from './envelope';

export type SendChannel = 'sms' | 'mms';

const PHONE = /^010-\d{4}-\d{4}$/;
const CALLBACK = /^(?:\d{2,4}-\d{3,4}-\d{4}|\d{4}-\d{4})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CHANNEL_IDS: Readonly<Record<SendChannel, number>> = { sms: 1, mms: 3 };

export const API_LIMITS = { maxRecipients: 1000, maxMessageChars: 2000, maxSubjectChars: 40, maxImages: 5 } as const;

export interface ValidSend {
  recipients: Array<{ phone_number: string; member_code: string }>;
  message: string;
  callback_number: string;
  project_id?: string;
  subject?: string;
  img_url_list?: string[];
}

/** Problems with `body` as a send on `channel`; an empty list means the API would accept it. */
export function validateSend(channel: SendChannel, body: unknown): FieldProblem[] {
  if (!isObject(body)) return [{ field: 'body', reason: 'must be a JSON object' }];
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string): void => void problems.push({ field, reason });

  const recipients = body.recipients;
  if (!Array.isArray(recipients)) add('recipients', 'required list');
  else if (recipients.length < 1 || recipients.length > API_LIMITS.maxRecipients) add('recipients', `must hold 1 to ${API_LIMITS.maxRecipients} recipients`);
  else recipients.forEach((r: unknown, i) => {
    const at = `recipients[${i}]`;
    if (!isObject(r)) return add(at, 'must be an object');
    if (typeof r.phone_number !== 'string' || !PHONE.test(r.phone_number)) add(`${at}.phone_number`, 'must match ^010-\\d{4}-\\d{4}$');
    if (typeof r.member_code !== 'string' || r.member_code.trim() === '') add(`${at}.member_code`, 'required');
  });

  if (typeof body.message !== 'string' || body.message === '') add('message', 'required');
  else if ([...body.message].length > API_LIMITS.maxMessageChars) add('message', `at most ${API_LIMITS.maxMessageChars} characters`);

  if (typeof body.callback_number !== 'string' || !CALLBACK.test(body.callback_number)) add('callback_number', 'must be a number such as 02-1234-5678 or 1588-1234');
  if (body.project_id !== undefined && (typeof body.project_id !== 'string' || !UUID.test(body.project_id))) add('project_id', 'must be a UUID');
  if (body.channel_id !== CHANNEL_IDS[channel]) add('channel_id', `must be ${CHANNEL_IDS[channel]} for ${channel}`);

  if (channel === 'mms') {
    if (typeof body.subject !== 'string' || body.subject === '') add('subject', 'required');
    else if ([...body.subject].length > API_LIMITS.maxSubjectChars) add('subject', `at most ${API_LIMITS.maxSubjectChars} characters`);
    const images = body.img_url_list;
    if (!Array.isArray(images)) add('img_url_list', 'required list');
    else if (images.length > API_LIMITS.maxImages) add('img_url_list', `at most ${API_LIMITS.maxImages} images`);
    else images.forEach((url: unknown, i) => {
      if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) add(`img_url_list[${i}]`, 'must be an http(s) URL');
    });
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
