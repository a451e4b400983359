// Reads the ledger file newest line first without ever loading all of it: lines are read backwards in
// chunks, and the parsed tail of the file is cached. The file only grows (other processes may append
// too), so a larger size means new lines to read forward; a smaller size or a new inode means the
// file was replaced and the cache starts over.
import * as fs from 'node:fs';
import type { Logger } from '../core/logger';
import { parseRecord, type LedgerRecord } from './ledgerRecords';
import { writtenRecord } from './writtenLines';

const NEWLINE = 0x0a;
const MAX_CHUNK_BYTES = 1024 * 1024;

export interface LedgerReaderOptions {
  /** Bytes read per step when going backwards. */
  chunkBytes?: number;
  /** Bytes of the file's tail kept parsed in memory. */
  cacheBytes?: number;
}

/** A stretch of whole lines, [start, end) in the file, parsed in file order. */
interface Segment {
  start: number;
  end: number;
  records: LedgerRecord[];
}

export class LedgerReader {
  private readonly chunkBytes: number;
  private readonly cacheBytes: number;
  // The cache holds [head, tail): contiguous whole lines ending at the last complete line read.
  private segments: Segment[] = [];
  private head = 0;
  private tail = 0;
  private identity: string | undefined;
  private readonly warned = new Set<number>();

  constructor(private readonly file: string, private readonly logger: Logger, options: LedgerReaderOptions = {}) {
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
    this.cacheBytes = options.cacheBytes ?? 1024 * 1024;
  }

  /** Where the whole lines read so far end: the file's size, less any line still being written. */
  get end(): number {
    return this.tail;
  }

  /** Brings the cache up to date: reads lines appended since the last call (by anyone), nothing else. */
  refresh(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.startOver(undefined, 0);
      return;
    }
    try {
      const stat = fs.fstatSync(fd);
      const identity = `${stat.dev}:${stat.ino}`;
      if (identity !== this.identity || stat.size < this.tail || stat.size - this.tail > this.cacheBytes) {
        // Replaced, truncated, or grown by more than we would keep: begin again at the end.
        this.startOver(identity, lastLineEnd(fd, stat.size, 4096));
        return;
      }
      if (stat.size === this.tail) return;
      const bytes = readAt(fd, this.tail, stat.size - this.tail);
      // A line without its newline yet is being written (or was cut by a crash): leave it for later.
      const end = bytes.lastIndexOf(NEWLINE) + 1;
      if (end === 0) return;
      this.segments.push({ start: this.tail, end: this.tail + end, records: this.parseLines(bytes.subarray(0, end), this.tail) });
      this.tail += end;
      this.trimCache();
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * Records newest first: the cached tail, then older chunks read on demand (cached while the budget
   * allows). With `needles`, uncached lines that contain none of them are skipped unparsed, so a
   * search for one id or group id costs little more than reading the file; cached records all come.
   * Stops reading below `floor` (a byte offset) if given. Call refresh() first.
   */
  *newestFirst(needles?: Buffer[], floor = 0): Generator<LedgerRecord> {
    for (let s = this.segments.length - 1; s >= 0; s--) {
      const segment = this.segments[s];
      for (let i = segment.records.length - 1; i >= 0; i--) yield segment.records[i];
      if (segment.start <= floor) return;
    }
    if (this.head <= floor || this.identity === undefined) return;
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return;
    }
    try {
      let caching = needles === undefined;
      let end = this.head;
      // One buffer for the whole walk: allocating one per chunk costs more than reading the file.
      const scratch = { buffer: Buffer.allocUnsafe(this.chunkBytes) };
      // Chunks grow as the walk goes deeper: a recent page reads little, a long search few times.
      let chunkBytes = this.chunkBytes;
      while (end > floor) {
        // Not far below the floor: at least one whole line, though, however long.
        const { start, bytes } = linesBefore(fd, end, Math.min(chunkBytes, Math.max(1, end - floor)), scratch);
        chunkBytes = Math.min(chunkBytes * 2, MAX_CHUNK_BYTES);
        let records: LedgerRecord[];
        if (needles && !needles.some((needle) => bytes.includes(needle))) records = [];
        else records = this.parseLines(bytes, start, needles);
        // Only a stretch adjoining the cache, fully parsed, may join it.
        if (caching && end === this.head && this.cachedBytes() + (end - start) <= this.cacheBytes) {
          this.segments.unshift({ start, end, records });
          this.head = start;
        } else {
          caching = false;
        }
        for (let i = records.length - 1; i >= 0; i--) yield records[i];
        end = start;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  private startOver(identity: string | undefined, position: number): void {
    this.identity = identity;
    this.segments = [];
    this.head = position;
    this.tail = position;
  }

  private cachedBytes(): number {
    return this.tail - this.head;
  }

  private trimCache(): void {
    while (this.cachedBytes() > this.cacheBytes && this.segments.length > 1) {
      this.segments.shift();
      this.head = this.segments[0].start;
    }
  }

  /** Whole lines (each ending in a newline) from `bytes`, which starts at `offset` in the file. */
  private parseLines(bytes: Buffer, offset: number, needles?: Buffer[]): LedgerRecord[] {
    const records: LedgerRecord[] = [];
    let from = 0;
    while (from < bytes.length) {
      let to = bytes.indexOf(NEWLINE, from);
      if (to < 0) to = bytes.length;
      if (to > from) {
        const line = bytes.subarray(from, to);
        if (!needles || needles.some((needle) => line.includes(needle))) {
          // A line this process has just written comes back as the record it was written from.
          const record = writtenRecord(this.file, line)
            ?? (line.every((byte) => byte === 0x20 || byte === 0x0d || byte === 0x09) ? null : parseRecord(line.toString('utf8')));
          if (record) records.push(record);
          else if (record === undefined) this.warnOnce(offset + from, line.length);
        }
      }
      from = to + 1;
    }
    return records;
  }

  private warnOnce(offset: number, length: number): void {
    if (this.warned.has(offset)) return;
    if (this.warned.size >= 1000) this.warned.clear();
    this.warned.add(offset);
    this.logger.warn(`send ledger ${this.file}: skipped an unreadable line at byte ${offset} (${length} bytes; cut short by a crash, or edited by hand)`);
  }
}

function readAt(fd: number, position: number, length: number, scratch?: { buffer: Buffer }): Buffer {
  let buffer: Buffer;
  if (scratch) {
    if (scratch.buffer.length < length) scratch.buffer = Buffer.allocUnsafe(Math.max(length, scratch.buffer.length * 2));
    buffer = scratch.buffer.subarray(0, length);
  } else {
    buffer = Buffer.allocUnsafe(length);
  }
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) return buffer.subarray(0, done);
    done += n;
  }
  return buffer;
}

/** Offset just after the file's last newline (0 if there is none): where whole lines end. */
function lastLineEnd(fd: number, size: number, chunkBytes: number): number {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunkBytes);
    const newline = readAt(fd, start, end - start).lastIndexOf(NEWLINE);
    if (newline >= 0) return start + newline + 1;
    end = start;
  }
  return 0;
}

/**
 * The whole lines that end at `end` (a line boundary), starting about `chunkBytes` back at the first
 * line that begins inside the chunk. A line longer than the chunk widens it.
 */
function linesBefore(fd: number, end: number, chunkBytes: number, scratch: { buffer: Buffer }): { start: number; bytes: Buffer } {
  for (let size = chunkBytes; ; size *= 2) {
    const start = Math.max(0, end - size);
    const bytes = readAt(fd, start, end - start, scratch);
    if (start === 0) return { start, bytes };
    // The newline ending the stretch does not count: a line must begin inside it.
    const newline = bytes.indexOf(NEWLINE);
    if (newline >= 0 && newline < bytes.length - 1) return { start: start + newline + 1, bytes: bytes.subarray(newline + 1) };
  }
}
