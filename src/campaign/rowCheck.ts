// One row judged as a single send would judge it: the phone number normalised, the member code
// present, the template filled, the text within the EUC-KR limits and free of unsendable characters.
// A problem becomes a row-level finding (row number, column, value, coded reason), never an exception.
import type { ErrorCode } from '../core/errorCodes';
import { BaasSmsError } from '../core/errors';
import { errorText } from '../core/errorMessages';
import type { Locale } from '../core/locale';
import type { MessageKind, MessageType, RulesConfig } from '../core/types';
import { describeCharacter, measureByCodePoint } from '../messaging/bytes';
import { MAX_MESSAGE_BYTES } from '../messaging/limits';
import { classifyMessage } from '../messaging/messageType';
import { normalizePhoneNumber } from '../messaging/phone';
import type { CellValue, ContactRow } from './contactTypes';
import { fillTemplate, type Template } from './template';
import type { InvalidRow } from './planTypes';
import { cellText } from './xlsxReader';

export interface RowContext {
  template: Template;
  headers: string[];
  /** Column index of each template variable. */
  columnOf: ReadonlyMap<string, number>;
  phone: number;
  memberCode: number;
  kind: MessageKind;
  rules: RulesConfig;
  locale: Locale;
}

export interface CheckedRow {
  phone_number: string;
  member_code: string;
  text: string;
  bytes: number;
  type: MessageType;
}

export type RowResult = { ok: CheckedRow; invalid?: undefined; unsendable?: undefined } | { ok?: undefined; invalid: InvalidRow; unsendable?: string[] };

const DETAIL: Record<'empty' | 'date' | 'boolean', Record<Locale, string>> = {
  empty: { en: ' (the cell is empty)', ko: ' (빈 칸입니다)' },
  date: { en: ' (the cell holds a date, not a phone number)', ko: ' (전화번호가 아니라 날짜가 든 칸입니다)' },
  boolean: { en: ' (the cell holds TRUE/FALSE)', ko: ' (TRUE/FALSE 값이 든 칸입니다)' },
};

export function checkRow({ row, cells }: ContactRow, ctx: RowContext): RowResult {
  const finding = (column: string, value: string, code: ErrorCode, params: Record<string, string | number>, detail = ''): RowResult => ({
    invalid: { row, column, value, code, reason: errorText(code, params, ctx.locale).message + detail },
  });
  const phoneColumn = ctx.headers[ctx.phone] || `#${ctx.phone + 1}`;
  const phoneCell = cells[ctx.phone] ?? null;
  const phoneText = phoneValue(phoneCell);
  const oddCell = phoneCell === null || phoneCell === '' ? 'empty' : phoneCell instanceof Date ? 'date' : typeof phoneCell === 'boolean' ? 'boolean' : undefined;
  let phone_number: string;
  try {
    if (oddCell) throw new BaasSmsError('INVALID_PHONE_NUMBER');
    phone_number = normalizePhoneNumber(phoneText);
  } catch {
    return finding(phoneColumn, cellText(phoneCell), 'INVALID_PHONE_NUMBER', { input: cellText(phoneCell) }, oddCell ? DETAIL[oddCell][ctx.locale] : '');
  }

  let member_code = phone_number.replace(/-/g, '');
  if (ctx.memberCode !== -1) {
    member_code = cellText(cells[ctx.memberCode] ?? null).trim();
    if (member_code === '') return finding(ctx.headers[ctx.memberCode], '', 'INVALID_MEMBER_CODE', {}, DETAIL.empty[ctx.locale]);
  }

  const filled = fillTemplate(ctx.template, (name) => cellText(cells[ctx.columnOf.get(name) ?? -1] ?? null));
  if (filled.missing !== undefined) return finding(filled.missing, '', 'TEMPLATE_VARIABLE_MISSING', { row, input: filled.missing });
  const { text } = filled;
  // Per code point (widths cached): no Buffer per row, which at 100,000 rows is most of the cost.
  const size = measureByCodePoint(text);
  if (size.unencodable.length > 0) {
    const result = finding('message', size.unencodable.join(''), 'UNSENDABLE_CHARACTERS', { chars: size.unencodable.map(describeCharacter).join(', ') });
    return { invalid: result.invalid!, unsendable: size.unencodable };
  }
  if (size.bytes > MAX_MESSAGE_BYTES) return finding('message', `${size.bytes} bytes`, 'MESSAGE_TOO_LONG', { actual: size.bytes, max: MAX_MESSAGE_BYTES });
  return { ok: { phone_number, member_code, text, bytes: size.bytes, type: classifyMessage(ctx.kind, size.bytes, ctx.rules.smsByteLimit) } };
}

/**
 * The phone cell as text. Excel stores a number typed as 01012345678 as 1012345678, dropping the
 * leading zero; ten digits starting with 10 can only be that, so the zero is put back.
 */
function phoneValue(cell: CellValue): string {
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : '') : cellText(cell);
  return /^10\d{8}$/.test(text.trim()) ? `0${text.trim()}` : text;
}
