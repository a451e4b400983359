import assert from 'node:assert/strict';
import { normalizeRecipients } from '../../../../src/messaging/recipients';
import { defaultMemberCode, parseRecipientText } from '../../../../src/extension/send/recipientText';

describe('parseRecipientText (the Send SMS recipients step)', () => {
  it('reads comma-separated numbers, each with its digits as member code', () => {
    assert.deepEqual(parseRecipientText('010-1234-5678, 01022223333'), [
      { phone_number: '010-1234-5678', member_code: '01012345678' },
      { phone_number: '01022223333', member_code: '01022223333' },
    ]);
  });

  it('reads `phone,member_code` per line, and the same pasted into a one-line box (line breaks become spaces)', () => {
    const expected = [
      { phone_number: '010-1234-5678', member_code: 'user1' },
      { phone_number: '010-2222-3333', member_code: 'user2' },
    ];
    assert.deepEqual(parseRecipientText('010-1234-5678,user1\n010-2222-3333,user2\n'), expected);
    assert.deepEqual(parseRecipientText('010-1234-5678,user1 010-2222-3333,user2'), expected);
    assert.deepEqual(parseRecipientText('010-1234-5678;user1\r\n010-2222-3333\tuser2'), expected);
  });

  it('puts numbers typed with spaces back together by their digits', () => {
    assert.deepEqual(parseRecipientText('010 1234 5678 kim, +82 10 2222 3333').map((r) => r.phone_number), ['010 1234 5678', '+82 10 2222 3333']);
    const { recipients } = normalizeRecipients(parseRecipientText('010 1234 5678 kim, +82 10 2222 3333'));
    assert.deepEqual(recipients, [{ phone_number: '010-1234-5678', member_code: 'kim' }, { phone_number: '010-2222-3333', member_code: '01022223333' }]);
  });

  it('takes a short number after a complete one as its member code', () => {
    assert.deepEqual(parseRecipientText('010-1234-5678,12345'), [{ phone_number: '010-1234-5678', member_code: '12345' }]);
  });

  it('keeps a member code without a number as a recipient with an empty number, so the rules name it', () => {
    const drafts = parseRecipientText('user1, 010-1234-5678');
    assert.deepEqual(drafts[0], { phone_number: '', member_code: 'user1' });
    assert.throws(() => normalizeRecipients(drafts), { code: 'INVALID_PHONE_NUMBER', field: 'recipients[0].phone_number' });
  });

  it('gives nothing for blank input', () => {
    assert.deepEqual(parseRecipientText(' \n , '), []);
  });

  it('defaults the member code to the ASCII digits of the number, full-width ones included', () => {
    assert.equal(defaultMemberCode('０１０-１２３４-５６７８'), '01012345678');
  });
});
