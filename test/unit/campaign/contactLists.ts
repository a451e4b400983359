// Contact lists generated for the campaign tests, with the answer known by construction: how many
// rows are bad (and why), how many repeat an earlier number, how many a long name tips into LMS.
import { writeFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';

export interface GeneratedList {
  lines: string[];
  rows: number;
  bad: number;
  duplicates: number;
  valid: number;
  /** Valid, non-duplicate rows whose name makes "#{이름}님 …" longer than 90 bytes. */
  lms: number;
  /** Row numbers (header = 1) of each kind of bad row. */
  badRows: { phone: number[]; emptyPhone: number[]; missingName: number[] };
}

export const TEMPLATE = '#{이름}님, 적립금 #{적립금}원이 이번 달 말에 사라집니다. 확인: shop.example.kr';

const phoneOf = (i: number): string => `010-${String(2000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`;
// Other spellings of the same number, as people type them: each must be caught as a duplicate.
const respell = (phone: string, k: number): string => [phone.replace(/-/g, ''), `+82 ${phone.slice(1)}`, phone.replace(/-/g, ' ')][k % 3];

/** `rows` data rows: `bad` invalid ones and `duplicates` repeats spread through, the rest valid. */
export function generateList(rows: number, bad: number, duplicates: number, longNames = 40): GeneratedList {
  const lines = ['이름,휴대폰,회원코드,적립금'];
  const badRows = { phone: [] as number[], emptyPhone: [] as number[], missingName: [] as number[] };
  // Positions chosen up front so that a bad row and a duplicate never compete for one row.
  const badAt = new Set(Array.from({ length: bad }, (_, k) => Math.floor(((k + 0.5) * rows) / bad)));
  const dupAt = new Set<number>();
  for (let k = 0; dupAt.size < duplicates; k++) {
    const i = Math.floor(((k + 0.25) * rows) / (duplicates + 50)) + 1;
    if (!badAt.has(i) && i > 1) dupAt.add(i);
  }
  let next = 0;
  let dupDone = 0;
  let lms = 0;
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    if (badAt.has(i)) {
      const kind = i % 3;
      if (kind === 0) { lines.push(`홍길동${i},011-123-${String(i % 10_000).padStart(4, '0')},m${i},100`); badRows.phone.push(row); }
      else if (kind === 1) { lines.push(`김영희${i},,m${i},100`); badRows.emptyPhone.push(row); }
      else { lines.push(`,${phoneOf(900_000 + i)},m${i},100`); badRows.missingName.push(row); }
    } else if (dupAt.has(i) && next > 0) {
      lines.push(`"중복, ${i}",${respell(phoneOf(dupDone % next), dupDone)},d${i},5`);
      dupDone++;
    } else {
      const long = lms < longNames && i % 97 === 5;
      if (long) lms++;
      lines.push(`${long ? '아주아주긴이름을가진고객님' : '고객'}${next},${phoneOf(next)},m${i},${(next % 50) * 100}`);
      next++;
    }
  }
  const badCount = badRows.phone.length + badRows.emptyPhone.length + badRows.missingName.length;
  if (badCount !== bad || dupDone !== duplicates) throw new Error(`generator: ${badCount} bad, ${dupDone} duplicates`);
  return { lines, rows, bad, duplicates, valid: rows - bad - duplicates, lms, badRows };
}

export function writeCsv(file: string, lines: string[], encoding: 'cp949' | 'utf-8' | 'utf-8-bom'): void {
  const text = lines.join('\r\n') + '\r\n';
  const bytes = encoding === 'cp949' ? iconv.encode(text, 'cp949') : Buffer.from(text, 'utf8');
  writeFileSync(file, encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
}
