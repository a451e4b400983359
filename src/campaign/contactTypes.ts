// The shape every contact source (CSV, .xlsx, rows given inline) is read into: a header row, then
// rows numbered as the user sees them (the spreadsheet's row number; the header is row 1).
export type CellValue = string | number | boolean | Date | null;

export interface ContactRow {
  /** 1-based row number in the file (header = 1), or the 1-based position of an inline row. */
  row: number;
  cells: CellValue[];
}

export interface ContactTable {
  kind: 'csv' | 'xlsx' | 'inline';
  /** How a CSV file was decoded, e.g. `cp949`, `utf-8 (BOM)`. */
  encoding?: string;
  headers: string[];
  /** The row number of the header. */
  headerRow: number;
  /** The rows after the header, in chunks (a whole stream buffer's worth), so no row costs a promise. */
  chunks: AsyncIterable<ContactRow[]> | Iterable<ContactRow[]>;
  /** Releases the file if the rows are not read to the end. */
  close(): void;
}
