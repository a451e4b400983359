import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BaasSmsError } from '../../../src/core/errors';
import { isCanonicalMobile, normalizeCallbackNumber, normalizePhoneNumber } from '../../../src/messaging/phone';
import { catchBaasError } from './catchBaasError';

const API_MOBILE = /^010-\d{4}-\d{4}$/;
const API_CALLBACK = /^(?:\d{2,4}-\d{3,4}-\d{4}|\d{4}-\d{4})$/;
const fourDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 4 });
// Any code point; fast-check's own 'binary' unit is far slower to generate.
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const toFullWidth = (s: string): string => s.replace(/[0-9+\-. ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

/** Every way a user may type 010-<a>-<b> that the rules promise to accept. */
function typedForms(a: string, b: string): string[] {
  const forms = [
    `010${a}${b}`, `010-${a}-${b}`, `010 ${a} ${b}`, `010.${a}.${b}`, ` 010-${a}-${b} `,
    `+82 10-${a}-${b}`, `+8210${a}${b}`, `+82-10-${a}-${b}`, `82-10-${a}-${b}`, `8210${a}${b}`,
    `0082 10 ${a} ${b}`, `+82 010-${a}-${b}`, `010 - ${a} - ${b}`, `010\u2013${a}\u2013${b}`,
  ];
  return [...forms, toFullWidth(`010-${a}-${b}`), toFullWidth(`+82 10 ${a} ${b}`)];
}

describe('normalizePhoneNumber', () => {
  it('maps every accepted format to the same 010-XXXX-XXXX', () => {
    fc.assert(fc.property(fourDigits, fourDigits, (a, b) => {
      for (const form of typedForms(a, b)) assert.equal(normalizePhoneNumber(form), `010-${a}-${b}`, form);
    }));
  });

  it('changes nothing when applied twice', () => {
    fc.assert(fc.property(fourDigits, fourDigits, fc.nat(15), (a, b, i) => {
      const once = normalizePhoneNumber(typedForms(a, b)[i]);
      assert.equal(normalizePhoneNumber(once), once);
    }));
  });

  it('rejects other numbers and shows the input', () => {
    const rejected = [
      '', '   ', '010', '010-1234-567', '010-123-45678', '010-1234-56789', '0101234567', '011-1234-5678', '016-123-4567',
      '02-1234-5678', '1588-1234', '+83 10-1234-5678', '+82 2-1234-5678', '010-1234-5678-', '-010-1234-5678', '010--1234-5678',
      '010-1234-5678 ext 1', 'abc', '010-abcd-5678', '010_1234_5678', '010/1234/5678', '(010) 1234-5678', '①⓪①-1234-5678',
    ];
    for (const input of rejected) {
      const error = catchBaasError(() => normalizePhoneNumber(input));
      assert.equal(error.code, 'INVALID_PHONE_NUMBER', input);
      assert.equal(error.params.input, input);
      assert.equal(error.field, 'phone_number');
      assert.ok(error.describe('ko').message.includes(`"${input}"`));
    }
  });

  it('names the field it was given', () => {
    assert.equal(catchBaasError(() => normalizePhoneNumber('x', 'recipients[3].phone_number')).field, 'recipients[3].phone_number');
  });

  it('throws nothing but INVALID_PHONE_NUMBER with the input, and accepts only the API form, on random input', () => {
    const nearMiss = fc.string({ unit: fc.constantFrom(...'0123456789+-. 8２０１'), maxLength: 20 });
    const anything = fc.oneof(fc.string({ unit: anyCodePoint, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), nearMiss);
    fc.assert(fc.property(anything, (input) => {
      try {
        const out = normalizePhoneNumber(input);
        assert.match(out, API_MOBILE);
        assert.equal(normalizePhoneNumber(out), out);
      } catch (error) {
        assert.ok(error instanceof BaasSmsError);
        assert.equal(error.code, 'INVALID_PHONE_NUMBER');
        assert.equal(error.params.input, input);
      }
    }), { numRuns: 1000 });
  });
});

describe('isCanonicalMobile (the short cut normalizePhoneNumber takes)', () => {
  it('holds for every number normalizePhoneNumber returns, so a normalised list takes the short cut', () => {
    fc.assert(fc.property(fourDigits, fourDigits, fc.nat(15), (a, b, i) => {
      assert.ok(isCanonicalMobile(normalizePhoneNumber(typedForms(a, b)[i])));
    }));
  });

  it('accepts only what the full pattern also accepts, unchanged', () => {
    // A space on each side keeps normalizePhoneNumber off the short cut: trim, then the full pattern.
    const nearMiss = fc.string({ unit: fc.constantFrom(...'0123456789-'), maxLength: 16 });
    fc.assert(fc.property(fc.oneof(nearMiss, fc.tuple(fourDigits, fourDigits).map(([a, b]) => `010-${a}-${b}`)), (input) => {
      if (isCanonicalMobile(input)) assert.equal(normalizePhoneNumber(` ${input} `), input);
      else assert.notEqual(catchBaasErrorOrValue(() => normalizePhoneNumber(input)), input);
    }), { numRuns: 2000 });
  });

  it('is false for anything but a string', () => {
    for (const input of [undefined, null, 1012345678, ['010-1234-5678'], { phone: '010-1234-5678' }]) assert.equal(isCanonicalMobile(input), false);
  });
});

/** The value, or the thrown error's code: for checking that an input did not come back unchanged. */
function catchBaasErrorOrValue(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return error instanceof BaasSmsError ? error.code : String(error);
  }
}

describe('normalizeCallbackNumber', () => {
  it('hyphenates each kind of Korean sender number', () => {
    const cases: Array<[string, string]> = [
      ['0212345678', '02-1234-5678'], ['021234567', '02-123-4567'], ['0311234567', '031-123-4567'],
      ['03112345678', '031-1234-5678'], ['15881234', '1588-1234'], ['01012345678', '010-1234-5678'],
      ['0701234 5678', '070-1234-5678'], ['0801234567', '080-123-4567'], ['05051234567', '0505-123-4567'],
      ['02-1234-5678', '02-1234-5678'], ['1588-1234', '1588-1234'], ['031.123.4567', '031-123-4567'],
      ['+82 2-1234-5678', '02-1234-5678'], ['+82 10 1234 5678', '010-1234-5678'], ['０２－１２３４－５６７８', '02-1234-5678'],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeCallbackNumber(input), expected, input);
  });

  it('rejects what is not 8 to 11 digits of a Korean number, showing the input', () => {
    const rejected = ['', '1234567', '021234567890', '02123456', '02123456789', '0012345678', '5881234x', '2588-1234', '0311234', '02-1234-567a', '-02-1234-5678', 'callback'];
    for (const input of rejected) {
      const error = catchBaasError(() => normalizeCallbackNumber(input));
      assert.equal(error.code, 'INVALID_CALLBACK_NUMBER', input);
      assert.equal(error.field, 'callback_number');
      assert.equal(error.params.input, input);
    }
  });

  it('always yields the API form, is idempotent, and otherwise throws INVALID_CALLBACK_NUMBER', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 13 });
    const typed = fc.tuple(digits, fc.constantFrom('', '-', ' ', '.')).map(([d, sep]) => (sep ? d.replace(/(\d{3})(?=\d)/, `$1${sep}`) : d));
    fc.assert(fc.property(fc.oneof(typed, fc.string({ unit: anyCodePoint, maxLength: 16 })), (input) => {
      try {
        const out = normalizeCallbackNumber(input);
        assert.match(out, API_CALLBACK);
        assert.equal(out.replace(/-/g, '').length >= 8 && out.replace(/-/g, '').length <= 11, true);
        assert.equal(normalizeCallbackNumber(out), out);
      } catch (error) {
        assert.ok(error instanceof BaasSmsError);
        assert.equal(error.code, 'INVALID_CALLBACK_NUMBER');
        assert.equal(error.params.input, input);
      }
    }), { numRuns: 1000 });
  });
});
