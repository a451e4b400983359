// BAAS_LEDGER_URL: checked before any connection, and shown only with its password masked. A URL
// that cannot be parsed is never echoed, since it may still hold the password.
import { BaasSmsError } from '../../core/errors';

export const LEDGER_URL_SETTING = 'BAAS_LEDGER_URL';

/** `postgres://user:***@host:5432/db`; anything unparsable as `postgres://***` (never the raw text). */
export function maskLedgerUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    if (url.password) url.password = '***';
    url.search = '';
    return url.toString();
  } catch {
    return `${/^[a-z][a-z0-9+.-]*:/i.exec(text.trim())?.[0] ?? 'postgres:'}//***`;
  }
}

/** The password in the URL, to redact from any text a driver hands back. */
export function ledgerUrlPassword(text: string): string | undefined {
  try {
    const password = new URL(text.trim()).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** Throws LEDGER_UNAVAILABLE naming `setting` (BAAS_LEDGER_URL by default) unless `text` is a postgres:// URL with a host and a database. */
export function checkLedgerUrl(text: string, setting: string = LEDGER_URL_SETTING): void {
  const refuse = (detail: string): never => {
    throw new BaasSmsError('LEDGER_UNAVAILABLE', { field: setting, params: { location: maskLedgerUrl(text), detail, setting }, outcome: 'not_sent' });
  };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse(`${setting} is not a URL; expected postgres://user:password@host:5432/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return refuse(`${setting} must start with postgres:// (got ${url.protocol}//)`);
  if (!url.hostname) return refuse(`${setting} names no host`);
  if (url.pathname.replace(/^\//, '') === '') return refuse(`${setting} names no database (…/database at the end)`);
}
