import assert from 'node:assert/strict';
import { confirmationText, formatKrw } from '../../../../src/extension/send/confirmationText';
import { untranslated as t } from '../../../../src/extension/translate';
import type { SendPreview } from '../../../../src/sending/types';

function preview(over: Partial<SendPreview> = {}): SendPreview {
  return {
    kind: 'sms',
    recipients: ['010-1111-2222', '010-3333-4444', '010-5555-6666', '010-7777-8888', '010-9999-0000'].map((p, i) => ({ phone_number: p, member_code: `m${i}` })),
    duplicates_dropped: 0,
    message: '안녕하세요\n내일 뵙겠습니다',
    callback_number: '02-1234-5678',
    image_urls: [],
    project_id: '123e4567-e89b-12d3-a456-426614174000',
    message_type: 'SMS',
    message_bytes: 26,
    subject_bytes: 0,
    estimated_cost_krw: 49.5,
    warnings: [],
    sandbox: false,
    ...over,
  };
}

describe('confirmationText (the send confirmation modal)', () => {
  it('a live send says LIVE, names the first three recipients masked, counts the rest, and prices it', () => {
    const text = confirmationText(preview(), t);
    assert.match(text.message, /LIVE send: it is paid and reaches real phones/);
    assert.equal(text.sendButton, 'Send SMS (Live)');
    const lines = text.detail.split('\n');
    assert.ok(lines.includes('Mode: LIVE (paid; real phones receive it)'));
    assert.ok(lines.includes('Recipients: 5 (010-****-2222, 010-****-4444, 010-****-6666 and 2 more)'));
    assert.ok(lines.includes('Type: SMS, 26 bytes'));
    assert.ok(lines.includes('Estimated cost: 49.5 KRW'));
    assert.ok(lines.includes('Message: 안녕하세요 ⏎ 내일 뵙겠습니다'));
    for (const full of ['1111-2222', '3333-4444', '7777-8888']) assert.ok(!text.detail.includes(full), full);
  });

  it('a sandbox send says so on its button and in its mode line', () => {
    const text = confirmationText(preview({ sandbox: true, recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }] }), t);
    assert.equal(text.sendButton, 'Send in Sandbox');
    assert.match(text.detail, /^Mode: SANDBOX/);
    assert.match(text.detail, /Recipients: 1 \(010-\*\*\*\*-5678\)/);
  });

  it('an MMS shows its subject and images; every warning is listed', () => {
    const text = confirmationText(preview({
      kind: 'mms', message_type: 'MMS', subject: '공지', subject_bytes: 4, image_urls: ['https://a.example/1.jpg'],
      warnings: [{ code: 'ADVERTISEMENT_DETECTED', message: 'The text reads as an advertisement.' }, { code: 'DUPLICATES_DROPPED', message: '1 duplicate recipient(s) dropped.' }],
    }), t);
    assert.match(text.detail, /Subject: 공지 \(4 bytes\)\nImages: 1/);
    assert.match(text.detail, /Warnings:\n• The text reads as an advertisement\.\n• 1 duplicate recipient\(s\) dropped\./);
    assert.equal(text.sendButton, 'Send MMS (Live)');
  });

  it('cuts a long message in the dialog', () => {
    const text = confirmationText(preview({ message: 'a'.repeat(500) }), t);
    assert.match(text.detail, /Message: a{120}…/);
  });

  it('formats won with thousands separators and at most one decimal', () => {
    assert.deepEqual([formatKrw(29.7), formatKrw(1000), formatKrw(12345.64), formatKrw(0)], ['29.7', '1,000', '12,345.6', '0']);
  });
});
