// Rules at scale: prepareSend (validate, normalise, de-duplicate, byte-count, advertising check) for
// 1000 recipients in mixed formats with some duplicates and a 2000-byte advertisement, the largest
// input the rules accept. The advertisement passes every rule, so every check runs to the end.
import type { SendInput } from '../../src/core/types';
import { measureText } from '../../src/messaging/bytes';
import { prepareSend, type PrepareSendOptions } from '../../src/messaging/prepareSend';
import { msSince } from './stats';
import { DEFAULT_RULES } from '../../src/core/settings';

const PROJECT = '123e4567-e89b-42d3-a456-426614174000';
// Noon in Korea: the night-time rule applies only 21:00–08:00.
const NOON_KST = new Date('2025-05-01T03:00:00.000Z');
const HEAD = '(광고) BaaS상점 봄맞이 할인 안내입니다. ';
const TAIL = ' 문의 02-1234-5678 무료수신거부 080-123-4567';
const FILLER = '주문하신 상품은 오늘 오후에 발송됩니다. Order 12345 ships today. ';

/** Phone number i in one of four accepted spellings; every 20th repeats an earlier number in another spelling. */
function phone(i: number): string {
  const n = i % 20 === 19 ? i - 7 : i;
  const mid = String(1000 + (n % 9000)).padStart(4, '0');
  const last = String(n).padStart(4, '0');
  switch (i % 4) {
    case 0: return `010-${mid}-${last}`;
    case 1: return `010${mid}${last}`;
    case 2: return `+82 10-${mid}-${last}`;
    default: return `+8210${mid}${last}`;
  }
}

/** A message of exactly `bytes` EUC-KR bytes: the ad head, filler, and the opt-out at the end. */
export function messageOfBytes(bytes: number): string {
  const fixed = measureText(HEAD).bytes + measureText(TAIL).bytes;
  let body = '';
  let size = 0;
  for (let i = 0; size < bytes - fixed; i++) {
    const char = FILLER[i % FILLER.length];
    // A two-byte character that would overshoot by one is replaced by a space.
    const fits = size + (char.charCodeAt(0) > 0x7f ? 2 : 1) <= bytes - fixed;
    body += fits ? char : ' ';
    size += fits && char.charCodeAt(0) > 0x7f ? 2 : 1;
  }
  return HEAD + body + TAIL;
}

/** The send the rules benchmark prepares: `recipients` numbers (5% duplicates) and a `messageBytes` message. */
export function rulesInput(recipients = 1000, messageBytes = 2000): SendInput {
  return {
    kind: 'sms',
    recipients: Array.from({ length: recipients }, (_, i) => ({ phone_number: phone(i), member_code: `member-${i}` })),
    message: messageOfBytes(messageBytes),
    callback_number: '02-1234-5678',
    project_id: PROJECT,
  };
}

export const RULES_OPTIONS: PrepareSendOptions = { rules: DEFAULT_RULES, locale: 'ko', advertisement: { now: NOON_KST } };

/** `runs` timings of prepareSend (ms), after `warmup` untimed calls; also the first call's time and the result's shape. */
export function measureRules(runs: number, warmup = 20, input: SendInput = rulesInput()): {
  times: number[];
  firstMs: number;
  recipients: number;
  duplicatesDropped: number;
  messageBytes: number;
  messageType: string;
} {
  let start = process.hrtime.bigint();
  const first = prepareSend(input, RULES_OPTIONS);
  const firstMs = msSince(start);
  for (let i = 0; i < warmup; i++) prepareSend(input, RULES_OPTIONS);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = process.hrtime.bigint();
    prepareSend(input, RULES_OPTIONS);
    times.push(msSince(start));
  }
  return {
    times,
    firstMs,
    recipients: first.recipients.length,
    duplicatesDropped: first.duplicates_dropped,
    messageBytes: first.message_bytes,
    messageType: first.message_type,
  };
}
