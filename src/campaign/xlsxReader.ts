// An .xlsx contact list through read-excel-file (66 KiB bundled, against ~1 MiB for exceljs; see the
// README's Campaigns section). It reads the first sheet whole, so the file size is capped before it
// is opened (contactFile.ts). Cells keep their type: a date or a number in the phone column is
// reported as such, not guessed at. Formulas read as the value Excel last computed and saved.
import { readFileSync } from 'node:fs';
import { BaasSmsError } from '../core/errors';
import type { CellValue, ContactRow, ContactTable } from './contactTypes';

export async function readXlsxTable(file: string, display: string): Promise<ContactTable> {
  // Loaded on first use, so the stdio server starts without it. The "universal" entry reads from an
  // ArrayBuffer with fflate alone: 66 KiB bundled, against 160 KiB for the Node entry (which adds a
  // stream unzipper that a size-capped file does not need).
  const { readSheet } = await import('read-excel-file/universal');
  let sheet: CellValue[][];
  try {
    const bytes = readFileSync(file);
    sheet = (await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) as CellValue[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BaasSmsError('CAMPAIGN_FILE_UNREADABLE', { field: 'file', params: { input: display, kind: '.xlsx', detail } });
  }
  const rows: ContactRow[] = [];
  sheet.forEach((cells, i) => {
    const trimmed = cells.map((c) => (typeof c === 'string' ? c.trim() : c));
    if (trimmed.some((c) => c !== null && c !== '')) rows.push({ row: i + 1, cells: trimmed });
  });
  const header = rows.shift();
  if (!header) throw new BaasSmsError('CAMPAIGN_FILE_EMPTY', { field: 'file' });
  return { kind: 'xlsx', headers: header.cells.map(cellText), headerRow: header.row, chunks: [rows], close: () => undefined };
}

/** A cell as the text a variable is filled with: numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}
