import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeRecipients } from '../../../src/messaging/recipients';
import { catchBaasError } from './catchBaasError';

const number = (i: number): string => `010-${String(1000 + Math.floor(i / 10000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`;
// Same numbers, typed differently: duplicates are judged after normalising.
const retype = (canonical: string, style: number): string =>
  [canonical, canonical.replace(/-/g, ''), `+82 ${canonical.slice(1)}`, canonical.replace(/-/g, ' ')][style % 4];

describe('normalizeRecipients', () => {
  it('normalises phones, trims member codes and keeps the first entry per number', () => {
    const result = normalizeRecipients([
      { phone_number: '01012345678', member_code: ' u1 ' },
      { phone_number: '+82 10-9999-0000', member_code: 'u2' },
      { phone_number: '010 1234 5678', member_code: 'u3' },
    ]);
    assert.deepEqual(result, {
      recipients: [{ phone_number: '010-1234-5678', member_code: 'u1' }, { phone_number: '010-9999-0000', member_code: 'u2' }],
      duplicatesDropped: 1,
    });
  });

  it('drops exactly the repeats, in any format, keeping first-seen order', () => {
    const entries = fc.array(fc.tuple(fc.nat(30), fc.nat(3)), { minLength: 1, maxLength: 200 });
    fc.assert(fc.property(entries, (picks) => {
      const list = picks.map(([n, style], i) => ({ phone_number: retype(number(n), style), member_code: `m${i}` }));
      const firstSeen = [...new Map(picks.map(([n], i) => [n, i] as const).reverse()).entries()].sort((a, b) => a[1] - b[1]);
      const { recipients, duplicatesDropped } = normalizeRecipients(list);
      assert.equal(duplicatesDropped, picks.length - firstSeen.length);
      assert.deepEqual(recipients, firstSeen.map(([n, i]) => ({ phone_number: number(n), member_code: `m${i}` })));
    }));
  });

  it('refuses an empty list and one over the limit, before de-duplicating', () => {
    let error = catchBaasError(() => normalizeRecipients([]));
    assert.deepEqual([error.code, error.field, error.params], ['INVALID_RECIPIENTS_COUNT', 'recipients', { count: 0, max: 1000 }]);
    const same = Array.from({ length: 1001 }, () => ({ phone_number: '010-1234-5678', member_code: 'm' }));
    error = catchBaasError(() => normalizeRecipients(same));
    assert.deepEqual([error.code, error.params], ['INVALID_RECIPIENTS_COUNT', { count: 1001, max: 1000 }]);
    error = catchBaasError(() => normalizeRecipients(same.slice(0, 3), 2));
    assert.deepEqual(error.params, { count: 3, max: 2 });
  });

  it('accepts exactly 1000 distinct recipients', () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ phone_number: number(i).replace(/-/g, ''), member_code: `m${i}` }));
    const { recipients, duplicatesDropped } = normalizeRecipients(list);
    assert.equal(recipients.length, 1000);
    assert.equal(duplicatesDropped, 0);
  });

  it('names the first bad phone by its index and shows it', () => {
    const error = catchBaasError(() => normalizeRecipients([
      { phone_number: '010-1234-5678', member_code: 'a' },
      { phone_number: '02-123-4567', member_code: 'b' },
      { phone_number: 'nope', member_code: 'c' },
    ]));
    assert.deepEqual([error.code, error.field, error.params.input], ['INVALID_PHONE_NUMBER', 'recipients[1].phone_number', '02-123-4567']);
  });

  it('refuses a blank member code, naming its index', () => {
    for (const member_code of ['', '   ', undefined as unknown as string]) {
      const error = catchBaasError(() => normalizeRecipients([
        { phone_number: '010-1234-5678', member_code: 'a' },
        { phone_number: '010-1234-5679', member_code },
      ]));
      assert.deepEqual([error.code, error.field], ['INVALID_MEMBER_CODE', 'recipients[1].member_code']);
    }
  });
});
