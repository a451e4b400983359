// What each error code says, and what to do about it, in English and Korean. Texts that take no values
// are data (errorTexts.json); those built from the error's values are written out below.
import type { ErrorCode } from './errorCodes';
import type { Locale } from './locale';
import { CAMPAIGN_MESSAGES } from './campaignErrorMessages';
import FIXED_TEXTS from './errorTexts.json';

type P = Record<string, string | number | boolean | undefined>;
export interface CatalogueEntry { en: (p: P) => string; ko: (p: P) => string; hintEn: (p: P) => string; hintKo: (p: P) => string }
type Entry = CatalogueEntry;

/** A sentence placed inside another loses its own full stop ("within 1500 ms." + "." → one). */
const clause = (v: unknown): string => String(v).replace(/[.。]+\s*$/, '');
// A status check sends nothing, so its errors must not speak of a send ("nothing was sent" would read
// as if the message it asks about had not gone out); `statusCheck` is set by BaasClient.getGroupStatus.
const sendNote = (p: P, sentence: string): string => (p.statusCheck ? '' : ` ${sentence}`);
const server = (p: P): string => (p.serverMessage ? ` (${String(p.serverMessage)}${p.serverCode ? `, ${String(p.serverCode)}` : ''})` : '');

type FixedCode = keyof typeof FIXED_TEXTS;
const fixed = (t: { en: string; ko: string; hintEn: string; hintKo: string }): Entry => ({ en: () => t.en, ko: () => t.ko, hintEn: () => t.hintEn, hintKo: () => t.hintKo });
const FIXED = Object.fromEntries(Object.entries(FIXED_TEXTS).map(([code, t]) => [code, fixed(t)])) as Record<FixedCode, Entry>;

const CATALOGUE: Record<ErrorCode, Entry> = {
  ...FIXED,
  // Two cases: the text is not a UUID (checked here), or it is one the API does not know (its INVALID_PROJECT).
  INVALID_PROJECT_ID: {
    en: (p) => (p.rejectedByApi ? `The BaaS API does not know project "${String(p.input)}"${server(p)}.` : `Project id "${String(p.input)}" is not a UUID.`),
    ko: (p) => (p.rejectedByApi ? `BaaS API가 프로젝트 "${String(p.input)}"를 알지 못합니다${server(p)}.` : `프로젝트 ID "${String(p.input)}"가 UUID 형식이 아닙니다.`),
    hintEn: (p) => (p.rejectedByApi
      ? 'Check in the BaaS console that this is your project id and that the API key belongs to the same project. Nothing was sent.'
      : 'Copy the project id (a UUID such as 123e4567-e89b-12d3-a456-426614174000) from the BaaS console.'),
    hintKo: (p) => (p.rejectedByApi
      ? 'BaaS 콘솔에서 프로젝트 ID가 맞는지, API 키가 같은 프로젝트의 것인지 확인하세요. 메시지는 발송되지 않았습니다.'
      : 'BaaS 콘솔에서 프로젝트 ID(123e4567-e89b-12d3-a456-426614174000 같은 UUID)를 복사하세요.'),
  },
  INVALID_RECIPIENTS_COUNT: {
    en: (p) => `Recipients must number 1 to ${String(p.max ?? 1000)}; got ${String(p.count)}.`,
    ko: (p) => `수신자는 1명 이상 ${String(p.max ?? 1000)}명 이하여야 합니다 (현재 ${String(p.count)}명).`,
    hintEn: (p) => (Number(p.count) === 0 ? 'Give at least one recipient (phone_number and member_code).' : 'Split a larger list into several sends.'),
    hintKo: (p) => (Number(p.count) === 0 ? '수신자를 한 명 이상 넣으세요 (phone_number와 member_code).' : '더 많은 수신자는 여러 번에 나누어 보내세요.'),
  },
  MESSAGE_TOO_LONG: {
    en: (p) => `The message is ${String(p.actual)} bytes (EUC-KR); the limit is ${String(p.max)}.`,
    ko: (p) => `메시지가 ${String(p.actual)}바이트(EUC-KR)로 한도 ${String(p.max)}바이트를 넘습니다.`,
    hintEn: () => 'Shorten the message: Hangul counts 2 bytes, ASCII 1.',
    hintKo: () => '메시지를 줄이세요: 한글은 2바이트, 영문·숫자는 1바이트입니다.',
  },
  SUBJECT_TOO_LONG: {
    en: (p) => `The subject is ${String(p.actual)} bytes (EUC-KR); the limit is ${String(p.max)}.`,
    ko: (p) => `제목이 ${String(p.actual)}바이트(EUC-KR)로 한도 ${String(p.max)}바이트를 넘습니다.`,
    hintEn: () => 'Shorten the subject: Hangul counts 2 bytes, ASCII 1.',
    hintKo: () => '제목을 줄이세요: 한글은 2바이트, 영문·숫자는 1바이트입니다.',
  },
  TOO_MANY_IMAGES: {
    en: (p) => `${String(p.count)} images given; an MMS takes at most ${String(p.max ?? 5)}.`,
    ko: (p) => `이미지가 ${String(p.count)}개입니다; MMS에는 최대 ${String(p.max ?? 5)}개까지 넣을 수 있습니다.`,
    hintEn: () => 'Remove images or send them in several messages.',
    hintKo: () => '이미지를 줄이거나 여러 메시지로 나누어 보내세요.',
  },
  API_ERROR: {
    en: (p) => `The BaaS API refused the request (HTTP ${String(p.status ?? '?')})${server(p)}.`,
    ko: (p) => `BaaS API가 요청을 거절했습니다 (HTTP ${String(p.status ?? '?')})${server(p)}.`,
    hintEn: (p) => `Check the fields the server names.${sendNote(p, 'Nothing was sent.')}`,
    hintKo: (p) => `서버가 지적한 항목을 확인하세요.${sendNote(p, '메시지는 발송되지 않았습니다.')}`,
  },
  INTERNAL_ERROR: {
    en: (p) => `Internal error${p.detail ? `: ${clause(p.detail)}` : ''}.`,
    ko: (p) => `내부 오류${p.detail ? `: ${clause(p.detail)}` : ''}.`,
    hintEn: () => 'Check the send history before trying again, then report this with the log.',
    hintKo: () => '다시 보내기 전에 발송 기록을 확인하고, 로그와 함께 알려 주세요.',
  },
  INVALID_INPUT: {
    en: (p) => `Invalid input${p.field ? ` at ${String(p.field)}` : ''}: ${String(p.detail ?? '')}`,
    ko: (p) => `입력이 올바르지 않습니다${p.field ? ` (${String(p.field)})` : ''}: ${String(p.detail ?? '')}`,
    hintEn: () => "Correct the field and try again; see the tool's input schema.",
    hintKo: () => '해당 항목을 고친 뒤 다시 시도하세요. 도구의 입력 스키마를 참고하세요.',
  },
  INVALID_PHONE_NUMBER: {
    en: (p) => `"${String(p.input)}" is not a Korean mobile number.`,
    ko: (p) => `"${String(p.input)}"은(는) 한국 휴대폰 번호가 아닙니다.`,
    hintEn: () => 'Use 010-XXXX-XXXX (01012345678, +82 10-1234-5678 are accepted too).',
    hintKo: () => '010-XXXX-XXXX 형식을 쓰세요 (01012345678, +82 10-1234-5678도 됩니다).',
  },
  INVALID_CALLBACK_NUMBER: {
    en: (p) => `"${String(p.input)}" is not a valid sender (callback) number.`,
    ko: (p) => `"${String(p.input)}"은(는) 올바른 발신번호가 아닙니다.`,
    hintEn: () => 'Use a pre-registered number such as 02-1234-5678, 031-123-4567, 1588-1234 or 010-1234-5678.',
    hintKo: () => '사전 등록된 발신번호를 쓰세요 (예: 02-1234-5678, 031-123-4567, 1588-1234, 010-1234-5678).',
  },
  INVALID_IMAGE_URL: {
    en: (p) => `"${String(p.input)}" is not an http(s) image URL.`,
    ko: (p) => `"${String(p.input)}"은(는) http(s) 이미지 URL이 아닙니다.`,
    hintEn: () => 'Give public https:// URLs of JPG images.',
    hintKo: () => '공개된 https:// JPG 이미지 주소를 넣으세요.',
  },
  INVALID_GROUP_ID: {
    en: (p) => `"${String(p.input)}" is not a message group id.`,
    ko: (p) => `"${String(p.input)}"은(는) 메시지 그룹 ID가 아닙니다.`,
    hintEn: () => 'Use the positive whole number group_id that send_sms or send_mms returned.',
    hintKo: () => 'send_sms 또는 send_mms가 돌려준 양의 정수 group_id를 쓰세요.',
  },
  UNSENDABLE_CHARACTERS: {
    en: (p) => `These characters cannot be sent by SMS/MMS (not in EUC-KR): ${String(p.chars)}.`,
    ko: (p) => `다음 문자는 문자 메시지로 보낼 수 없습니다 (EUC-KR 밖): ${String(p.chars)}.`,
    hintEn: () => 'Remove or replace them (emoji are the usual cause).',
    hintKo: () => '해당 문자를 지우거나 바꾸세요 (대개 이모지입니다).',
  },
  AUTHENTICATION_FAILED: {
    en: (p) => `The BaaS API did not accept the API key${server(p)}.`,
    ko: (p) => `BaaS API가 API 키를 받아들이지 않았습니다${server(p)}.`,
    hintEn: (p) => `Check the key in the BaaS console and set it again.${sendNote(p, 'Nothing was sent.')}`,
    hintKo: (p) => `BaaS 콘솔에서 키를 확인하고 다시 설정하세요.${sendNote(p, '메시지는 발송되지 않았습니다.')}`,
  },
  RATE_LIMITED: {
    en: (p) => `The BaaS API is rate limiting requests${p.retryAfter !== undefined ? ` (retry after ${String(p.retryAfter)} s)` : ''}.`,
    ko: (p) => `BaaS API 요청 한도에 걸렸습니다${p.retryAfter !== undefined ? ` (${String(p.retryAfter)}초 뒤 재시도)` : ''}.`,
    hintEn: (p) => (p.statusCheck ? 'Wait, then check again.' : 'Nothing was sent. Wait, then send again.'),
    hintKo: (p) => (p.statusCheck ? '잠시 뒤 다시 조회하세요.' : '메시지는 발송되지 않았습니다. 잠시 뒤 다시 보내세요.'),
  },
  SERVICE_UNAVAILABLE: {
    en: (p) => `The BaaS API is unavailable (HTTP 503)${p.retryAfter !== undefined ? `, retry after ${String(p.retryAfter)} s` : ''}${server(p)}.`,
    ko: (p) => `BaaS API를 지금 쓸 수 없습니다 (HTTP 503)${p.retryAfter !== undefined ? `, ${String(p.retryAfter)}초 뒤 재시도` : ''}${server(p)}.`,
    hintEn: (p) => (p.statusCheck ? 'Try again later.' : 'The server did not process the request, so nothing was sent. Try again later.'),
    hintKo: (p) => (p.statusCheck ? '잠시 뒤 다시 시도하세요.' : '서버가 요청을 처리하지 않았으므로 발송되지 않았습니다. 잠시 뒤 다시 시도하세요.'),
  },
  TIMEOUT: {
    en: (p) => `The BaaS API did not answer within ${String(p.timeoutMs)} ms.`,
    ko: (p) => `BaaS API가 ${String(p.timeoutMs)}ms 안에 응답하지 않았습니다.`,
    hintEn: () => 'Try again later.',
    hintKo: () => '잠시 뒤 다시 시도하세요.',
  },
  NETWORK_ERROR: {
    en: (p) => `Could not reach the BaaS API${p.detail ? ` (${String(p.detail)})` : ''}.`,
    ko: (p) => `BaaS API에 연결하지 못했습니다${p.detail ? ` (${String(p.detail)})` : ''}.`,
    hintEn: (p) => `Check the network and the API base URL.${sendNote(p, 'Nothing was sent.')}`,
    hintKo: (p) => `네트워크와 API 주소를 확인하세요.${sendNote(p, '메시지는 발송되지 않았습니다.')}`,
  },
  OUTCOME_UNKNOWN: {
    en: (p) => `The send may or may not have gone out: ${clause(p.detail ?? 'the connection ended before the answer')}.`,
    ko: (p) => `발송되었는지 알 수 없습니다: ${clause(p.detail ?? '응답 전에 연결이 끊겼습니다')}.`,
    hintEn: (p) => `Do not send again blindly: check get_send_history${p.sendId ? ` (send ${String(p.sendId)})` : ''} or the BaaS console first.`,
    hintKo: (p) => `바로 다시 보내지 마세요: 먼저 get_send_history${p.sendId ? ` (발송 ${String(p.sendId)})` : ''}나 BaaS 콘솔에서 확인하세요.`,
  },
  GROUP_NOT_FOUND: {
    en: (p) => `No message group ${String(p.input)}${server(p)}.`,
    ko: (p) => `메시지 그룹 ${String(p.input)}을(를) 찾을 수 없습니다${server(p)}.`,
    hintEn: () => 'Use a group_id from send_sms, send_mms or get_send_history.',
    hintKo: () => 'send_sms, send_mms, get_send_history가 돌려준 group_id를 쓰세요.',
  },
  LEDGER_UNAVAILABLE: {
    en: (p) => `The send ledger ${String(p.location)} cannot be used${p.detail ? ` (${String(p.detail)})` : ''}; nothing was sent.`,
    ko: (p) => `발송 기록부 ${String(p.location)}을(를) 쓸 수 없습니다${p.detail ? ` (${String(p.detail)})` : ''}. 아무것도 발송되지 않았습니다.`,
    hintEn: (p) => `Check ${String(p.setting ?? 'the ledger setting')}: ${p.setting === 'BAAS_LEDGER_FILE' ? 'the folder exists and this user may write the file' : 'the server runs and is reachable, the user name, password and database are right'}. No send goes out without its ledger record.`,
    hintKo: (p) => `${String(p.setting ?? '기록부 설정')}을(를) 확인하세요: ${p.setting === 'BAAS_LEDGER_FILE' ? '폴더가 있고 이 사용자가 파일을 쓸 수 있는지' : '서버가 실행 중이고 연결되는지, 사용자 이름·비밀번호·데이터베이스가 맞는지'}. 기록 없이는 어떤 발송도 나가지 않습니다.`,
  },
  SPEND_LIMIT_EXCEEDED: {
    // `setting`: where this host sets the limit (an environment variable standalone, a setting in VS Code).
    en: (p) => `This send would pass the limit ${String(p.setting ?? p.limit)} (${String(p.actual)} > ${String(p.max)}).`,
    ko: (p) => `이 발송은 한도 ${String(p.setting ?? p.limit)}를 넘습니다 (${String(p.actual)} > ${String(p.max)}).`,
    hintEn: (p) => `Send fewer, wait, or raise ${String(p.setting ?? 'the limit')} ${p.setting && /^BAAS_/.test(String(p.setting)) ? "in the MCP server's environment" : 'in the settings'} (a tool argument cannot). Nothing was sent.`,
    hintKo: (p) => `수를 줄이거나, 기다리거나, ${p.setting && /^BAAS_/.test(String(p.setting)) ? 'MCP 서버의 환경 변수' : '설정'} ${String(p.setting ?? '')}에서 한도를 올리세요 (도구 인자로는 올릴 수 없습니다). 메시지는 발송되지 않았습니다.`,
  },
  RECIPIENT_NOT_ALLOWED: {
    en: (p) => `${String(p.input)} is not on the recipient allow-list.`,
    ko: (p) => `${String(p.input)}은(는) 허용된 수신자 목록에 없습니다.`,
    hintEn: () => 'Add the number to the allow-list in the settings, or clear the list.',
    hintKo: () => '설정의 허용 수신자 목록에 번호를 추가하거나 목록을 비우세요.',
  },
  ADVERTISING_RULES: {
    en: (p) => `This advertising message breaks the law's rules (정보통신망법 제50조): ${String(p.missing)}.`,
    ko: (p) => `광고성 메시지가 정보통신망법 제50조를 지키지 않습니다: ${String(p.missing)}.`,
    hintEn: () => 'Begin with (광고), name the sender and a contact, end with a free 080 opt-out, and do not send 21:00–08:00 KST without night-time consent.',
    hintKo: () => '(광고)로 시작하고, 발신자와 연락처를 밝히고, 무료 080 수신거부로 끝내며, 야간 동의 없이 21:00–08:00에 보내지 마세요.',
  },
  ...CAMPAIGN_MESSAGES,
};

export function errorText(code: ErrorCode, params: P, locale: Locale): { message: string; hint: string } {
  const entry = CATALOGUE[code];
  return locale === 'ko'
    ? { message: entry.ko(params), hint: entry.hintKo(params) }
    : { message: entry.en(params), hint: entry.hintEn(params) };
}
