// Opens a contact list by what it is: .csv/.tsv/.txt streamed, .xlsx read whole under a size cap;
// rows given inline (the MCP tool) as the same table. Files over the caps are refused up front, with
// a clear error, rather than read until memory runs out.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { BaasSmsError } from '../core/errors';
import type { ContactRow, ContactTable } from './contactTypes';
import { readCsvTable } from './csvReader';
import { readXlsxTable } from './xlsxReader';

/** ~1,000,000 rows of a typical list; a plan holds every valid row's text in memory. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** A sheet is unzipped and parsed whole; 20 MiB of .xlsx is several hundred thousand rows. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

const MiB = 1024 * 1024;

export async function openContactFile(file: string): Promise<ContactTable> {
  const display = path.basename(file);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new BaasSmsError('CAMPAIGN_FILE_NOT_FOUND', { field: 'file', params: { input: file, detail: error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : '' } });
  }
  if (size === 0) throw new BaasSmsError('CAMPAIGN_FILE_EMPTY', { field: 'file' });
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls') {
    throw new BaasSmsError('CAMPAIGN_FILE_UNREADABLE', { field: 'file', params: { input: display, kind: '.xls', detail: 'the old .xls format is not supported; save it as .xlsx or CSV' } });
  }
  const xlsx = ext === '.xlsx';
  const max = xlsx ? MAX_XLSX_BYTES : MAX_CSV_BYTES;
  if (size > max) {
    throw new BaasSmsError('CAMPAIGN_FILE_TOO_LARGE', { field: 'file', params: { actual: (size / MiB).toFixed(1), max: max / MiB, kind: xlsx ? '.xlsx' : 'CSV' } });
  }
  return xlsx ? readXlsxTable(file, display) : readCsvTable(file, display);
}

/** Rows given as objects (column → value): headers in order of first appearance, rows numbered from 1. */
export function inlineContactTable(records: ReadonlyArray<Record<string, string | number | null | undefined>>): ContactTable {
  if (records.length === 0) throw new BaasSmsError('CAMPAIGN_FILE_EMPTY', { field: 'rows' });
  const headers: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
  const rows: ContactRow[] = records.map((record, i) => ({
    row: i + 1,
    cells: headers.map((h) => {
      const value = record[h];
      return value === undefined || value === null ? null : typeof value === 'string' ? value.trim() : value;
    }),
  }));
  return { kind: 'inline', headers, headerRow: 0, chunks: [rows], close: () => undefined };
}
