import assert from 'node:assert/strict';
import { checkCallbackNumber, checkImageUrls, checkMessage, checkRecipients, checkSubject } from '../../../../src/extension/send/sendInputChecks';
import { untranslated as t } from '../../../../src/extension/translate';
import { DEFAULT_RULES } from '../../../../src/core/settings';
import { prepareSend } from '../../../../src/messaging/prepareSend';

describe('the Send SMS/MMS steps\' checks', () => {
  it('recipients: counts, reports dropped duplicates, and gives the rules\' coded error', () => {
    assert.equal(checkRecipients('010-1234-5678, 01012345678, 010-2222-3333', t).info, '2 recipient(s), 1 duplicate(s) dropped');
    const bad = checkRecipients('010-1234-5678, 011-123-4567', t);
    assert.equal(bad.error?.code, 'INVALID_PHONE_NUMBER');
    assert.equal(bad.error?.field, 'recipients[1].phone_number');
    assert.equal(checkRecipients('', t).error?.code, 'INVALID_RECIPIENTS_COUNT');
  });

  it('message: the live counter shows bytes, type and cost; SMS turns LMS past the limit', () => {
    const short = checkMessage('안녕하세요', 'sms', DEFAULT_RULES, 3, t);
    assert.equal(short.error, undefined);
    assert.equal(short.info, '10 bytes · SMS (SMS up to 90 bytes, LMS above) · about 29.7 KRW for 3 recipient(s)');
    const long = checkMessage('가'.repeat(46), 'sms', DEFAULT_RULES, 1, t);
    assert.match(long.info, /^92 bytes · LMS \(LMS up to 2000 bytes\) · about 30 KRW/);
    assert.match(checkMessage('x', 'mms', DEFAULT_RULES, 1, t).info, /· MMS \(MMS up to 2000 bytes\)/);
  });

  it('message: empty, unsendable characters and too long are coded errors', () => {
    assert.equal(checkMessage('  ', 'sms', DEFAULT_RULES, 1, t).error?.code, 'EMPTY_MESSAGE');
    const emoji = checkMessage('hi 😀', 'sms', DEFAULT_RULES, 1, t).error;
    assert.equal(emoji?.code, 'UNSENDABLE_CHARACTERS');
    assert.match(String(emoji?.params.chars), /U\+1F600/);
    assert.equal(checkMessage('a'.repeat(2001), 'sms', DEFAULT_RULES, 1, t).error?.code, 'MESSAGE_TOO_LONG');
  });

  it('callback number: normalised, or INVALID_CALLBACK_NUMBER', () => {
    assert.equal(checkCallbackNumber('0212345678', t).value, '02-1234-5678');
    assert.equal(checkCallbackNumber('12', t).error?.code, 'INVALID_CALLBACK_NUMBER');
  });

  it('subject: counts bytes up to 40', () => {
    assert.equal(checkSubject('공지', t).info, '4 / 40 bytes');
    assert.equal(checkSubject('', t).error?.code, 'EMPTY_SUBJECT');
    assert.equal(checkSubject('가'.repeat(21), t).error?.code, 'SUBJECT_TOO_LONG');
  });

  it('image URLs: none is fine, at most 5, http(s) only', () => {
    assert.deepEqual(checkImageUrls('', t).value, []);
    assert.deepEqual(checkImageUrls('https://a.example/1.jpg, https://a.example/2.jpg', t).value, ['https://a.example/1.jpg', 'https://a.example/2.jpg']);
    assert.equal(checkImageUrls(Array(6).fill('https://a.example/x.jpg').join(' '), t).error?.code, 'TOO_MANY_IMAGES');
    const bad = checkImageUrls('https://a.example/1.jpg ftp://b.example/2.jpg', t).error;
    assert.equal(bad?.code, 'INVALID_IMAGE_URL');
    assert.equal(bad?.field, 'image_urls[1]');
  });

  // The step and the whole send used two copies of this rule, and the step's accepted this form.
  it('image URLs: the step refuses exactly what the send refuses', () => {
    for (const text of ['https:a.example/1.jpg', 'http:/a.example/1.jpg', '//a.example/1.jpg']) {
      const step = checkImageUrls(text, t).error?.code;
      const send = failureCode(() => prepareSend({ kind: 'mms', recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: 'x', subject: 's', image_urls: [text], callback_number: '02-1234-5678', project_id: '123e4567-e89b-12d3-a456-426614174000' }, { rules: DEFAULT_RULES, locale: 'en' }));
      assert.deepEqual([step, send], ['INVALID_IMAGE_URL', 'INVALID_IMAGE_URL'], text);
    }
  });
});

function failureCode(body: () => unknown): string | undefined {
  try {
    body();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
