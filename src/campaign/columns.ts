// Which column holds the phone number and which the member code: chosen by the user (a header as
// written, or a 1-based column number), or found by header name. Every column is also a variable.
import { BaasSmsError } from '../core/errors';

export interface ColumnChoice {
  phone: number;
  /** -1 when the list has no member-code column: each number then serves as its own code. */
  memberCode: number;
}

// Compared after lower-casing and removing spaces, dashes, dots, underscores and brackets.
const PHONE_HEADERS = ['전화번호', '휴대폰', '휴대폰번호', '휴대전화', '휴대전화번호', '핸드폰', '핸드폰번호', '연락처', '전화', '휴대폰연락처', 'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'tel', 'telephone', 'hp', 'receiver', '수신번호', '수신자번호'];
const MEMBER_HEADERS = ['회원코드', '회원번호', '회원id', '회원아이디', '고객코드', '고객번호', '고객id', 'membercode', 'memberid', 'member', 'customerid', 'customercode', 'userid'];

const normalise = (header: string): string => header.toLowerCase().replace(/[\s\-._()[\]]/g, '');

export function chooseColumns(headers: readonly string[], options: { phoneColumn?: string; memberCodeColumn?: string } = {}): ColumnChoice {
  const phone = options.phoneColumn !== undefined ? chosen(headers, options.phoneColumn, 'phone_column') : detect(headers, PHONE_HEADERS, true);
  if (phone === -1) throw new BaasSmsError('CAMPAIGN_NO_PHONE_COLUMN', { field: 'phone_column', params: { headers: listHeaders(headers) } });
  let memberCode = options.memberCodeColumn !== undefined ? chosen(headers, options.memberCodeColumn, 'member_code_column') : detect(headers, MEMBER_HEADERS, false);
  if (memberCode === phone) memberCode = -1;
  return { phone, memberCode };
}

function detect(headers: readonly string[], names: readonly string[], contains: boolean): number {
  const normalised = headers.map(normalise);
  // Exact names first, in the order listed (전화번호 beats 전화), then a header containing a name that
  // cannot be part of an unrelated word ("고객 휴대폰", not "hotel" for tel).
  for (const name of names) {
    const i = normalised.indexOf(name);
    if (i !== -1) return i;
  }
  if (!contains) return -1;
  const distinctive = names.filter((name) => name.length >= 3 && !/^[a-z]{1,4}$/.test(name));
  return normalised.findIndex((h) => distinctive.some((name) => h.includes(name)));
}

function chosen(headers: readonly string[], choice: string, field: string): number {
  const text = choice.trim();
  const exact = headers.indexOf(text);
  if (exact !== -1) return exact;
  const loose = headers.map(normalise).indexOf(normalise(text));
  if (loose !== -1) return loose;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= headers.length) return Number(text) - 1;
  throw new BaasSmsError('CAMPAIGN_COLUMN_NOT_FOUND', { field, params: { input: text, headers: listHeaders(headers) } });
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.map((h, i) => (h.trim() === '' ? `(column ${i + 1}, no header)` : h));
  return shown.length === 0 ? '(none)' : shown.slice(0, 30).join(', ');
}
