import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BaasSmsError } from '../../../src/core/errors';
import { type SendInput } from '../../../src/core/types';
import { prepareSend, type PrepareSendOptions } from '../../../src/messaging/prepareSend';
import { catchBaasError } from './catchBaasError';
import { DEFAULT_RULES } from '../../../src/core/settings';

const PROJECT = '123e4567-e89b-12d3-a456-426614174000';
const NOON_KST = new Date('2025-05-02T03:00:00Z');
const NIGHT_KST = new Date('2025-05-02T13:30:00Z'); // 22:30 in Korea
const OPTIONS: PrepareSendOptions = { rules: DEFAULT_RULES, defaultProjectId: PROJECT, locale: 'en', advertisement: { now: NOON_KST } };
const AD = '(광고) 바른꽃집 5월 할인! 문의 02-123-4567 무료수신거부 080-123-4567';

const sms = (over: Partial<SendInput> = {}): SendInput => ({
  kind: 'sms',
  recipients: [{ phone_number: '01012345678', member_code: 'u1' }],
  message: '안녕하세요',
  callback_number: '0212345678',
  ...over,
});
const mms = (over: Partial<SendInput> = {}): SendInput =>
  sms({ kind: 'mms', subject: '5월 소식', image_urls: ['https://cdn.example.com/a.jpg'], ...over });
const recipients = (n: number): SendInput['recipients'] =>
  Array.from({ length: n }, (_, i) => ({ phone_number: `0101234${String(i).padStart(4, '0')}`, member_code: `m${i}` }));
/** A message of exactly `bytes` EUC-KR bytes, Hangul and ASCII mixed as `hangulShare` says. */
const textOfBytes = (bytes: number, hangulShare: number): string => {
  const hangul = Math.floor((bytes * hangulShare) / 2);
  return '가'.repeat(hangul) + 'a'.repeat(bytes - hangul * 2);
};
const failure = (input: SendInput, options: Partial<PrepareSendOptions> = {}): BaasSmsError =>
  catchBaasError(() => prepareSend(input, { ...OPTIONS, ...options }));

describe('prepareSend', () => {
  it('prepares an SMS: normalised numbers, bytes, type and cost', () => {
    assert.deepEqual(prepareSend(sms(), OPTIONS), {
      kind: 'sms',
      recipients: [{ phone_number: '010-1234-5678', member_code: 'u1' }],
      duplicates_dropped: 0,
      message: '안녕하세요',
      callback_number: '02-1234-5678',
      image_urls: [],
      project_id: PROJECT,
      message_type: 'SMS',
      message_bytes: 10,
      subject_bytes: 0,
      estimated_cost_krw: 9.9,
      warnings: [],
    });
  });

  it('sends a long SMS as LMS and says so, in the caller\'s language', () => {
    const prepared = prepareSend(sms({ message: textOfBytes(91, 1), recipients: recipients(3) }), { ...OPTIONS, locale: 'ko' });
    assert.equal(prepared.message_type, 'LMS');
    assert.equal(prepared.estimated_cost_krw, 90);
    assert.deepEqual(prepared.warnings.map((w) => w.code), ['SMS_BECOMES_LMS']);
    assert.match(prepared.warnings[0].message, /91바이트.*90바이트.*LMS/);
  });

  it('prepares an MMS with its subject and images', () => {
    const prepared = prepareSend(mms({ recipients: recipients(2), image_urls: ['https://a.example/1.jpg', 'http://b.example/2.jpg'] }), OPTIONS);
    assert.equal(prepared.message_type, 'MMS');
    assert.equal(prepared.subject, '5월 소식');
    assert.equal(prepared.subject_bytes, 8);
    assert.deepEqual(prepared.image_urls, ['https://a.example/1.jpg', 'http://b.example/2.jpg']);
    assert.equal(prepared.estimated_cost_krw, 200);
  });

  it('rounds the cost to one decimal place', () => {
    assert.equal(prepareSend(sms({ recipients: recipients(3) }), OPTIONS).estimated_cost_krw, 29.7);
    assert.equal(prepareSend(sms({ recipients: recipients(7) }), { ...OPTIONS, rules: { ...DEFAULT_RULES, prices: { SMS: 8.45, LMS: 30, MMS: 100 } } }).estimated_cost_krw, 59.2);
  });

  it('applies the configured SMS threshold at its byte boundary', () => {
    const rules = { ...DEFAULT_RULES, smsByteLimit: 80 };
    assert.equal(prepareSend(sms({ message: textOfBytes(80, 0.5) }), { ...OPTIONS, rules }).message_type, 'SMS');
    assert.equal(prepareSend(sms({ message: textOfBytes(81, 0.5) }), { ...OPTIONS, rules }).message_type, 'LMS');
  });

  it('classifies by bytes: ≤90 SMS, 91–2000 LMS, 2001+ MESSAGE_TOO_LONG', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 1, max: 2100 }), fc.constantFrom(90, 91, 2000, 2001)), fc.double({ min: 0, max: 1, noNaN: true }), (bytes, share) => {
      const message = textOfBytes(bytes, share);
      if (bytes > 2000) {
        const error = failure(sms({ message }));
        assert.deepEqual([error.code, error.field, error.params], ['MESSAGE_TOO_LONG', 'message', { actual: bytes, max: 2000 }]);
        return;
      }
      const prepared = prepareSend(sms({ message }), OPTIONS);
      assert.equal(prepared.message_bytes, bytes);
      assert.equal(prepared.message_type, bytes <= 90 ? 'SMS' : 'LMS');
      assert.equal(prepared.warnings.some((w) => w.code === 'SMS_BECOMES_LMS'), bytes > 90);
    }), { numRuns: 300 });
  });

  it('allows a 40-byte subject and refuses 41', () => {
    assert.equal(prepareSend(mms({ subject: '가'.repeat(20) }), OPTIONS).subject_bytes, 40);
    const error = failure(mms({ subject: `${'가'.repeat(20)}a` }));
    assert.deepEqual([error.code, error.field, error.params], ['SUBJECT_TOO_LONG', 'subject', { actual: 41, max: 40 }]);
  });

  it('de-duplicates recipients and warns how many were dropped', () => {
    const prepared = prepareSend(sms({ recipients: [...recipients(2), { phone_number: '+82 10-1234-0001', member_code: 'x' }] }), OPTIONS);
    assert.equal(prepared.recipients.length, 2);
    assert.equal(prepared.duplicates_dropped, 1);
    assert.equal(prepared.estimated_cost_krw, 19.8);
    assert.deepEqual(prepared.warnings.map((w) => w.code), ['DUPLICATES_DROPPED']);
    assert.match(prepared.warnings[0].message, /^1 duplicate/);
  });

  it('ignores a subject and images given to an SMS, with a warning', () => {
    const prepared = prepareSend(sms({ subject: '제목', image_urls: ['https://a.example/1.jpg'] }), OPTIONS);
    assert.equal(prepared.subject, undefined);
    assert.deepEqual(prepared.image_urls, []);
    assert.deepEqual(prepared.warnings.map((w) => w.code), ['IGNORED_FOR_SMS']);
  });

  it('prepares 1000 recipients and a 2000-byte message', () => {
    const prepared = prepareSend(sms({ recipients: recipients(1000), message: textOfBytes(2000, 0.9) }), OPTIONS);
    assert.equal(prepared.recipients.length, 1000);
    assert.equal(prepared.message_bytes, 2000);
    assert.equal(prepared.estimated_cost_krw, 30000);
  });

  describe('project id', () => {
    it('falls back to the default when the input has none or a blank one', () => {
      const other = '00000000-0000-4000-8000-000000000001';
      assert.equal(prepareSend(sms({ project_id: other }), OPTIONS).project_id, other);
      assert.equal(prepareSend(sms({ project_id: '  ' }), OPTIONS).project_id, PROJECT);
      assert.equal(prepareSend(sms(), OPTIONS).project_id, PROJECT);
    });

    it('refuses a missing or malformed one', () => {
      let error = failure(sms(), { defaultProjectId: undefined });
      assert.deepEqual([error.code, error.field], ['MISSING_PROJECT_ID', 'project_id']);
      error = failure(sms({ project_id: 'my-project' }));
      assert.deepEqual([error.code, error.field, error.params.input], ['INVALID_PROJECT_ID', 'project_id', 'my-project']);
      error = failure(sms(), { defaultProjectId: '1234' });
      assert.equal(error.code, 'INVALID_PROJECT_ID');
    });
  });

  describe('each refusal, with its field', () => {
    const cases: Array<[string, SendInput, string, string]> = [
      ['no recipients', sms({ recipients: [] }), 'INVALID_RECIPIENTS_COUNT', 'recipients'],
      ['1001 recipients', sms({ recipients: recipients(1001) }), 'INVALID_RECIPIENTS_COUNT', 'recipients'],
      ['a landline recipient', sms({ recipients: [...recipients(1), { phone_number: '02-123-4567', member_code: 'b' }] }), 'INVALID_PHONE_NUMBER', 'recipients[1].phone_number'],
      ['a blank member code', sms({ recipients: [{ phone_number: '010-1234-5678', member_code: ' ' }] }), 'INVALID_MEMBER_CODE', 'recipients[0].member_code'],
      ['a bad callback number', sms({ callback_number: '12345' }), 'INVALID_CALLBACK_NUMBER', 'callback_number'],
      ['an empty callback number', sms({ callback_number: '' }), 'INVALID_CALLBACK_NUMBER', 'callback_number'],
      ['an empty message', sms({ message: '' }), 'EMPTY_MESSAGE', 'message'],
      ['a blank message', sms({ message: ' \n ' }), 'EMPTY_MESSAGE', 'message'],
      ['an MMS without subject', mms({ subject: undefined }), 'EMPTY_SUBJECT', 'subject'],
      ['an MMS with a blank subject', mms({ subject: '  ' }), 'EMPTY_SUBJECT', 'subject'],
      ['six images', mms({ image_urls: Array.from({ length: 6 }, (_, i) => `https://a.example/${i}.jpg`) }), 'TOO_MANY_IMAGES', 'image_urls'],
      ['an ftp image', mms({ image_urls: ['https://a.example/1.jpg', 'ftp://a.example/2.jpg'] }), 'INVALID_IMAGE_URL', 'image_urls[1]'],
      ['a relative image', mms({ image_urls: ['/img/1.jpg'] }), 'INVALID_IMAGE_URL', 'image_urls[0]'],
      ['a javascript: image', mms({ image_urls: ['javascript:alert(1)'] }), 'INVALID_IMAGE_URL', 'image_urls[0]'],
      ['an emoji in the message', sms({ message: '축하해요 😀' }), 'UNSENDABLE_CHARACTERS', 'message'],
      ['an emoji in the subject', mms({ subject: '✅ 안내' }), 'UNSENDABLE_CHARACTERS', 'subject'],
      ['2001 bytes', sms({ message: textOfBytes(2001, 0.5) }), 'MESSAGE_TOO_LONG', 'message'],
      ['an advertisement without (광고)', sms({ message: AD.replace('(광고)', '[광고]') }), 'ADVERTISING_RULES', 'message'],
    ];
    for (const [name, input, code, field] of cases) {
      it(`${name} → ${code} at ${field}`, () => {
        const error = failure(input);
        assert.deepEqual([error.code, error.field], [code, field]);
        assert.ok(error.describe('ko').message.length > 0);
      });
    }
  });

  it('names the unsendable characters with their code points', () => {
    const error = failure(sms({ message: '축하해요 😀✅ 😀 ₩1000' }));
    assert.equal(error.params.chars, '😀 (U+1F600), ✅ (U+2705), ₩ (U+20A9)');
    assert.ok(error.describe('en').message.includes('😀 (U+1F600)'));
  });

  it('names the image the server could not fetch', () => {
    assert.equal(failure(mms({ image_urls: ['not a url'] })).params.input, 'not a url');
  });

  it('reports the first problem only, cheapest checks first', () => {
    const everythingWrong = sms({ project_id: 'x', recipients: [], callback_number: '1', message: '😀' });
    assert.equal(failure(everythingWrong).code, 'INVALID_PROJECT_ID');
    assert.equal(failure({ ...everythingWrong, project_id: PROJECT }).code, 'INVALID_RECIPIENTS_COUNT');
    assert.equal(failure({ ...everythingWrong, project_id: PROJECT, recipients: recipients(1) }).code, 'INVALID_CALLBACK_NUMBER');
    // An unsendable character is reported before the length: removing it is the first fix either way.
    assert.equal(failure(sms({ message: `😀${'가'.repeat(1500)}` })).code, 'UNSENDABLE_CHARACTERS');
  });

  describe('advertising', () => {
    it('blocks an advertisement that breaks the rules, saying what is missing', () => {
      const error = failure(sms({ message: '[광고] 주말 특가 세일! 수신거부 080-123-4567' }), { locale: 'ko' });
      assert.equal(error.params.rules, 'prefix,sender_contact,opt_out');
      assert.ok(String(error.params.missing).includes('"(광고)"로 시작'));
      assert.ok(error.describe('ko').message.includes('정보통신망법 제50조'));
    });

    it('blocks at night unless night-time consent is declared, and then warns', () => {
      const error = failure(sms({ message: AD }), { advertisement: { now: NIGHT_KST } });
      assert.deepEqual([error.code, error.params.rules], ['ADVERTISING_RULES', 'night_time']);
      const prepared = prepareSend(sms({ message: AD }), { ...OPTIONS, advertisement: { now: NIGHT_KST, nightConsent: true } });
      assert.deepEqual(prepared.warnings.map((w) => w.code), ['ADVERTISEMENT_DETECTED', 'NIGHT_CONSENT_DECLARED']);
    });

    it('lets a compliant advertisement through with a reminder about consent', () => {
      const prepared = prepareSend(sms({ message: AD }), OPTIONS);
      assert.deepEqual(prepared.warnings.map((w) => w.code), ['ADVERTISEMENT_DETECTED']);
      assert.ok(prepared.warnings[0].message.includes('two years'));
      const declared = prepareSend(sms({ message: '(광고) 바른꽃집 02-123-4567 무료거부 0801234567' }), { ...OPTIONS, advertisement: { now: NOON_KST, isAdvertisement: true } });
      assert.deepEqual(declared.warnings.map((w) => w.code), ['ADVERTISEMENT_DETECTED']);
    });

    it('skips the checks when the user says it is not an advertisement, and says so', () => {
      const prepared = prepareSend(sms({ message: '[광고] 세일' }), { ...OPTIONS, advertisement: { isAdvertisement: false, now: NIGHT_KST } });
      assert.deepEqual(prepared.warnings.map((w) => w.code), ['ADVERTISING_CHECK_SKIPPED']);
    });

    it('treats an ordinary message as no advertisement, day or night', () => {
      assert.deepEqual(prepareSend(sms(), { ...OPTIONS, advertisement: { now: NIGHT_KST } }).warnings, []);
    });
  });

  it('answers any input with a prepared send or a BaasSmsError, never anything else', () => {
    // Weighted towards valid values: with fast-check's bias to small and empty values, 1,000 runs of an
    // unweighted generator sometimes never produced one valid send (seen in CI), and then proved nothing.
    const phone = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('010-1234-5678', '01098765432', '+82 10 5555 0000') }, fc.constantFrom('02-123-4567', ''), fc.string({ maxLength: 14 }));
    const input = fc.record({
      kind: fc.constantFrom('sms' as const, 'mms' as const),
      recipients: fc.array(fc.record({ phone_number: phone, member_code: fc.constantFrom('m', '', ' x ') }), { maxLength: 4 }),
      message: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), { weight: 2, arbitrary: fc.constantFrom(AD, '안녕', '') }),
      callback_number: fc.constantFrom('02-1234-5678', '15881234', '123', ''),
      subject: fc.option(fc.string({ unit: 'grapheme', maxLength: 25 }), { nil: undefined }),
      image_urls: fc.option(fc.array(fc.constantFrom('https://a.example/1.jpg', 'ftp://x', 'x'), { maxLength: 6 }), { nil: undefined }),
      project_id: fc.option(fc.constantFrom(PROJECT, 'bad', ''), { nil: undefined }),
    });
    let accepted = 0;
    fc.assert(fc.property(input, fc.date({ noInvalidDate: true }), fc.boolean(), (sendInput, now, locale) => {
      try {
        const prepared = prepareSend(sendInput, { ...OPTIONS, locale: locale ? 'ko' : 'en', advertisement: { now } });
        accepted++;
        assert.ok(prepared.recipients.length >= 1 && prepared.message_bytes <= 2000);
        assert.ok(prepared.recipients.every((r) => /^010-\d{4}-\d{4}$/.test(r.phone_number)));
      } catch (error) {
        assert.ok(error instanceof BaasSmsError, String(error));
        assert.notEqual(error.code, 'INTERNAL_ERROR');
      }
    }), { numRuns: 1000 });
    assert.ok(accepted > 0, 'the generator never reached the accept path');
  });
});
