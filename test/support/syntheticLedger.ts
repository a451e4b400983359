// Builds a large, realistic ledger file in one go, for tests and the benchmark: what a heavy user's
// history looks like after years (pending and outcome lines interleaved, some status lines, SMS/LMS/MMS
// mixed over several projects). Entry i is fully determined by i and the options, so a test can
// compute what any page must hold without reading the file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LedgerEntry } from '../../src/ledger/ledgerRecords';
import { outcomeRecord, pendingRecord, statusRecord } from '../../src/ledger/ledgerRecords';

export interface SyntheticLedgerOptions {
  /** created_at of the last entry; earlier ones are spaced `spacingMs` apart. Default: now. */
  end?: Date;
  spacingMs?: number;
  /** Every n-th entry (i % n === n - 1) is an MMS. Default 5. */
  mmsEvery?: number;
  /** Every n-th entry (i % n === n - 2) failed. Default 50. */
  failEvery?: number;
  /** Entries cycle through these project ids. */
  projectIds?: string[];
  /** Recipients per send. Default 1. */
  recipients?: number;
  /** Group id of entry 0; entry i that was sent has firstGroupId + i. */
  firstGroupId?: number;
}

const DEFAULTS = {
  spacingMs: 60_000,
  mmsEvery: 5,
  failEvery: 50,
  projectIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
  recipients: 1,
  firstGroupId: 1_000_000,
};

/** The id of synthetic entry i: `s_` and i in 10 base32 digits, unique and the same on every run. */
export function syntheticSendId(i: number): string {
  return `s_${i.toString(32).padStart(10, '0')}`;
}

/** Synthetic entry i exactly as the ledger reports it. */
export function syntheticEntry(i: number, count: number, options: SyntheticLedgerOptions = {}): LedgerEntry {
  const o = { ...DEFAULTS, ...options };
  const end = (options.end ?? new Date()).getTime();
  const createdAt = new Date(end - (count - 1 - i) * o.spacingMs);
  const mms = i % o.mmsEvery === o.mmsEvery - 1;
  const long = !mms && i % 3 === 0;
  const message = long ? `[BaaS] 주문 ${i}번이 접수되었습니다. 배송이 시작되면 다시 알려 드리겠습니다. 문의는 고객센터로 연락해 주세요. 감사합니다.` : `[BaaS] 인증번호 ${String(i % 1_000_000).padStart(6, '0')}`;
  const recipients = Array.from({ length: o.recipients }, (_, r) => ({
    phone_number: `010-${String((i + r) % 10_000).padStart(4, '0')}-${String((i * 7 + r) % 10_000).padStart(4, '0')}`,
    member_code: `member-${i}-${r}`,
  }));
  const failed = i % o.failEvery === o.failEvery - 2;
  const entry: LedgerEntry = {
    id: syntheticSendId(i),
    created_at: createdAt.toISOString(),
    kind: mms ? 'mms' : 'sms',
    message_type: mms ? 'MMS' : long ? 'LMS' : 'SMS',
    project_id: o.projectIds[i % o.projectIds.length],
    sandbox: false,
    origin: 'test',
    recipients,
    message,
    ...(mms ? { subject: '주문 안내', image_urls: [`https://example.com/images/${i}.jpg`] } : {}),
    callback_number: '02-1234-5678',
    // EUC-KR: Hangul two bytes, ASCII one.
    message_bytes: [...message].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x7f ? 2 : 1), 0),
    estimated_cost_krw: (mms ? 100 : long ? 30 : 9.9) * o.recipients,
    idempotency_key: `synthetic-${i}`,
    outcome: failed ? 'failed' : 'sent',
    completed_at: new Date(createdAt.getTime() + 150).toISOString(),
  };
  if (failed) entry.error = { code: 'API_ERROR', message: 'The BaaS API refused the request (synthetic).' };
  else entry.group_id = o.firstGroupId + i;
  if (entry.group_id !== undefined && i % 10 === 0) {
    // Every tenth sent entry has had its delivery checked.
    entry.status = { group_id: entry.group_id, status: '성공', total_count: o.recipients, success_count: o.recipients, failed_count: 0, pending_count: 0, messages: [] };
    entry.status_checked_at = new Date(createdAt.getTime() + 5_000).toISOString();
  }
  return entry;
}

/**
 * Writes `count` entries to `file` (replacing it, mode 0600): for each, its pending and outcome lines,
 * and a status line where syntheticEntry has a status. Returns the file's size in bytes.
 */
export function writeSyntheticLedger(file: string, count: number, options: SyntheticLedgerOptions = {}): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w', 0o600);
  let bytes = 0;
  try {
    let batch: string[] = [];
    const flush = (): void => {
      const text = batch.join('');
      bytes += fs.writeSync(fd, text);
      batch = [];
    };
    for (let i = 0; i < count; i++) {
      const entry = syntheticEntry(i, count, options);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { id, created_at: createdAt, outcome, group_id: groupId, error, completed_at: completedAt, status, status_checked_at: checkedAt, ...init } = entry;
      batch.push(`${JSON.stringify(pendingRecord(id, createdAt, init))}\n`);
      const result = groupId !== undefined ? { outcome: 'sent' as const, group_id: groupId } : { outcome: 'failed' as const, error: error! };
      batch.push(`${JSON.stringify(outcomeRecord(id, completedAt!, result))}\n`);
      if (status && checkedAt) batch.push(`${JSON.stringify(statusRecord(id, checkedAt, status))}\n`);
      if (batch.length >= 3000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
