// The card's words in English and Korean. The host's locale (App context) picks one; English otherwise.
export type CardLocale = 'en' | 'ko';

export const STRINGS = {
  en: {
    preview: 'Preview', sent: 'Sent', deduplicated: 'Already sent (identical send moments ago)', error: 'Not sent',
    live: 'LIVE', sandbox: 'SANDBOX', bytes: 'bytes', cost: 'Estimated cost', recipients: 'Recipients', more: 'more',
    findings: 'Findings', blocked: 'Blocked', noFindings: 'No findings', delivery: 'Delivery', group: 'Group',
    delivered: 'delivered', failed: 'failed', pending: 'pending', checking: 'Checking delivery…', statusUnknown: 'Delivery status could not be read',
    status: { 전송중: 'Sending', 성공: 'Delivered', 실패: 'Failed', 부분성공: 'Partly delivered' } as Record<string, string>,
    waiting: 'Waiting for the tool result…', duplicates: 'duplicates dropped', overLimit: 'over the limit',
  },
  ko: {
    preview: '미리보기', sent: '발송됨', deduplicated: '이미 발송됨 (방금 같은 발송)', error: '발송되지 않음',
    live: '실발송', sandbox: '샌드박스', bytes: '바이트', cost: '예상 비용', recipients: '수신자', more: '명 더',
    findings: '점검 결과', blocked: '차단됨', noFindings: '점검 결과 없음', delivery: '전송 결과', group: '그룹',
    delivered: '성공', failed: '실패', pending: '대기', checking: '전송 결과 확인 중…', statusUnknown: '전송 결과를 읽지 못했습니다',
    status: { 전송중: '전송 중', 성공: '전송 성공', 실패: '전송 실패', 부분성공: '부분 성공' } as Record<string, string>,
    waiting: '도구 결과를 기다리는 중…', duplicates: '건 중복 제거', overLimit: '한도 초과',
  },
};

export type CardStrings = (typeof STRINGS)['en'];

/** `ko`, `ko-KR` → Korean; anything else (or nothing) → English. */
export function cardLocale(locale: string | undefined): CardLocale {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
