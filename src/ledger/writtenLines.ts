// The last few pending lines this process appended to a ledger file, with the records they were made from.
// A reader meeting a line byte for byte equal to one of them takes that record instead of parsing
// the line again: a campaign batch's pending line holds 1,000 recipients (about 60 KB of JSON), and
// the engine's index would otherwise parse each one right after this process wrote it. Equal bytes
// are the same JSON, so the record is exactly what parsing would give; anything else is parsed.
import type { LedgerRecord } from './ledgerRecords';

interface WrittenLine {
  file: string;
  /** The line's JSON, without newlines. */
  bytes: Buffer;
  record: LedgerRecord;
}

/** The latest sends' pending lines: readers (the engine's index, the ledger's own) catch up within a send or two. */
const KEPT = 4;
const written: WrittenLine[] = [];

export function rememberWrittenLine(file: string, bytes: Buffer, record: LedgerRecord): void {
  // A field given as undefined is left out of the line: parsing would not give this very object back.
  if (Object.values(record).some((value) => value === undefined)) return;
  // Frozen, since readers now share it: a record read back is never changed, only copied.
  written.push({ file, bytes, record: Object.freeze(record) });
  if (written.length > KEPT) written.shift();
}

/** The record this process wrote as exactly `line` (newest first), if it is still remembered. */
export function writtenRecord(file: string, line: Buffer): LedgerRecord | undefined {
  for (let i = written.length - 1; i >= 0; i--) {
    const known = written[i];
    if (known.bytes.length === line.length && known.file === file && known.bytes.equals(line)) return known.record;
  }
  return undefined;
}
