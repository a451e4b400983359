// The server-side module every Node template (Express, Next.js, NestJS) imports: the one place that
// holds the key, calls the BaaS API and implements the three use cases, so each framework's file is
// only routing. The JavaScript copy is generated from this one (see javascript.ts).
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

export const nodeCoreTs: IntegrationTemplate = {
  id: 'node-core-ts',
  framework: 'shared',
  useCase: 'core',
  language: 'typescript',
  javascriptCopy: true,
  fileName: 'lib/baasSms.ts',
  title: 'BaaS SMS server module (TypeScript): API client, OTP, order notices, campaign preview',
  titleKo: 'BaaS SMS 서버 모듈 (TypeScript): API 클라이언트, 인증번호, 주문 알림, 캠페인 미리보기',
  description: 'The server-only module the Express, Next.js and NestJS templates import: reads BAAS_API_KEY, PROJECT_ID and BAAS_CALLBACK_NUMBER from the environment, sends both auth headers, maps API errors to stable codes, never retries a send, never logs the key, a code or a full phone number.',
  descriptionKo: 'Express·Next.js·NestJS 템플릿이 가져다 쓰는 서버 전용 모듈입니다. BAAS_API_KEY, PROJECT_ID, BAAS_CALLBACK_NUMBER를 환경 변수에서 읽고, 두 인증 헤더를 보내며, API 오류를 고정 코드로 바꾸고, 발송을 자동 재시도하지 않으며, 키·인증번호·전체 전화번호를 로그에 남기지 않습니다.',
  prefix: 'baas-node-core-ts',
  body: snippet`// BaaS SMS, server side only: the API key (env BAAS_API_KEY) never leaves this module and never
// reaches a browser, a log line or an error message. Needs Node >= 18 (global fetch).
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

const APP_NAME = '${tab(1, 'MyApp')}';
const REQUEST_TIMEOUT_MS = 10_000;

/** Every failure carries the HTTP status to answer with, a stable code and a message for people. */
export type SmsFailure = { ok: false; status: number; code: string; message: string; [extra: string]: unknown };
export type SmsResult<T> = ({ ok: true } & T) | SmsFailure;
export type Recipient = { phone_number: string; member_code: string };

export const failure = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): SmsFailure =>
  ({ ok: false, status, code, message, ...extra });

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** 01012345678, 010 1234 5678 or +82 10-1234-5678 → 010-1234-5678; null for anything else. */
export function normalizePhoneNumber(input: unknown): string | null {
  let digits = typeof input === 'string' ? input.replace(/\D/g, '') : '';
  if (digits.startsWith('82')) digits = '0' + digits.slice(digits.startsWith('820') ? 3 : 2);
  const match = /^010(\d{4})(\d{4})$/.exec(digits);
  return match ? \`010-\${match[1]}-\${match[2]}\` : null;
}

/** 010-1234-5678 → 010-****-5678: the only form a phone number may take in a log line. */
export function maskPhoneNumber(phone: string): string {
  return phone.replace(/^(\d{3})-?\d{3,4}-?(\d{4})$/, '$1-****-$2');
}

type Envelope = { success?: boolean; result?: string; message?: string; error_code?: string; errorCode?: string; data?: unknown };

// Both envelopes the BaaS services use: {success, data, error_code} and {result, data, errorCode}.
function interpret(status: number, text: string): SmsResult<{ data: unknown }> {
  let envelope: Envelope = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') envelope = parsed as Envelope;
  } catch {
    // Not JSON: judged by the status alone below.
  }
  const serverCode = envelope.error_code ?? envelope.errorCode;
  if (status === 401 || status === 403 || serverCode === 'AUTHENTICATION_FAILED') {
    // This server's own key is wrong: a server problem (502), not the visitor's.
    return failure(502, 'AUTHENTICATION_FAILED', 'The SMS service rejected this server\'s API key.');
  }
  if (status === 429 || serverCode === 'RATE_LIMIT_EXCEEDED') return failure(429, 'RATE_LIMITED', 'Too many SMS requests. Please wait and try again.');
  if (status === 503) return failure(503, 'SERVICE_UNAVAILABLE', 'The SMS service is unavailable. Nothing was sent; try again later.');
  if (status >= 200 && status < 300 && (envelope.success === true || envelope.result === 'SUCCESS')) return { ok: true, data: envelope.data };
  // A 5xx or an unreadable 2xx: the server may have done the work before failing to say so.
  if (status >= 500 || (status < 300 && envelope.success === undefined && envelope.result === undefined)) {
    return failure(502, 'OUTCOME_UNKNOWN', 'The SMS service did not confirm the send: it may have gone out. Check before sending again.');
  }
  return failure(502, 'API_ERROR', envelope.message ?? \`The SMS service answered HTTP \${status}.\`, { serverCode: serverCode ?? null });
}

/**
 * One send to the BaaS API. Never retried: a send that timed out may still have gone out, and
 * sending again could text the person twice. The caller gets OUTCOME_UNKNOWN instead.
 */
async function postToBaas(path: string, body: Record<string, unknown>): Promise<SmsResult<{ groupId: string | number | null }>> {
  const apiKey = process.env.BAAS_API_KEY;
  const projectId = process.env.PROJECT_ID;
  const callbackNumber = process.env.BAAS_CALLBACK_NUMBER;
  if (!apiKey) return failure(500, 'MISSING_API_KEY', 'SMS is not configured on this server (BAAS_API_KEY).');
  if (!projectId) return failure(500, 'MISSING_PROJECT_ID', 'SMS is not configured on this server (PROJECT_ID).');
  // The sender number must be registered with the carriers beforehand (Korean law) or the API refuses it.
  if (!callbackNumber) return failure(500, 'MISSING_CALLBACK_NUMBER', 'SMS is not configured on this server (BAAS_CALLBACK_NUMBER).');
  const baseUrl = (process.env.BAAS_API_BASE_URL ?? 'https://api.aiapp.link').replace(/\/+$/, '');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(baseUrl + path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'X-API-KEY': apiKey,
        Authorization: \`Bearer \${apiKey}\`,
        // Lets the API drop a duplicate of this exact request; reuse it if you ever add a retry.
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify({ ...body, callback_number: callbackNumber, project_id: projectId }),
      signal: controller.signal,
    });
    const outcome = interpret(response.status, await response.text());
    if (!outcome.ok) return outcome;
    const data = (outcome.data ?? {}) as { group_id?: string | number; groupId?: string | number };
    return { ok: true, groupId: data.group_id ?? data.groupId ?? null };
  } catch {
    return failure(504, 'OUTCOME_UNKNOWN', 'The SMS service did not answer in time: the message may or may not have gone out. Check before sending again.');
  } finally {
    clearTimeout(timer);
  }
}

/** The HTTP answer for a result: 200 with it, or its status with { ok: false, code, message, … }. */
export function httpAnswer(result: SmsResult<object>): { status: number; body: Record<string, unknown> } {
  if (result.ok) return { status: 200, body: result };
  const { status, ...body } = result;
  return { status, body };
}

export function sendSms(recipients: Recipient[], message: string) {
  return postToBaas('/message/sms', { recipients, message, channel_id: 1 });
}

export function sendMms(recipients: Recipient[], message: string, subject: string, imageUrls: string[]) {
  return postToBaas('/message/mms', { recipients, message, subject, img_url_list: imageUrls, channel_id: 3 });
}

// ---- Verification codes (OTP) -------------------------------------------------------------------
const OTP_TTL_MS = envNumber('OTP_TTL_SECONDS', 300) * 1000;
const OTP_MAX_ATTEMPTS = envNumber('OTP_MAX_ATTEMPTS', 5);
const OTP_RESEND_COOLDOWN_MS = envNumber('OTP_RESEND_COOLDOWN_SECONDS', 60) * 1000;

type OtpEntry = { hash: Buffer; expiresAt: number; attempts: number };
type OtpStore = { codes: Map<string, OtpEntry>; lastSent: Map<string, number>; key: Buffer };
// One process only: use Redis or your database when you run several. Kept on globalThis so a
// framework's hot reload (Next.js dev) does not forget codes between requests.
const holder = globalThis as typeof globalThis & { baasSmsOtpStore?: OtpStore };
const otp: OtpStore = (holder.baasSmsOtpStore ??= {
  codes: new Map(),
  lastSent: new Map(),
  // Codes are stored as HMACs: a leaked store does not give them away. Set OTP_HASH_SECRET when several processes share one.
  key: process.env.OTP_HASH_SECRET ? Buffer.from(process.env.OTP_HASH_SECRET) : randomBytes(32),
});

const hashCode = (phone: string, code: string): Buffer => createHmac('sha256', otp.key).update(\`\${phone}:\${code}\`).digest();

// Expired codes are kept for one more lifetime, so a late try hears "expired" rather than "no code".
function forgetExpired(now: number): void {
  for (const [phone, entry] of otp.codes) if (entry.expiresAt + OTP_TTL_MS <= now) otp.codes.delete(phone);
  for (const [phone, at] of otp.lastSent) if (at + OTP_RESEND_COOLDOWN_MS <= now) otp.lastSent.delete(phone);
}

/** Texts a fresh 6-digit code (from the CSPRNG) to the number, at most once per cooldown. */
export async function sendVerificationCode(rawPhone: unknown, memberCode: string): Promise<SmsResult<{ expiresInSeconds: number }>> {
  const phone = normalizePhoneNumber(rawPhone);
  if (!phone) return failure(400, 'INVALID_PHONE_NUMBER', 'Enter a mobile number like 010-1234-5678.');
  const now = Date.now();
  forgetExpired(now);
  const last = otp.lastSent.get(phone);
  if (last !== undefined && now - last < OTP_RESEND_COOLDOWN_MS) {
    const retryAfterSeconds = Math.ceil((last + OTP_RESEND_COOLDOWN_MS - now) / 1000);
    return failure(429, 'OTP_COOLDOWN', 'A code was just sent to this number. Please wait before asking again.', { retryAfterSeconds });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // Stored before sending: if the answer is lost the SMS may still arrive, and its code must work.
  otp.codes.set(phone, { hash: hashCode(phone, code), expiresAt: now + OTP_TTL_MS, attempts: 0 });
  otp.lastSent.set(phone, now);
  const sent = await sendSms([{ phone_number: phone, member_code: memberCode }], \`[\${APP_NAME}] 인증번호는 \${code}입니다.\`);
  if (!sent.ok && sent.code !== 'OUTCOME_UNKNOWN') {
    otp.codes.delete(phone);
    otp.lastSent.delete(phone);
    return sent;
  }
  if (!sent.ok) {
    // The code stays valid: the SMS may still arrive. The cooldown stops an instant second send.
    console.warn(\`verification code to \${maskPhoneNumber(phone)}: outcome unknown\`);
    return sent;
  }
  console.info(\`verification code sent to \${maskPhoneNumber(phone)}\`);
  return { ok: true, expiresInSeconds: Math.round(OTP_TTL_MS / 1000) };
}

/** True once for the right code within its lifetime; wrong codes count towards the attempt limit. */
export function checkVerificationCode(rawPhone: unknown, code: unknown): SmsResult<{ verified: true }> {
  const phone = normalizePhoneNumber(rawPhone);
  if (!phone) return failure(400, 'INVALID_PHONE_NUMBER', 'Enter a mobile number like 010-1234-5678.');
  const entry = otp.codes.get(phone);
  if (!entry) return failure(400, 'OTP_NOT_FOUND', 'No code is waiting for this number. Ask for a new one.');
  if (entry.expiresAt <= Date.now()) {
    otp.codes.delete(phone);
    return failure(400, 'OTP_EXPIRED', 'The code has expired. Ask for a new one.');
  }
  // Compared as HMACs of equal length, in constant time, so timing does not reveal digits.
  if (timingSafeEqual(hashCode(phone, typeof code === 'string' ? code.trim() : ''), entry.hash)) {
    otp.codes.delete(phone);
    return { ok: true, verified: true };
  }
  entry.attempts += 1;
  if (entry.attempts >= OTP_MAX_ATTEMPTS) {
    otp.codes.delete(phone);
    return failure(429, 'OTP_TOO_MANY_ATTEMPTS', 'Too many wrong codes. Ask for a new one.');
  }
  return failure(400, 'OTP_MISMATCH', 'The code is not right.', { attemptsLeft: OTP_MAX_ATTEMPTS - entry.attempts });
}

// ---- Order notifications ------------------------------------------------------------------------
export type OrderEvent = { event?: unknown; orderId?: unknown; phone?: unknown; memberCode?: unknown; trackingNumber?: unknown; imageUrl?: unknown };

/** created → an SMS; shipped → an MMS with a subject and the product image (a public https URL). */
export async function notifyOrder(input: OrderEvent): Promise<SmsResult<{ groupId: string | number | null; type: 'SMS' | 'MMS' }>> {
  const phone = normalizePhoneNumber(input.phone);
  if (!phone) return failure(400, 'INVALID_PHONE_NUMBER', 'phone: enter a mobile number like 010-1234-5678.');
  const orderId = typeof input.orderId === 'string' && /^[\w-]{1,40}$/.test(input.orderId) ? input.orderId : null;
  if (!orderId) return failure(400, 'INVALID_INPUT', 'orderId: 1 to 40 letters, digits, - or _.');
  if (typeof input.memberCode !== 'string' || !input.memberCode.trim()) return failure(400, 'INVALID_MEMBER_CODE', 'memberCode: required.');
  const recipients = [{ phone_number: phone, member_code: input.memberCode.trim() }];
  let sent;
  let type: 'SMS' | 'MMS';
  if (input.event === 'created') {
    type = 'SMS';
    sent = await sendSms(recipients, \`[\${APP_NAME}] 주문 \${orderId}이(가) 접수되었습니다.\`);
  } else if (input.event === 'shipped') {
    const imageUrl = typeof input.imageUrl === 'string' && /^https:\/\/\S+$/.test(input.imageUrl) ? input.imageUrl : null;
    if (!imageUrl) return failure(400, 'INVALID_IMAGE_URL', 'imageUrl: a public https:// URL of a JPG image.');
    const tracking = typeof input.trackingNumber === 'string' && input.trackingNumber ? \` 송장번호 \${input.trackingNumber}\` : '';
    type = 'MMS';
    sent = await sendMms(recipients, \`주문 \${orderId} 상품이 출발했습니다.\${tracking}\`, \`[\${APP_NAME}] 배송 시작\`, [imageUrl]);
  } else {
    return failure(400, 'INVALID_INPUT', 'event: "created" or "shipped".');
  }
  if (!sent.ok) return sent;
  console.info(\`order \${orderId}: \${type} sent to \${maskPhoneNumber(phone)}\`);
  return { ok: true, groupId: sent.groupId, type };
}

// ---- Campaigns: preview (bytes, type, cost, advertising rules) before sending -----------------
const SMS_BYTE_LIMIT = envNumber('SMS_BYTE_LIMIT', 90);
const PRICES = { SMS: envNumber('PRICE_SMS', 9.9), LMS: envNumber('PRICE_LMS', 30), MMS: envNumber('PRICE_MMS', 100) };
let eucKr: Set<string> | undefined;

/** Carriers bill EUC-KR bytes (Hangul 2, ASCII 1) and cannot carry what EUC-KR cannot encode (emoji). */
export function measureEucKr(text: string): { bytes: number; unsendable: string[] } {
  if (!eucKr) {
    // Every two-byte EUC-KR (CP949) character, read once from the platform's own decoder.
    eucKr = new Set();
    const decoder = new TextDecoder('euc-kr');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x41; trail <= 0xfe; trail++) eucKr.add(decoder.decode(Uint8Array.of(lead, trail)));
    }
    eucKr.delete('\ufffd');
  }
  let bytes = 0;
  const unsendable = new Set<string>();
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes += 1;
    else if (eucKr.has(char)) bytes += 2;
    else unsendable.add(char);
  }
  return { bytes, unsendable: [...unsendable] };
}

/** The advertising law (정보통신망법 제50조): "(광고)" first, a sender contact, a free 080 opt-out last, no night sends. */
export function advertisingProblems(message: string, nightConsent: boolean, now: Date): string[] {
  const missing: string[] = [];
  const text = message.trim();
  if (!text.startsWith('(광고)')) missing.push('prefix');
  const optOut = /무료\s*수신\s*거부\s*[:：]?\s*080-?\d{3,4}-?\d{4}$/;
  if (!optOut.test(text)) missing.push('opt_out');
  if (!/(?<!\d)(0[1-9]\d{0,2}-?\d{3,4}-?\d{4}|1\d{3}-?\d{4}|https?:\/\/\S+)/.test(text.replace(optOut, ''))) missing.push('sender_contact');
  const koreanHour = (now.getUTCHours() + 9) % 24;
  if (!nightConsent && (koreanHour >= 21 || koreanHour < 8)) missing.push('night_time');
  return missing;
}

export type CampaignInput = {
  message?: unknown; subject?: unknown; imageUrls?: unknown; recipients?: unknown; isAdvertisement?: unknown; nightConsent?: unknown;
};
export type CampaignPreview = {
  type: 'SMS' | 'LMS' | 'MMS'; bytes: number; subjectBytes: number; recipients: number; duplicatesDropped: number; costKrw: number;
  unsendable: string[]; advertising: { isAdvertisement: boolean; missing: string[] }; problems: string[]; canSend: boolean; previewId: string;
};

function readCampaign(input: CampaignInput) {
  const message = typeof input.message === 'string' ? input.message : '';
  const subject = typeof input.subject === 'string' ? input.subject.trim() : '';
  const imageUrls = Array.isArray(input.imageUrls) ? input.imageUrls.filter((url): url is string => typeof url === 'string' && url !== '') : [];
  const rows: unknown[] = Array.isArray(input.recipients) ? input.recipients : [];
  const recipients = new Map<string, Recipient>();
  for (const [index, row] of rows.entries()) {
    const { phone, memberCode } = (row ?? {}) as { phone?: unknown; memberCode?: unknown };
    const normalized = normalizePhoneNumber(phone);
    if (!normalized) return failure(400, 'INVALID_PHONE_NUMBER', \`recipients[\${index}].phone: enter a mobile number like 010-1234-5678.\`);
    if (typeof memberCode !== 'string' || !memberCode.trim()) return failure(400, 'INVALID_MEMBER_CODE', \`recipients[\${index}].memberCode: required.\`);
    if (!recipients.has(normalized)) recipients.set(normalized, { phone_number: normalized, member_code: memberCode.trim() });
  }
  const ad = input.isAdvertisement === true || /[([<]\s*광\s*고\s*[)\]>]|수신\s*거부/.test(message);
  return { ok: true as const, message, subject, imageUrls, recipients: [...recipients.values()], duplicates: rows.length - recipients.size, ad, nightConsent: input.nightConsent === true };
}

/** What the admin sees before sending. previewId pins the exact content: sendCampaign refuses anything else. */
export function previewCampaign(input: CampaignInput, now = new Date()): SmsResult<{ preview: CampaignPreview }> {
  const campaign = readCampaign(input);
  if (!campaign.ok) return campaign;
  const body = measureEucKr(campaign.message);
  const subject = measureEucKr(campaign.subject);
  // The BaaS API takes a subject only with images (MMS); long text goes as LMS through /message/sms.
  const type = campaign.imageUrls.length > 0 ? 'MMS' : body.bytes > SMS_BYTE_LIMIT ? 'LMS' : 'SMS';
  const missing = campaign.ad ? advertisingProblems(campaign.message, campaign.nightConsent, now) : [];
  const problems = [
    ...(campaign.message.trim() ? [] : ['EMPTY_MESSAGE']),
    ...(body.bytes > 2000 ? ['MESSAGE_TOO_LONG'] : []),
    ...(subject.bytes > 40 ? ['SUBJECT_TOO_LONG'] : []),
    ...(type === 'MMS' && !campaign.subject ? ['EMPTY_SUBJECT'] : []),
    ...(campaign.imageUrls.length > 5 ? ['TOO_MANY_IMAGES'] : []),
    ...(campaign.imageUrls.some((url) => !/^https:\/\/\S+$/.test(url)) ? ['INVALID_IMAGE_URL'] : []),
    ...(body.unsendable.length + subject.unsendable.length > 0 ? ['UNSENDABLE_CHARACTERS'] : []),
    ...(campaign.recipients.length < 1 || campaign.recipients.length > 1000 ? ['INVALID_RECIPIENTS_COUNT'] : []),
    ...(missing.length > 0 ? ['ADVERTISING_RULES'] : []),
  ];
  const pinned = JSON.stringify([campaign.message, campaign.subject, campaign.imageUrls, campaign.recipients, campaign.ad, campaign.nightConsent]);
  return {
    ok: true,
    preview: {
      type, bytes: body.bytes, subjectBytes: subject.bytes, recipients: campaign.recipients.length, duplicatesDropped: campaign.duplicates,
      costKrw: Math.round(campaign.recipients.length * PRICES[type] * 10) / 10,
      unsendable: [...body.unsendable, ...subject.unsendable], advertising: { isAdvertisement: campaign.ad, missing }, problems,
      canSend: problems.length === 0, previewId: createHash('sha256').update(pinned).digest('hex').slice(0, 32),
    },
  };
}

/** Sends exactly what was previewed (same previewId) and passed every check; protect it with your admin auth. */
export async function sendCampaign(input: CampaignInput & { previewId?: unknown }): Promise<SmsResult<{ groupId: string | number | null; preview: CampaignPreview }>> {
  const previewed = previewCampaign(input);
  if (!previewed.ok) return previewed;
  const { preview } = previewed;
  if (input.previewId !== preview.previewId) return failure(409, 'PREVIEW_MISMATCH', 'Preview the campaign again: it changed since the preview.');
  if (!preview.canSend) return failure(400, preview.problems[0], \`Fix before sending: \${preview.problems.join(', ')}.\`, { preview });
  const campaign = readCampaign(input);
  if (!campaign.ok) return campaign;
  const sent = preview.type === 'MMS'
    ? await sendMms(campaign.recipients, campaign.message, campaign.subject, campaign.imageUrls)
    : await sendSms(campaign.recipients, campaign.message);
  if (!sent.ok) return sent;
  console.info(\`campaign \${preview.previewId}: \${preview.type} sent to \${preview.recipients} recipients\`);
  return { ok: true, groupId: sent.groupId, preview };
}
`,
};
