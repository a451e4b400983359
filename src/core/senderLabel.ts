// Who sent a send, as the team's history shows it: a label the sender chooses (the extension's
// baasSms.team.senderLabel), by default the OS user name. It is stored with every send and read by the
// whole team, so it is cleaned: one line, at most 64 characters, and any phone number in it masked.
import * as os from 'node:os';
import { maskPhonesInText } from './redact';

export const MAX_SENDER_LABEL = 64;

/** The label to store: `raw` cleaned, else the OS user name; undefined when neither gives one. */
export function senderLabel(raw: unknown, osUser: () => string | undefined = osUserName): string | undefined {
  const chosen = typeof raw === 'string' ? clean(raw) : '';
  if (chosen) return chosen;
  const user = osUser();
  return user ? clean(user) || undefined : undefined;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return maskPhonesInText(line).slice(0, MAX_SENDER_LABEL).trim();
}

function osUserName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to the environment, else no label.
    return process.env.USER ?? process.env.USERNAME;
  }
}
