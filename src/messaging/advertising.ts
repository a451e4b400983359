// The advertising-law check (정보통신망법 제50조, korean-messaging.md): an advertisement must begin
// with exactly "(광고)", name its sender and a contact, end with a free 080 opt-out and not go out
// 21:00–08:00 Korea time without night-time consent. Pure: the clock is passed in.
import type { Locale } from '../core/locale';

export type AdRule = 'prefix' | 'sender_contact' | 'opt_out' | 'night_time';

export interface AdvertisingOptions {
  /** true: treat as an advertisement; false: the caller states it is not one (no checks); unset: detect. */
  isAdvertisement?: boolean;
  /** The recipients gave separate consent to advertising at night. */
  nightConsent?: boolean;
  /** Defaults to the current time. */
  now?: Date;
}

export interface AdvertisingCheck {
  /** Whether the rules were applied: as declared, or as detected when nothing was declared. */
  isAdvertisement: boolean;
  /** Whether the text itself reads as an advertisement (reported even when declared otherwise). */
  detected: boolean;
  /** Rules the message breaks, in the order of AD_RULES; empty when it passes or is not an ad. */
  missing: AdRule[];
}

export const AD_RULES: readonly AdRule[] = ['prefix', 'sender_contact', 'opt_out', 'night_time'];

const REQUIRED_PREFIX = '(광고)';
// "광고" in any bracket, letters possibly spaced: (광고), [광고], (광 고), <광고>, 【광고】, （광고）...
const AD_MARKER = /[([<{（［〈《【「『＜]\s*광\s*고\s*[)\]>}）］〉》】」』＞]|^\s*광\s*고\s*[)\]>}）］〉》】」』＞]/;
const OPT_OUT_MENTION = /수신\s*(?:거부|차단)|무료\s*(?:거부|차단)/;
const NUMBER_080 = '080\\s*[-.]?\\s*\\d{3,4}\\s*[-.]?\\s*\\d{4}';
const HAS_080 = new RegExp(`(?<!\\d)${NUMBER_080}(?!\\d)`);
// 무료수신거부 080-123-4567, 무료거부: 0801234567, 수신거부(무료) 080-1234-5678.
const FREE_OPT_OUT = `(?:무료\\s*수신\\s*(?:거부|차단)|무료\\s*(?:거부|차단)|수신\\s*(?:거부|차단)\\s*[([]\\s*무료\\s*[)\\]])\\s*(?:[:：☎☏]|는)?\\s*${NUMBER_080}(?!\\d)`;
// It may close a bracket it sits in: "(무료수신거부 080-123-4567)" ends the message as well.
const FREE_OPT_OUT_AT_END = new RegExp(`${FREE_OPT_OUT}[\\s.。!)\\]）］】」』>＞]*$`);
// Any opt-out clause with its number, free or not: its 080 number is not the sender's contact.
const OPT_OUT_CLAUSE = new RegExp(`(?:무료\\s*)?(?:수신\\s*)?(?:거부|차단)(?:\\s*[([]\\s*무료\\s*[)\\]])?\\s*(?:[:：☎☏]|는)?\\s*${NUMBER_080}(?!\\d)`, 'g');
const PROMOTION = /할인|이벤트|쿠폰|특가|세일|프로모션|사은품|경품|증정|\bsale\b|\d\s*%\s*off\b/i;
// A contact the recipient can reach the sender by: a Korean phone number, a web address or an e-mail.
const CONTACT = [
  /(?<!\d)(?:0\d{1,3}\s*[-.)]?\s*\d{3,4}|1\d{3})\s*[-.]?\s*\d{4}(?!\d)/,
  /https?:\/\/\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|kr|me|io|shop|store|app|link)\b/i,
  /[\w.+-]+@[\w-]+\.[\w.-]+/,
];

/**
 * Checks a message against the advertising rules.
 *
 * Detection is deliberately conservative, since a false alarm blocks an ordinary message: the text
 * counts as an advertisement when it carries a bracketed 광고 marker anywhere (right or wrong form),
 * or mentions an opt-out (수신거부 / 무료거부) together with a promotional word (할인, 이벤트, 쿠폰, 특가,
 * 세일...) or an 080 number. Promotional words alone do not count ("쿠폰이 발급되었습니다" is a notice),
 * so an advertisement written with no marker and no opt-out is not caught: callers that know they send
 * marketing pass `isAdvertisement: true`. The sender's name cannot be recognised by machine; the
 * sender_contact rule checks for a contact other than the opt-out number.
 */
export function checkAdvertising(message: string, opts: AdvertisingOptions = {}): AdvertisingCheck {
  const detected = looksLikeAdvertisement(message);
  const isAdvertisement = opts.isAdvertisement ?? detected;
  if (!isAdvertisement) return { isAdvertisement, detected, missing: [] };

  const missing: AdRule[] = [];
  if (!message.trimStart().startsWith(REQUIRED_PREFIX)) missing.push('prefix');
  if (!hasSenderContact(message)) missing.push('sender_contact');
  if (!FREE_OPT_OUT_AT_END.test(message)) missing.push('opt_out');
  if (!opts.nightConsent && isKoreanNightTime(opts.now ?? new Date())) missing.push('night_time');
  return { isAdvertisement, detected, missing };
}

/** 21:00 to 07:59 in Korea. KST is UTC+9 all year (no daylight saving), so no time-zone data is needed. */
export function isKoreanNightTime(now: Date): boolean {
  const hour = (now.getUTCHours() + 9) % 24;
  return hour >= 21 || hour < 8;
}

/** What each missing rule asks of the sender, joined for ADVERTISING_RULES' `missing` parameter. */
export function describeMissingAdRules(missing: readonly AdRule[], locale: Locale): string {
  return missing.map((rule) => RULE_TEXT[rule][locale]).join('; ');
}

const RULE_TEXT: Record<AdRule, Record<Locale, string>> = {
  prefix: {
    en: 'it must begin with exactly "(광고)" (not [광고], (광 고) or similar)',
    ko: '정확히 "(광고)"로 시작해야 합니다 ([광고], (광 고) 등은 안 됩니다)',
  },
  sender_contact: {
    en: 'it must name the sender and give a contact (phone number or web address) besides the opt-out number',
    ko: '발신자 이름과 연락처(수신거부 번호 외의 전화번호나 웹 주소)를 밝혀야 합니다',
  },
  opt_out: {
    en: 'it must end with a free opt-out such as "무료수신거부 080-123-4567"',
    ko: '"무료수신거부 080-123-4567"처럼 무료 수신거부 방법으로 끝나야 합니다',
  },
  night_time: {
    en: 'it cannot be sent between 21:00 and 08:00 Korea time without separate night-time consent',
    ko: '별도의 야간 수신 동의 없이 한국 시간 21:00–08:00에는 보낼 수 없습니다',
  },
};

function looksLikeAdvertisement(message: string): boolean {
  if (AD_MARKER.test(message)) return true;
  return OPT_OUT_MENTION.test(message) && (PROMOTION.test(message) || HAS_080.test(message));
}

function hasSenderContact(message: string): boolean {
  const withoutOptOut = message.replace(OPT_OUT_CLAUSE, ' ');
  return CONTACT.some((pattern) => pattern.test(withoutOptOut));
}
