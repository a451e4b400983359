// A recipient list as the API will take it: 1 to `max` entries, each phone normalised to
// 010-XXXX-XXXX, each with a member code, and no number twice (the first entry for a number wins).
import { BaasSmsError } from '../core/errors';
import type { Recipient } from '../core/types';
import { MAX_RECIPIENTS } from './limits';
import { isCanonicalMobile, normalizePhoneNumber } from './phone';

export interface NormalizedRecipients {
  recipients: Recipient[];
  /** Entries dropped because an earlier entry had the same (normalised) number. */
  duplicatesDropped: number;
}

/**
 * Validates and de-duplicates a recipient list, reporting the first problem in list order.
 * The count is checked on the list as given, before de-duplication: a list of 1,001 entries is refused
 * even if duplicates would bring it under the limit, so the caller sees the list they wrote judged.
 */
export function normalizeRecipients(list: Array<{ phone_number: string; member_code: string }>, max = MAX_RECIPIENTS): NormalizedRecipients {
  const count = Array.isArray(list) ? list.length : 0;
  if (count === 0 || count > max) throw new BaasSmsError('INVALID_RECIPIENTS_COUNT', { field: 'recipients', params: { count, max } });

  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    // The field's name is only built for a number that needs rewriting (or is refused): a batch of
    // 1,000 already-normalised numbers costs 1,000 pattern tests and nothing more.
    const given = entry?.phone_number;
    const phone_number = isCanonicalMobile(given) ? given : normalizePhoneNumber(given, `recipients[${i}].phone_number`);
    const member_code = typeof entry?.member_code === 'string' ? entry.member_code.trim() : '';
    if (member_code === '') throw new BaasSmsError('INVALID_MEMBER_CODE', { field: `recipients[${i}].member_code`, params: { index: i } });
    if (seen.has(phone_number)) return;
    seen.add(phone_number);
    recipients.push({ phone_number, member_code });
  });
  return { recipients, duplicatesDropped: count - recipients.length };
}
