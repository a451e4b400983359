// Allow-list entries as users type them (settings, a comma-separated env variable), compared in the
// one normalised form. An entry that is not a mobile number is kept as typed: it then matches no
// one, so a mistyped list stays restrictive instead of silently becoming empty (= anyone).
import { normalizePhoneNumber } from '../messaging/phone';

export function normalizeAllowListEntry(entry: string): string {
  try {
    return normalizePhoneNumber(entry);
  } catch {
    return entry.trim();
  }
}

/** `"010-1234-5678, 01098765432"` → `['010-1234-5678', '010-9876-5432']`; blanks dropped. */
export function parseAllowList(text: string): string[] {
  return text.split(/[,;\n]/).map((part) => part.trim()).filter((part) => part !== '').map(normalizeAllowListEntry);
}
