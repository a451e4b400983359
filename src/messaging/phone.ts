// Korean phone numbers as users type them, turned into the one form the BaaS API accepts, or refused
// with the input shown. Recipients must be 010 mobiles (^010-\d{4}-\d{4}$); sender numbers may be any
// Korean number of 8 to 11 digits (^(?:\d{2,4}-\d{3,4}-\d{4}|\d{4}-\d{4})$).
import { BaasSmsError } from '../core/errors';

// Hyphen look-alikes pasted from documents: ‐ ‑ ‒ – — ― and the minus sign.
const DASH = '\\-\\u2010-\\u2015\\u2212';
/** One optional separator between digit groups: a dash or dot (spaces around it allowed), or spaces. */
const SEP = `(?:\\s*[${DASH}.]\\s*|\\s+)?`;
// 010…, or the international forms +82 10…, 0082 10…, 82-10… (a stray trunk 0 after 82 is forgiven).
const MOBILE = new RegExp(`^(?:(?:\\+\\s*|00)?82${SEP}0?|0)10${SEP}(\\d{4})${SEP}(\\d{4})$`);
const CALLBACK_CHARS = new RegExp(`^\\d(?:[\\d\\s${DASH}.]*\\d)?$`);
const INTERNATIONAL_PREFIX = /^(?:\+\s*|00)82\s*[-.]?\s*/;
/** The form this function returns: MOBILE takes it unchanged, so it needs no rewriting (a campaign's 1,000 a batch, already normalised by its plan). */
const CANONICAL_MOBILE = /^010-\d{4}-\d{4}$/;

/** True for a number already in the one form the API takes (`010-1234-5678`): normalizePhoneNumber returns it as it is. */
export function isCanonicalMobile(input: unknown): input is string {
  return typeof input === 'string' && CANONICAL_MOBILE.test(input);
}

/**
 * `01012345678`, `010 1234 5678`, `010.1234.5678`, `+82 10-1234-5678`, `+821012345678`, `82-10-1234-5678`
 * (full-width digits too) → `010-1234-5678`. Anything else, including other mobile prefixes (011, 016…),
 * throws INVALID_PHONE_NUMBER naming `field` and the input.
 */
export function normalizePhoneNumber(input: string, field = 'phone_number'): string {
  if (isCanonicalMobile(input)) return input;
  const match = typeof input === 'string' ? MOBILE.exec(toHalfWidth(input).trim()) : null;
  if (!match) throw new BaasSmsError('INVALID_PHONE_NUMBER', { field, params: { input: String(input) } });
  return `010-${match[1]}-${match[2]}`;
}

/**
 * A sender number in the hyphenated form the API wants: `0212345678` → `02-1234-5678`,
 * `0311234567` → `031-123-4567`, `15881234` → `1588-1234`, `05051234567` → `0505-123-4567`.
 * Throws INVALID_CALLBACK_NUMBER for anything that is not 8 to 11 digits of a Korean number.
 * Whether the number is registered with the carrier only the server can tell.
 */
export function normalizeCallbackNumber(input: string, field = 'callback_number'): string {
  const formatted = typeof input === 'string' ? formatCallbackDigits(callbackDigits(input)) : undefined;
  if (formatted === undefined) throw new BaasSmsError('INVALID_CALLBACK_NUMBER', { field, params: { input: String(input) } });
  return formatted;
}

function callbackDigits(input: string): string | undefined {
  let text = toHalfWidth(input).trim();
  const international = INTERNATIONAL_PREFIX.exec(text);
  if (international) text = `0${text.slice(international[0].length).replace(/^0/, '')}`;
  return CALLBACK_CHARS.test(text) ? text.replace(/\D/g, '') : undefined;
}

function formatCallbackDigits(digits: string | undefined): string | undefined {
  if (digits === undefined || digits.length < 8 || digits.length > 11) return undefined;
  let groups: RegExpExecArray | null;
  // Seoul's area code has two digits: 02-123-4567, 02-1234-5678.
  if ((groups = /^(02)(\d{3,4})(\d{4})$/.exec(digits))) return groups.slice(1).join('-');
  // Personal "safe" numbers have a four-digit prefix: 0505-123-4567.
  if ((groups = /^(050\d)(\d{3})(\d{4})$/.exec(digits))) return groups.slice(1).join('-');
  // Other area codes, mobiles, 070 and 080 have three: 031-123-4567, 010-1234-5678.
  if ((groups = /^(0[13-9]\d)(\d{3,4})(\d{4})$/.exec(digits))) return groups.slice(1).join('-');
  // Representative numbers: 1588-1234.
  if ((groups = /^(1\d{3})(\d{4})$/.exec(digits))) return groups.slice(1).join('-');
  return undefined;
}

/** Full-width digits, signs and the ideographic space (typed with a Korean IME) as their ASCII forms. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}
