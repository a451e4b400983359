// Which text encoding a CSV file is in, decided from its bytes: a byte-order mark (Excel's "CSV UTF-8",
// or UTF-16 "Unicode text"); otherwise UTF-8 if every non-ASCII byte read is valid UTF-8, else CP949
// (what Excel on Korean Windows saves). Hangul in CP949 is practically never valid UTF-8, so the
// first stretch of non-ASCII text decides; a file that mixes both is caught later, row by row.
import { createReadStream } from 'node:fs';
import { BaasSmsError } from '../core/errors';

export type CsvEncoding = 'utf-8' | 'cp949' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Bytes at the start that are a byte-order mark, to skip before decoding. */
  bomBytes: number;
}

/** Non-ASCII bytes to validate after the first one before trusting UTF-8. */
const UTF8_EVIDENCE_BYTES = 64 * 1024;

/**
 * Reads as little of `file` as it needs. Throws CAMPAIGN_FILE_UNREADABLE for binary content: a zip
 * (an .xlsx renamed), an old .xls, or NUL bytes where text should be.
 */
export async function detectCsvEncoding(file: string, display: string): Promise<DetectedEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let nonAsciiSeen = 0;
  let valid = true;
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        const bom = byteOrderMark(chunk);
        if (bom) return bom;
        rejectBinary(chunk, display);
      }
      if (nonAsciiSeen === 0) {
        const at = chunk.findIndex((b) => b >= 0x80);
        if (at === -1) continue;
        nonAsciiSeen = chunk.length - at;
      } else {
        nonAsciiSeen += chunk.length;
      }
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
        break;
      }
      if (nonAsciiSeen >= UTF8_EVIDENCE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return { encoding: valid ? 'utf-8' : 'cp949', bomBytes: 0 };
}

function byteOrderMark(chunk: Buffer): DetectedEncoding | undefined {
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return undefined;
}

function rejectBinary(chunk: Buffer, display: string): void {
  const unreadable = (detail: string): BaasSmsError => new BaasSmsError('CAMPAIGN_FILE_UNREADABLE', { field: 'file', params: { input: display, kind: 'CSV', detail } });
  if (chunk.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw unreadable('it is a zip archive (an .xlsx workbook named .csv?); rename it to .xlsx');
  if (chunk.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw unreadable('it is an old Excel .xls workbook; save it as .xlsx or CSV');
  // Text in any 8-bit encoding has no NUL or other control bytes besides tab and line breaks; binary
  // files nearly always have some, early on.
  const control = chunk.subarray(0, 8192).findIndex((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c);
  if (control !== -1) throw unreadable(`binary content (control byte 0x${chunk[control].toString(16).padStart(2, '0')} at offset ${control})`);
}
