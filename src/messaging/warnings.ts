// What a prepared send warns about, in the user's language. Warnings never block a send; they are
// shown in every preview and confirmation so the user decides with the facts in front of them.
import type { Locale } from '../core/locale';
import type { SendWarning } from '../core/types';

export type SendWarningCode =
  | 'DUPLICATES_DROPPED'
  | 'SMS_BECOMES_LMS'
  | 'ADVERTISEMENT_DETECTED'
  | 'NIGHT_CONSENT_DECLARED'
  | 'ADVERTISING_CHECK_SKIPPED'
  | 'IGNORED_FOR_SMS';

type Params = Record<string, string | number>;

const TEXT: Record<SendWarningCode, Record<Locale, (p: Params) => string>> = {
  DUPLICATES_DROPPED: {
    en: (p) => `${p.count} duplicate recipient(s) dropped (same number after normalising); each number gets one message.`,
    ko: (p) => `중복 수신자 ${p.count}명을 뺐습니다 (정규화 후 같은 번호). 번호마다 한 통만 보냅니다.`,
  },
  SMS_BECOMES_LMS: {
    en: (p) => `The message is ${p.bytes} bytes, over the SMS limit of ${p.limit}: it goes as LMS, which costs more.`,
    ko: (p) => `메시지가 ${p.bytes}바이트로 SMS 한도 ${p.limit}바이트를 넘어 LMS로 발송되며 요금이 더 듭니다.`,
  },
  ADVERTISEMENT_DETECTED: {
    en: () => 'This is an advertisement. Its form passes the checks, but every recipient must have agreed to receive advertising (re-confirmed every two years).',
    ko: () => '광고성 메시지입니다. 형식은 맞지만, 모든 수신자가 광고 수신에 동의했어야 합니다 (2년마다 재확인).',
  },
  NIGHT_CONSENT_DECLARED: {
    en: () => 'It is between 21:00 and 08:00 in Korea: this advertisement may go out only to recipients who gave separate night-time consent, as declared.',
    ko: () => '한국 시간 21:00–08:00입니다. 이 광고는 선언한 대로 야간 수신에 별도 동의한 수신자에게만 보낼 수 있습니다.',
  },
  ADVERTISING_CHECK_SKIPPED: {
    en: () => 'The text looks like an advertisement but was declared not to be one, so the advertising-law checks were skipped.',
    ko: () => '광고처럼 보이지만 광고가 아니라고 선언되어 광고 규정 검사를 건너뛰었습니다.',
  },
  IGNORED_FOR_SMS: {
    en: (p) => `An SMS/LMS carries no subject or images, so ${p.fields} was ignored; use send_mms to include them.`,
    ko: (p) => `SMS/LMS에는 제목과 이미지가 없어 ${p.fields}을(를) 무시했습니다. 넣으려면 send_mms를 쓰세요.`,
  },
};

export function sendWarning(code: SendWarningCode, locale: Locale, params: Params = {}): SendWarning {
  return { code, message: TEXT[code][locale](params) };
}
