import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { describeCharacter, measureText } from '../../../src/messaging/bytes';

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const ascii = fc.integer({ min: 0x00, max: 0x7f }).map((c) => String.fromCharCode(c));
// Symbols and hanja that EUC-KR does hold (2 bytes each).
const encodableSymbol = fc.constantFrom(...'★☆♥♡※…①ⓐ→☎？１Ａ漢字ㄱㅏ“”·￦™');
const unencodable = fc.constantFrom('😀', '✅', '🎉', '👍🏻', '₩', '—', '–', 'é', '©', '\u00a0', '𠀀', '\ud800');
const encodable = fc.string({ unit: fc.oneof(hangul, ascii, encodableSymbol), maxLength: 300 });

describe('measureText', () => {
  it('counts ASCII as 1 byte and Hangul as 2', () => {
    assert.deepEqual(measureText(''), { bytes: 0, unencodable: [] });
    assert.deepEqual(measureText('hello?'), { bytes: 6, unencodable: [] });
    assert.deepEqual(measureText('안녕하세요'), { bytes: 10, unencodable: [] });
    assert.deepEqual(measureText('안녕 hi?'), { bytes: 8, unencodable: [] });
    fc.assert(fc.property(fc.string({ unit: fc.oneof(hangul, ascii), maxLength: 500 }), (text) => {
      const hangulCount = [...text].filter((c) => c >= '\uac00').length;
      assert.equal(measureText(text).bytes, hangulCount * 2 + (text.length - hangulCount));
    }));
  });

  it('agrees with iconv-lite on every encodable string', () => {
    fc.assert(fc.property(encodable, (text) => {
      assert.deepEqual(measureText(text), { bytes: iconv.encode(text, 'euc-kr').length, unencodable: [] });
    }), { numRuns: 500 });
  });

  it('names each unencodable character once, as a whole code point, in order of first appearance', () => {
    assert.deepEqual(measureText('가😀나✅😀?'), { bytes: 5, unencodable: ['😀', '✅'] });
    // '?' is encodable, and the '?' iconv-lite substitutes for an emoji must not be taken for one.
    assert.deepEqual(measureText('?😀?'), { bytes: 2, unencodable: ['😀'] });
    fc.assert(fc.property(fc.array(fc.oneof(encodable, unencodable), { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      const expectedChars = [...new Set([...text].filter((c) => iconv.decode(iconv.encode(c, 'euc-kr'), 'euc-kr') !== c))];
      const encodablePart = [...text].filter((c) => !expectedChars.includes(c)).join('');
      assert.deepEqual(measureText(text), { bytes: iconv.encode(encodablePart, 'euc-kr').length, unencodable: expectedChars });
    }), { numRuns: 500 });
  });

  it('knows which common characters a carrier cannot take', () => {
    for (const char of ['😀', '✅', '₩', '—', '–', 'é', '©', '\u00a0']) assert.deepEqual(measureText(`a${char}`).unencodable, [char], char);
    for (const char of ['★', '♥', '※', '…', '①', '￦', '똠']) assert.deepEqual(measureText(char), { bytes: 2, unencodable: [] }, char);
  });

  it('describes a character with its code point', () => {
    assert.equal(describeCharacter('😀'), '😀 (U+1F600)');
    assert.equal(describeCharacter('✅'), '✅ (U+2705)');
    assert.equal(describeCharacter('\u00a0'), '\u00a0 (U+00A0)');
  });
});
