// EUC-KR byte counting as carriers bill it (Hangul 2, ASCII 1), and the characters a carrier cannot
// carry at all. iconv-lite's "euc-kr" codec is CP949 (EUC-KR plus the 8,822 extra UHC Hangul syllables).
import * as iconv from 'iconv-lite';

export interface TextMeasure {
  /** EUC-KR bytes of the characters that can be encoded; unencodable ones are not counted. */
  bytes: number;
  /** Distinct characters (whole code points) EUC-KR cannot encode, in order of first appearance. */
  unencodable: string[];
}

const ENCODING = 'euc-kr';
const QUESTION_MARK = 0x3f;
const NON_ASCII = /[\u0080-\uffff]/;

// Width of each BMP code point, filled on first sight: 0 = not yet known, 255 = unencodable.
// Astral code points are never in CP949 but are still asked of iconv-lite (rarely seen, not cached).
const UNKNOWN = 0;
const UNENCODABLE = 255;
const bmpWidths = new Uint8Array(0x10000);

/**
 * Counts `text` in EUC-KR bytes and lists the characters that cannot be sent.
 *
 * iconv-lite silently turns an unencodable code point (a surrogate pair included) into one '?', so a
 * whole-text encode is trusted only when its '?' bytes match the '?' characters of the input (no CP949
 * double-byte code contains 0x3f, so every 0x3f byte is a '?'); otherwise each code point is measured.
 */
export function measureText(text: string): TextMeasure {
  if (!NON_ASCII.test(text)) return { bytes: text.length, unencodable: [] };
  const encoded = iconv.encode(text, ENCODING);
  if (countByte(encoded, QUESTION_MARK) === countQuestionMarks(text)) return { bytes: encoded.length, unencodable: [] };
  return measureByCodePoint(text);
}

/** `😀 (U+1F600)`: the character and its code point, so invisible ones (NBSP) can be found too. */
export function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return `${char} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** measureText without a whole-text encode: faster for many short texts (a campaign's rows), same answer. */
export function measureByCodePoint(text: string): TextMeasure {
  let bytes = 0;
  const unencodable = new Set<string>();
  for (const char of text) {
    const width = codePointWidth(char);
    if (width === UNENCODABLE) unencodable.add(char);
    else bytes += width;
  }
  return { bytes, unencodable: [...unencodable] };
}

function codePointWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint > 0xffff) return encodedWidth(char);
  let width = bmpWidths[codePoint];
  if (width === UNKNOWN) {
    width = encodedWidth(char);
    bmpWidths[codePoint] = width;
  }
  return width;
}

function encodedWidth(char: string): number {
  const encoded = iconv.encode(char, ENCODING);
  return encoded.length === 1 && encoded[0] === QUESTION_MARK ? UNENCODABLE : encoded.length;
}

function countByte(buffer: Buffer, byte: number): number {
  let count = 0;
  for (let i = buffer.indexOf(byte); i !== -1; i = buffer.indexOf(byte, i + 1)) count++;
  return count;
}

function countQuestionMarks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) count++;
  return count;
}
