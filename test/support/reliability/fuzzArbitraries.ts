// fast-check generators for every tool's arguments: mostly well-formed values (in every format the
// rules accept) so that a good share reaches the accept path, mixed with the invalid values agents
// really produce (wrong formats, empty strings, emoji, overlong text, wrong types, missing fields),
// and, now and then, a field replaced by anything at all or arguments that are not an object.
import fc from 'fast-check';

/** A fuzz input: `args` as sent, and whether they are deliberately not an object (a JSON-RPC error is then expected). */
export interface FuzzInput {
  args: unknown;
  nonObject: boolean;
}

/** get_message_status's group_id may name a group the fuzz run already created: `POOL:n`, resolved at call time. */
export const POOL_REF = 'POOL:';

export const FUZZ_PROJECT = '7d3e1f2a-4b5c-4d6e-8f70-8192a3b4c5d6';

const digits4 = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
const fullWidth = (text: string): string => text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const validPhone = fc.tuple(digits4, digits4, fc.integer({ min: 0, max: 8 })).map(([a, b, format]) => [
  `010${a}${b}`, `010-${a}-${b}`, `+82 10-${a}-${b}`, `+8210${a}${b}`, `010 ${a} ${b}`, `010.${a}.${b}`, `82-10-${a}-${b}`, `0082 10 ${a} ${b}`, fullWidth(`010-${a}-${b}`),
][format]);
const invalidPhone = fc.oneof(
  fc.constantFrom('', ' ', '011-1234-5678', '010-123-456', '02-1234-5678', '+1 555 123 4567', '010-1234-56789', '010_1234_5678', 'phone', '010-1234-5678📱'),
  fc.string({ maxLength: 16 }),
);
const phone = fc.oneof({ weight: 24, arbitrary: validPhone }, { weight: 1, arbitrary: invalidPhone });

const memberCode = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('u1', 'member-7', '고객1', 'A-0001') },
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
);
const recipient = fc.record({ phone_number: phone, member_code: memberCode });
const recipients = fc.oneof(
  { weight: 30, arbitrary: fc.array(recipient, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.array(recipient, { minLength: 20, maxLength: 60 }) },
);

const WORDS = ['안녕하세요', '인증번호', '주문', '배송이', '시작되었습니다.', '감사합니다', '[BaaS]', 'Hello', 'order', '#42', '123456', '고객님', '예약', '확인', '내일', '오후 3시', '문의:', '02-1234-5678', '(주)비에이에이에스', 'OK!', '9,900원', '가나다'];
const wordText = (max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const AD_OK = '(광고) BaaS 상점 봄맞이 20% 할인 이벤트! 문의 02-1234-5678 무료수신거부 080-123-4567';
const message = fc.oneof(
  { weight: 14, arbitrary: wordText(12) },
  { weight: 4, arbitrary: wordText(150) },
  { weight: 1, arbitrary: fc.constantFrom(AD_OK, '[광고] 50% 할인 쿠폰!', '할인 이벤트 수신거부 080-000-0000') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\n') },
  { weight: 1, arbitrary: wordText(5).map((t) => `${t} 😀`) },
  { weight: 1, arbitrary: fc.integer({ min: 2001, max: 4000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const callbackNumber = fc.oneof(
  { weight: 10, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom('02-1234-5678', '1588-1234', '031-123-4567', '0212345678', '+82 2-1234-5678', '0505-123-4567') },
  { weight: 1, arbitrary: fc.constantFrom('123', 'abc', '+1 555 0100', '02-12-34', '') },
);
const projectId = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', 'not-a-uuid', FUZZ_PROJECT.toUpperCase()) },
  { weight: 1, arbitrary: fc.string({ maxLength: 36 }) },
);
const idempotencyKey = fc.oneof(
  { weight: 10, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 }), fc.constant('k'.repeat(201))) },
);
const maybeBool = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.boolean() });

const subject = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('주문 확인', '예약 안내', 'Notice', '봄맞이 행사') },
  { weight: 1, arbitrary: fc.constantFrom('', '제목이 아주 아주 아주 아주 아주 아주 아주 길어서 넘칩니다', '🎉 행사') },
);
const imageUrls = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 8, arbitrary: fc.array(fc.nat(99).map((n) => `https://example.com/img/${n}.jpg`), { minLength: 1, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom([], ['ftp://example.com/a.jpg'], ['not a url'], Array.from({ length: 6 }, (_, i) => `https://e.com/${i}.jpg`)) },
);

const commonSend = {
  recipients,
  message,
  callback_number: callbackNumber,
  project_id: projectId,
  is_advertisement: maybeBool,
  night_time_consent: maybeBool,
};

const sendSms = fc.record({ ...commonSend, idempotency_key: idempotencyKey });
const sendMms = fc.record({ ...commonSend, idempotency_key: idempotencyKey, subject, image_urls: imageUrls });
const preview = fc.record({
  kind: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, 'sms', 'mms') }, { weight: 1, arbitrary: fc.constantFrom('SMS', 'lms', '') }),
  ...commonSend,
  subject: fc.option(subject, { nil: undefined }),
  image_urls: imageUrls,
});
const status = fc.record({
  group_id: fc.oneof(
    { weight: 10, arbitrary: fc.nat().map((n) => `${POOL_REF}${n}`) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 60, '', 'abc', ' 10001 ', '1e3', null) },
  ),
});
const history = fc.record({
  project_id: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant(FUZZ_PROJECT) }, { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })) }),
  offset: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 8, arbitrary: fc.nat(200) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 1_000_001, '3') }),
  limit: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 8, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 101, 2.5, '10') }),
  message_type: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, 'SMS', 'MMS', 'ALL') }, { weight: 1, arbitrary: fc.constantFrom('sms', 'LMS', '') }),
  refresh_status: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(undefined, false) }, { weight: 1, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant('yes') }),
});
const integration = fc.record({
  framework: fc.oneof({ weight: 10, arbitrary: fc.constantFrom('react', 'vue', 'express', 'nextjs', 'nestjs', 'django', 'fastapi') }, { weight: 1, arbitrary: fc.constantFrom('angular', 'React', '', 42) }),
  use_case: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(undefined, 'verification', 'order_notification', 'campaign') }, { weight: 1, arbitrary: fc.constantFrom('otp', '') }),
  language: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(undefined, 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'vue') }, { weight: 1, arbitrary: fc.constantFrom('ts', '', 'rust') }),
});
// plan_campaign from inline rows (the fuzz server names no roots, so a file_path is refused): contact
// rows in every phone spelling with now and then a blank name, a bad number or a missing column.
const contactRow = fc.record({
  이름: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('홍길동', '김철수', 'Lee', '아주아주아주아주아주아주긴이름을가진고객') }, { weight: 1, arbitrary: fc.constantFrom('', '민수😀') }),
  휴대폰: fc.oneof({ weight: 12, arbitrary: phone }, { weight: 1, arbitrary: fc.constantFrom(null, 1012345678, '') }),
  등급: fc.constantFrom('VIP', '일반'),
}, { requiredKeys: ['휴대폰'] });
const campaign = fc.record({
  rows: fc.oneof({ weight: 20, arbitrary: fc.array(contactRow, { minLength: 1, maxLength: 30 }) }, { weight: 1, arbitrary: fc.constantFrom([], [{ 주소: '서울' }]) }),
  message: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('#{이름}님, #{등급} 혜택 안내입니다.', '#{이름}님 주문이 발송되었습니다.', AD_OK, '공지: 내일 점검합니다.') },
    { weight: 2, arbitrary: message },
    { weight: 1, arbitrary: fc.constantFrom('#{이름', '#{없는열}님', '#{}', '#{이름}#{') },
  ),
  subject: fc.option(subject, { nil: undefined, freq: 6 }),
  phone_column: fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('휴대폰', '2', '전화', '') }),
  max_recipients: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(1, 5, 0, -1) }),
  pace_ms: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(0, 500, 3_600_000, -5) }),
  is_advertisement: maybeBool,
  night_time_consent: maybeBool,
});

/**
 * Wraps a tool's generator: 90% as generated, 5% with one field replaced by any JSON value, 3% with
 * one field removed, 2% arguments that are not an object at all.
 */
function fuzzed(arb: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<FuzzInput> {
  const json = fc.jsonValue({ maxDepth: 2 });
  const pickKey = (o: Record<string, unknown>, n: number): string => {
    const keys = Object.keys(o);
    return keys[n % Math.max(1, keys.length)] ?? 'x';
  };
  return fc.oneof(
    { weight: 90, arbitrary: arb.map((args) => ({ args, nonObject: false })) },
    { weight: 5, arbitrary: fc.tuple(arb, fc.nat(), json).map(([args, n, value]) => ({ args: { ...args, [pickKey(args, n)]: value }, nonObject: false })) },
    {
      weight: 3,
      arbitrary: fc.tuple(arb, fc.nat()).map(([args, n]) => {
        const copy = { ...args };
        delete copy[pickKey(args, n)];
        return { args: copy, nonObject: false };
      }),
    },
    { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.array(json, { maxLength: 3 }), fc.constant(null)).map((args) => ({ args, nonObject: true })) },
  );
}

export const TOOL_ARBITRARIES: Record<string, fc.Arbitrary<FuzzInput>> = {
  send_sms: fuzzed(sendSms),
  send_mms: fuzzed(sendMms),
  preview_message: fuzzed(preview),
  get_message_status: fuzzed(status),
  get_send_history: fuzzed(history),
  get_integration_code: fuzzed(integration),
  plan_campaign: fuzzed(campaign),
};

/** How the inputs are shared out between the tools (sums to 1). */
export const TOOL_SHARES: Record<string, number> = {
  send_sms: 0.18,
  send_mms: 0.18,
  preview_message: 0.2,
  get_message_status: 0.16,
  get_send_history: 0.12,
  get_integration_code: 0.1,
  plan_campaign: 0.06,
};
