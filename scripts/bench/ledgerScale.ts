// Ledger at scale: a history page (newest 20 SMS) from a large synthetic ledger, with a new SendLedger
// each time (cold: nothing cached) and with one kept (warm), and start-up as the CLI does it
// (constructor + recoverInterrupted). Bytes read are counted by wrapping fs.readSync, the only call
// the ledger reads with, so start-up can be shown not to read the whole file.
// The module object itself (not a namespace copy), so that replacing readSync is seen by the ledger's reads.
import fs from 'node:fs';
import * as path from 'node:path';
import { SendLedger } from '../../src/ledger/sendLedger';
import { writeSyntheticLedger } from '../../test/support/syntheticLedger';
import { msSince } from './stats';

export interface LedgerFile {
  file: string;
  entries: number;
  bytes: number;
  writeMs: number;
}

export interface LedgerTimings {
  /** New SendLedger + list() each time. */
  cold: number[];
  /** The same SendLedger, list() again. */
  warm: number[];
  /** Constructor + recoverInterrupted(), as the stdio command and the extension start. */
  startup: number[];
  coldBytesRead: number;
  warmBytesRead: number;
  startupBytesRead: number;
  pageSize: number;
}

// The page the history tool shows first: newest 20 of one type.
const QUERY = { message_type: 'SMS' as const, limit: 20 };

/** Writes a synthetic ledger of `entries` sends into `dir` (ending a day ago, so nothing is pending). */
export function makeLedger(dir: string, entries: number): LedgerFile {
  const file = path.join(dir, `ledger-${entries}.jsonl`);
  const start = process.hrtime.bigint();
  const bytes = writeSyntheticLedger(file, entries, { end: new Date(Date.now() - 86_400_000) });
  return { file, entries, bytes, writeMs: msSince(start) };
}

/** Runs `fn` and returns what it returned and the bytes fs.readSync read meanwhile. */
export function countingReads<T>(fn: () => T): { value: T; bytes: number } {
  const original = fs.readSync;
  let bytes = 0;
  // fs.readSync is overloaded; the wrapper only adds up what each call returns.
  const counting = (...args: unknown[]): number => {
    const n = (original as (...a: unknown[]) => number).apply(fs, args);
    bytes += n;
    return n;
  };
  (fs as { readSync: unknown }).readSync = counting;
  try {
    return { value: fn(), bytes };
  } finally {
    (fs as { readSync: unknown }).readSync = original;
  }
}

/** `runs` interleaved rounds of cold page, warm page and start-up against `file`. */
export function measureLedger(file: string, runs: number): LedgerTimings {
  const warmLedger = new SendLedger(file);
  const firstWarm = countingReads(() => warmLedger.list(QUERY));
  if (firstWarm.value.entries.length !== QUERY.limit) throw new Error(`expected a page of ${QUERY.limit}, got ${firstWarm.value.entries.length}`);
  const result: LedgerTimings = { cold: [], warm: [], startup: [], coldBytesRead: 0, warmBytesRead: 0, startupBytesRead: 0, pageSize: firstWarm.value.entries.length };
  for (let i = 0; i < runs; i++) {
    let start = process.hrtime.bigint();
    const cold = countingReads(() => new SendLedger(file).list(QUERY));
    result.cold.push(msSince(start));
    result.coldBytesRead = cold.bytes;

    start = process.hrtime.bigint();
    const warm = countingReads(() => warmLedger.list(QUERY));
    result.warm.push(msSince(start));
    result.warmBytesRead = warm.bytes;

    start = process.hrtime.bigint();
    const startup = countingReads(() => new SendLedger(file).recoverInterrupted());
    result.startup.push(msSince(start));
    result.startupBytesRead = startup.bytes;
    if (startup.value.length !== 0) throw new Error('the synthetic ledger has no interrupted sends, yet recovery found some');
  }
  return result;
}
