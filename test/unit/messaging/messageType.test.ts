import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_IMAGES, MAX_MESSAGE_BYTES, MAX_RECIPIENTS, MAX_SUBJECT_BYTES } from '../../../src/messaging/limits';
import { classifyMessage } from '../../../src/messaging/messageType';

describe('classifyMessage', () => {
  it('sends up to the threshold as SMS and above it as LMS', () => {
    assert.equal(classifyMessage('sms', 90, 90), 'SMS');
    assert.equal(classifyMessage('sms', 91, 90), 'LMS');
    assert.equal(classifyMessage('sms', 80, 80), 'SMS');
    assert.equal(classifyMessage('sms', 81, 80), 'LMS');
  });

  it('sends every send_mms as MMS', () => {
    fc.assert(fc.property(fc.nat(3000), fc.nat(200), (bytes, limit) => assert.equal(classifyMessage('mms', bytes, limit), 'MMS')));
  });

  it('keeps the API limits', () => {
    assert.deepEqual([MAX_MESSAGE_BYTES, MAX_SUBJECT_BYTES, MAX_IMAGES, MAX_RECIPIENTS], [2000, 40, 5, 1000]);
  });
});
