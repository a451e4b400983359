// Appending one record to the ledger file, safely next to other processes doing the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LedgerRecord } from './ledgerRecords';
import { rememberWrittenLine } from './writtenLines';

/**
 * Appends one line with a single write (O_APPEND), so concurrent writers never interleave within a
 * line; creates the folder (0700) and the file (0600) on first use. If the file ends in a line cut
 * short by a crash, a newline goes first so that fragment cannot swallow this record. Throws on failure.
 */
export function appendLedgerLine(file: string, record: LedgerRecord): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'a+', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fd = fs.openSync(file, 'a+', 0o600);
  }
  try {
    const { size } = fs.fstatSync(fd);
    let line = `${JSON.stringify(record)}\n`;
    let lead = 0;
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) {
        line = `\n${line}`;
        lead = 1;
      }
    }
    const bytes = Buffer.from(line, 'utf8');
    const written = fs.writeSync(fd, bytes);
    if (written !== bytes.length) throw new Error(`short write (${written} of ${bytes.length} bytes)`);
    // Pending lines only: they are the big ones (every recipient), and pendingRecord() leaves no
    // undefined fields, so the record is exactly what parsing its line gives back.
    if (record.t === 'pending') rememberWrittenLine(file, bytes.subarray(lead, bytes.length - 1), record);
  } finally {
    fs.closeSync(fd);
  }
}
