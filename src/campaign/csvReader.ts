// A CSV contact list, streamed: bytes → text in the detected encoding (iconv-lite) → records
// (csv-parse). Row numbers count records as a spreadsheet shows them; blank lines keep their number.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
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
    .pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS }));
  const records = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const label = encoding === 'utf-8' && bomBytes > 0 ? 'utf-8 (BOM)' : encoding;

  let row = 0;
  const next = async (): Promise<ContactRow | undefined> => {
    for (;;) {
      let result: IteratorResult<string[]>;
      try {
        result = await records.next();
      } catch (error) {
        throw unreadable(display, error instanceof CsvError ? `${error.message}` : String(error));
      }
      if (result.done) return undefined;
      row++;
      const cells = result.value;
      if (cells.every((c) => c === '')) continue;
      if (cells.some((c) => c.includes('\ufffd'))) throw new BaasSmsError('CAMPAIGN_FILE_ENCODING', { field: 'file', params: { row, encoding: label } });
      return { row, cells };
    }
  };

  const header = await next();
  if (!header) throw new BaasSmsError('CAMPAIGN_FILE_EMPTY', { field: 'file' });
  async function* rows(): AsyncGenerator<ContactRow> {
    try {
      for (let r = await next(); r; r = await next()) yield r;
    } finally {
      parser.destroy();
    }
  }
  return { kind: 'csv', encoding: label, headers: header.cells.map(String), headerRow: header.row, rows: rows(), close: () => void parser.destroy() };
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
