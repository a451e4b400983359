// A CSV contact list, streamed: bytes → text in the detected encoding (iconv-lite) → records
// (csv-parse), handed on a buffer's worth at a time. Row numbers count records as a spreadsheet shows
// them; blank lines keep their number. Cells are trimmed here, not by csv-parse (much slower at it).
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import * as iconv from 'iconv-lite';
import { BaasSmsError } from '../core/errors';
import type { ContactRow, ContactTable } from './contactTypes';
import { detectCsvEncoding, type CsvEncoding } from './csvEncoding';

/** A record longer than this (characters) is not a contact: stop before it fills memory. */
const MAX_RECORD_CHARS = 1_000_000;
const DELIMITERS = [',', '\t', ';'];

export async function readCsvTable(file: string, display: string): Promise<ContactTable> {
  const { encoding, bomBytes } = await detectCsvEncoding(file, display);
  const delimiter = detectDelimiter(file, encoding, bomBytes);
  const parser = createReadStream(file, { start: bomBytes, highWaterMark: 256 * 1024 })
    .pipe(iconv.decodeStream(encoding, { stripBOM: false }))
    .pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS }));
  const label = encoding === 'utf-8' && bomBytes > 0 ? 'utf-8 (BOM)' : encoding;
  const reader = recordReader(parser, display, label);
  const first = await reader.next();
  const header = first.done ? undefined : first.value.shift();
  if (!header) throw new BaasSmsError('CAMPAIGN_FILE_EMPTY', { field: 'file' });
  async function* chunks(): AsyncGenerator<ContactRow[]> {
    try {
      if (!first.done && first.value.length > 0) yield first.value;
      for await (const chunk of { [Symbol.asyncIterator]: () => reader }) yield chunk;
    } finally {
      parser.destroy();
    }
  }
  return { kind: 'csv', encoding: label, headers: header.cells.map(String), headerRow: header.row, chunks: chunks(), close: () => void parser.destroy() };
}

/** The non-blank records, numbered, as many as the parser holds at each step. */
async function* recordReader(parser: Parser, display: string, encoding: string): AsyncGenerator<ContactRow[], void, undefined> {
  let row = 0;
  let failure: Error | undefined;
  let ended = false;
  parser.on('error', (error: Error) => (failure = error));
  parser.on('end', () => (ended = true));
  parser.on('close', () => (ended = true));
  for (;;) {
    const chunk: ContactRow[] = [];
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
      row++;
      let blank = true;
      for (let i = 0; i < record.length; i++) {
        const cell = record[i].trim();
        record[i] = cell;
        if (cell !== '') blank = false;
        if (cell.includes('\ufffd')) throw new BaasSmsError('CAMPAIGN_FILE_ENCODING', { field: 'file', params: { row, encoding } });
      }
      if (!blank) chunk.push({ row, cells: record });
    }
    if (failure !== undefined) throw unreadable(display, failure.message);
    if (chunk.length > 0) yield chunk;
    if (ended) return;
    await nextEvent(parser);
  }
}

/** Resolves at the parser's next readable, end, close or error, leaving no listener behind. */
function nextEvent(parser: Parser): Promise<void> {
  const events = ['readable', 'end', 'close', 'error'] as const;
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of events) parser.off(event, done);
      resolve();
    };
    for (const event of events) parser.on(event, done);
  });
}

/** The separator the header line uses most: comma (Excel), tab ("Unicode text") or semicolon. */
function detectDelimiter(file: string, encoding: CsvEncoding, bomBytes: number): string {
  const sample = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, sample, 0, sample.length, bomBytes);
  } finally {
    closeSync(fd);
  }
  const firstLine = iconv.decode(sample.subarray(0, length), encoding, { stripBOM: false }).split(/\r?\n/, 1)[0];
  const counts = DELIMITERS.map((d) => firstLine.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return counts[best] > 0 ? DELIMITERS[best] : ',';
}

function unreadable(display: string, detail: string): BaasSmsError {
  return new BaasSmsError('CAMPAIGN_FILE_UNREADABLE', { field: 'file', params: { input: display, kind: 'CSV', detail } });
}
