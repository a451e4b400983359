// Recipients as a person pastes them into the Send SMS/MMS input: one per line or comma-separated,
// each `phone[,member_code]`. VS Code's input box is one line (a browser turns pasted line breaks
// into spaces), so spaces separate too, and a number typed with spaces (`010 1234 5678`) is put back
// together by counting its digits. The rules (normalizeRecipients) judge the result; this only splits.
import { normalizePhoneNumber } from '../../messaging/phone';

export interface RecipientDraft {
  phone_number: string;
  member_code: string;
}

// Characters of a phone number as typed: digits (full-width too), dashes and look-alikes, dots,
// brackets, and a leading +.
const PHONE_CHARS = /^\+?[\d\-.()\uff10-\uff19\u2010-\u2015\u2212]+$/;
/** A number with fewer digits than this is still being typed: the next digit group belongs to it. */
const COMPLETE_DIGITS = 10;
/** A digits-only token this long (or starting with 0 or +) starts a number; a shorter one is a member code. */
const PHONE_MIN_DIGITS = 8;

const digitCount = (text: string): number => text.match(/[\d\uff10-\uff19]/g)?.length ?? 0;

/**
 * `010-1234-5678, 010-2222-3333` (two recipients), `010-1234-5678,user1` (one, with a member code),
 * `010 1234 5678 user1 010 2222 3333 user2`, or one `phone[,member_code]` per line. A number without
 * a member code gets its own digits as the code (the BaaS project must know the code; the prompt
 * says so). A member code with no number before it becomes a recipient with an empty number, so the
 * rules report it with its position.
 */
export function parseRecipientText(text: string): RecipientDraft[] {
  const drafts: Array<{ phone_number: string; member_code?: string }> = [];
  for (const token of text.split(/[\s,;]+/)) {
    if (token === '') continue;
    const last = drafts[drafts.length - 1];
    const open = last !== undefined && last.member_code === undefined && last.phone_number !== '';
    if (PHONE_CHARS.test(token)) {
      if (open && digitCount(last.phone_number) < COMPLETE_DIGITS) last.phone_number += ` ${token}`;
      else if (open && digitCount(token) < PHONE_MIN_DIGITS && !/^[+0\uff10]/.test(token)) last.member_code = token;
      else drafts.push({ phone_number: token });
    } else if (open) {
      last.member_code = token;
    } else {
      drafts.push({ phone_number: '', member_code: token });
    }
  }
  return drafts.map((d) => ({ phone_number: d.phone_number, member_code: d.member_code ?? defaultMemberCode(d.phone_number) }));
}

/** The code a number gets when the user gave none: its normalised digits (`+82 10-1234-5678` → `01012345678`). */
export function defaultMemberCode(phone: string): string {
  try {
    return normalizePhoneNumber(phone).replace(/-/g, '');
  } catch {
    // Not a mobile number: the rules will say so; the code is never used.
    return phone.replace(/\D/g, '');
  }
}
