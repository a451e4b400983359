// The words of the Markdown plan, in English and Korean.
import type { Locale } from '../core/locale';

export const PLAN_LABELS: Record<Locale, {
  title: string; ready: string; refused: string; source: string; inline: string; phoneColumn: string; memberColumn: string;
  memberFromPhone: string; rowsRead: string; valid: string; invalid: string; duplicates: string; tipped: string; cost: string;
  won: string; limit: string; batches: string; pace: string; start: string; end: string; template: string; advertising: string;
  adOk: string; adMissing: string; adDeclaredNot: string; notAd: string; nightConsent: string; unsendable: string; rows: string;
  row: string; column: string; value: string; why: string; type: string; recipientsCol: string; bytes: string; humanAction: string;
  waits: (at: string) => string; nightStop: (stop: string, count: string, resume: string) => string; more: (count: string) => string;
}> = {
  en: {
    title: 'Campaign plan', ready: 'Ready: nothing has been sent. Sending needs a person to confirm this plan.', refused: 'Refused: this campaign cannot be sent as it is.',
    source: 'Contact list', inline: 'rows given inline', phoneColumn: 'Phone column', memberColumn: 'Member code column', memberFromPhone: '(none: each number is its own code)',
    rowsRead: 'Rows read', valid: 'Valid recipients', invalid: 'Invalid rows', duplicates: 'Duplicates dropped', tipped: 'Rows tipped into LMS by their values',
    cost: 'Estimated cost', won: 'KRW', limit: "Campaign's own limit (recipients)", batches: 'Batches (API requests)', pace: 'Pace between batches',
    start: 'Starts', end: 'Estimated end', template: 'Message template', advertising: 'Advertising law (정보통신망법 제50조)',
    adOk: 'An advertisement, and its form passes: (광고) prefix, sender contact, free 080 opt-out. Every recipient must have agreed to receive advertising.',
    adMissing: 'An advertisement that breaks the rules', adDeclaredNot: 'Looks like an advertisement but was declared not to be one: checks skipped.',
    notAd: 'Not an advertisement.', nightConsent: 'Night-time consent stated: it may run between 21:00 and 08:00 KST.',
    unsendable: 'Characters no carrier can send', rows: 'rows', row: 'Row', column: 'Column', value: 'Value', why: 'Why', type: 'Type',
    recipientsCol: 'Recipients', bytes: 'Bytes',
    humanAction: 'Sending is a human action: confirm this plan with `baas-sms-mcp campaign send … --yes` or in VS Code. An agent cannot send it.',
    waits: (at) => `It is 21:00–08:00 in Korea now: without night-time consent the campaign waits until ${at}.`,
    nightStop: (stop, count, resume) => `The run reaches 21:00 KST: it is stopped at ${stop} after ${count} batches and offered to continue at ${resume} (unless night-time consent is stated).`,
    more: (count) => `… and ${count} more in the JSON plan.`,
  },
  ko: {
    title: '캠페인 계획', ready: '준비됨: 아직 아무것도 보내지 않았습니다. 발송하려면 사람이 이 계획을 확인해야 합니다.', refused: '거부됨: 이 캠페인은 지금 상태로 보낼 수 없습니다.',
    source: '연락처 목록', inline: '직접 넘긴 행', phoneColumn: '전화번호 열', memberColumn: '회원 코드 열', memberFromPhone: '(없음: 번호를 회원 코드로 사용)',
    rowsRead: '읽은 행', valid: '유효한 수신자', invalid: '잘못된 행', duplicates: '제외한 중복', tipped: '값 때문에 LMS가 된 행',
    cost: '예상 요금', won: '원', limit: '캠페인 자체 한도 (수신자)', batches: '배치 (API 요청)', pace: '배치 간격',
    start: '시작', end: '예상 종료', template: '메시지 템플릿', advertising: '광고 규정 (정보통신망법 제50조)',
    adOk: '광고성 메시지이며 형식을 지킵니다: (광고) 표시, 발신자 연락처, 무료 080 수신거부. 모든 수신자가 광고 수신에 동의했어야 합니다.',
    adMissing: '규정을 지키지 않는 광고', adDeclaredNot: '광고처럼 보이지만 광고가 아니라고 선언되어 검사를 건너뛰었습니다.',
    notAd: '광고가 아닙니다.', nightConsent: '야간 수신 동의를 밝혔습니다: 한국 시간 21:00–08:00에도 보낼 수 있습니다.',
    unsendable: '보낼 수 없는 문자', rows: '행', row: '행', column: '열', value: '값', why: '이유', type: '유형',
    recipientsCol: '수신자', bytes: '바이트',
    humanAction: '발송은 사람이 합니다: `baas-sms-mcp campaign send … --yes` 또는 VS Code에서 이 계획을 확인하세요. 에이전트는 보낼 수 없습니다.',
    waits: (at) => `지금은 한국 시간 21:00–08:00입니다: 야간 수신 동의가 없으면 ${at}까지 기다립니다.`,
    nightStop: (stop, count, resume) => `발송이 21:00(KST)에 이릅니다: ${count}개 배치 뒤 ${stop}에 멈추고 ${resume}에 이어 보낼지 묻습니다 (야간 수신 동의를 밝히지 않은 경우).`,
    more: (count) => `… 외 ${count}건은 JSON 계획에 있습니다.`,
  },
};
