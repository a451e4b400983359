// What the send ledger holds: the entry callers see, and the small records each line stores. A send
// writes a `pending` line before its request, then an `outcome` line, then any number of `status`
// lines; reading merges them per id, the latest of each kind winning.
import type { GroupStatus, MessageKind, MessageType, Recipient, SendOutcome } from '../core/types';
import type { ProcessOwner } from './engine/owner';

export type SendOrigin = 'mcp' | 'command' | 'test';

export interface LedgerError {
  code: string;
  message: string;
}

export interface LedgerEntry {
  id: string;
  created_at: string;
  kind: MessageKind;
  message_type: MessageType;
  project_id: string;
  sandbox: boolean;
  origin: SendOrigin;
  /** Who sent it, as the sender chose to be named (baasSms.team.senderLabel): never a phone number in clear. */
  sender?: string;
  recipients: Recipient[];
  message: string;
  subject?: string;
  image_urls?: string[];
  callback_number: string;
  message_bytes: number;
  estimated_cost_krw: number;
  idempotency_key: string;
  /** The campaign this send is a batch of (its key is `<campaign_id>:batch:N`); absent for single sends. */
  campaign_id?: string;
  /** What the send claimed before its request (`key:…` or `fp:…`); absent in records of earlier versions. */
  claim_key?: string;
  /** The message's fingerprint, to refuse the same key for a different message. */
  fingerprint?: string;
  /** The process that made the send: a pending send whose process is gone is unknown at once. */
  owner?: ProcessOwner;
  outcome: SendOutcome;
  group_id?: number;
  error?: LedgerError;
  completed_at?: string;
  /** The group's status when last checked. */
  status?: GroupStatus;
  status_checked_at?: string;
}

/** What a caller knows about a send before making the request; the ledger adds id, time and outcome. */
export type PendingSendInit = Omit<LedgerEntry, 'id' | 'created_at' | 'outcome' | 'group_id' | 'error' | 'completed_at' | 'status' | 'status_checked_at'>;

export type OutcomeResult =
  | { outcome: 'sent'; group_id: number }
  | { outcome: 'failed' | 'unknown'; error: LedgerError };

export const RECORD_VERSION = 1;

export type PendingRecord = { v: 1; t: 'pending'; id: string; created_at: string } & PendingSendInit;
export interface OutcomeRecord {
  v: 1;
  t: 'outcome';
  id: string;
  outcome: 'sent' | 'failed' | 'unknown';
  group_id?: number;
  error?: LedgerError;
  completed_at: string;
}
export interface StatusRecord {
  v: 1;
  t: 'status';
  id: string;
  status: GroupStatus;
  status_checked_at: string;
}
export type LedgerRecord = PendingRecord | OutcomeRecord | StatusRecord;

/** One line, or undefined when the text is not a record this version understands. */
export function parseRecord(line: string): LedgerRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}

// Checks just enough that merging and filtering cannot throw on a hand-edited or foreign line.
function isRecord(value: unknown): value is LedgerRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.v !== RECORD_VERSION || typeof r.id !== 'string' || r.id === '') return false;
  switch (r.t) {
    case 'pending':
      return typeof r.created_at === 'string' && (r.kind === 'sms' || r.kind === 'mms') && typeof r.message_type === 'string'
        && typeof r.project_id === 'string' && Array.isArray(r.recipients) && typeof r.message === 'string';
    case 'outcome':
      return (r.outcome === 'sent' || r.outcome === 'failed' || r.outcome === 'unknown') && typeof r.completed_at === 'string';
    case 'status':
      return typeof r.status === 'object' && r.status !== null && typeof (r.status as { group_id?: unknown }).group_id === 'number'
        && typeof r.status_checked_at === 'string';
    default:
      return false;
  }
}

/** The later records about one send, gathered while reading the file backwards (newest first). */
export interface Overlay {
  outcome?: OutcomeRecord;
  status?: StatusRecord;
}

/** Keeps the first outcome and status seen; reading backwards, the first one seen is the latest. */
export function addToOverlay(overlay: Overlay, record: OutcomeRecord | StatusRecord): void {
  if (record.t === 'outcome') overlay.outcome ??= record;
  else overlay.status ??= record;
}

export function mergeRecords(pending: PendingRecord, overlay: Overlay | undefined): LedgerEntry {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { v, t, ...fields } = pending;
  const entry: LedgerEntry = { ...fields, outcome: 'pending' };
  return overlay ? withRecord(withRecord(entry, overlay.outcome), overlay.status) : entry;
}

/** The entry with a later record applied (a new object: entries handed out are never changed). */
export function withRecord(entry: LedgerEntry, record: OutcomeRecord | StatusRecord | undefined): LedgerEntry {
  if (!record) return entry;
  if (record.t === 'status') return { ...entry, status: record.status, status_checked_at: record.status_checked_at };
  // Rest-spreading drops the previous outcome's fields; `delete` would make the object slow to read.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { group_id, error, ...rest } = entry;
  return {
    ...rest,
    outcome: record.outcome,
    completed_at: record.completed_at,
    ...(record.group_id !== undefined ? { group_id: record.group_id } : {}),
    ...(record.error ? { error: record.error } : {}),
  };
}

export function pendingRecord(id: string, createdAt: string, init: PendingSendInit): PendingRecord {
  // Optional fields given as undefined are left out rather than kept as present-but-empty keys.
  const { subject, image_urls: imageUrls, ...required } = init;
  return {
    v: RECORD_VERSION, t: 'pending', id, created_at: createdAt, ...required,
    ...(subject !== undefined ? { subject } : {}),
    ...(imageUrls !== undefined ? { image_urls: imageUrls } : {}),
  };
}

export function outcomeRecord(id: string, completedAt: string, result: OutcomeResult): OutcomeRecord {
  return result.outcome === 'sent'
    ? { v: RECORD_VERSION, t: 'outcome', id, outcome: 'sent', group_id: result.group_id, completed_at: completedAt }
    : { v: RECORD_VERSION, t: 'outcome', id, outcome: result.outcome, error: { code: result.error.code, message: result.error.message }, completed_at: completedAt };
}

export function statusRecord(id: string, checkedAt: string, status: GroupStatus): StatusRecord {
  return { v: RECORD_VERSION, t: 'status', id, status, status_checked_at: checkedAt };
}
