// Between rows of baas_sms_sends and the ledger's entries, and from driver errors to
// LEDGER_UNAVAILABLE with what to check (the URL's password masked, and cut from any driver text).
import { BaasSmsError } from '../../../core/errors';
import { redactSecret } from '../../../core/redact';
import type { GroupStatus } from '../../../core/types';
import type { LedgerEntry, LedgerError, PendingSendInit } from '../../ledgerRecords';
import { LEDGER_URL_SETTING } from '../ledgerUrl';
import { NewerSchemaError } from './schema';

export interface SendRow {
  id: string;
  created_at: Date;
  outcome: 'pending' | 'sent' | 'failed' | 'unknown';
  group_id: string | null;
  completed_at: Date | null;
  error: LedgerError | null;
  status: GroupStatus | null;
  status_checked_at: Date | null;
  send: PendingSendInit;
}

export const SEND_COLUMNS = 'id, created_at, outcome, group_id, completed_at, error, status, status_checked_at, send';

export function entryFromRow(row: SendRow): LedgerEntry {
  return {
    ...row.send,
    id: row.id,
    created_at: row.created_at.toISOString(),
    outcome: row.outcome,
    ...(row.group_id !== null ? { group_id: Number(row.group_id) } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.completed_at ? { completed_at: row.completed_at.toISOString() } : {}),
    ...(row.status ? { status: row.status, status_checked_at: row.status_checked_at?.toISOString() } : {}),
  };
}

const EXPLAINED: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'this user may not connect',
  '3D000': 'the database does not exist',
  '42501': 'this user may not create or write the ledger tables',
  '57P03': 'the server is starting up or shutting down',
  ECONNREFUSED: 'nothing listens at that host and port',
  ENOTFOUND: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was cut',
};

/** Any failure to reach or use the database, as LEDGER_UNAVAILABLE (not sent). */
export function ledgerUnavailable(error: unknown, location: string, password: string | undefined, setting: string = LEDGER_URL_SETTING): BaasSmsError {
  if (error instanceof BaasSmsError) return error;
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? error.message : String(error);
  let detail = error instanceof NewerSchemaError ? text : code && EXPLAINED[code] ? `${EXPLAINED[code]}: ${text}` : text;
  detail = redactSecret(detail, password);
  return new BaasSmsError('LEDGER_UNAVAILABLE', { params: { location, detail, setting }, outcome: 'not_sent' });
}
