// What the campaign codes say (contact list, template, plan), in English and Korean. Kept apart from
// errorMessages.ts only for size; errorText() reads both as one catalogue.
import type { CatalogueEntry } from './errorMessages';

type CampaignCode =
  | 'CAMPAIGN_FILE_NOT_FOUND' | 'CAMPAIGN_FILE_EMPTY' | 'CAMPAIGN_FILE_TOO_LARGE' | 'CAMPAIGN_FILE_UNREADABLE'
  | 'CAMPAIGN_FILE_ENCODING' | 'CAMPAIGN_PATH_NOT_ALLOWED' | 'CAMPAIGN_NO_PHONE_COLUMN' | 'CAMPAIGN_COLUMN_NOT_FOUND'
  | 'CAMPAIGN_NO_RECIPIENTS' | 'CAMPAIGN_LIMIT_EXCEEDED' | 'TEMPLATE_UNBALANCED' | 'TEMPLATE_UNKNOWN_VARIABLE'
  | 'TEMPLATE_VARIABLE_MISSING';

const s = (v: string | number | boolean | undefined): string => String(v ?? '');

export const CAMPAIGN_MESSAGES: Record<CampaignCode, CatalogueEntry> = {
  CAMPAIGN_FILE_NOT_FOUND: {
    en: (p) => `Cannot open the contact list "${s(p.input)}"${p.detail ? ` (${s(p.detail)})` : ''}.`,
    ko: (p) => `연락처 파일 "${s(p.input)}"을(를) 열 수 없습니다${p.detail ? ` (${s(p.detail)})` : ''}.`,
    hintEn: () => 'Check the path; give a .csv or .xlsx file.',
    hintKo: () => '경로를 확인하고 .csv 또는 .xlsx 파일을 지정하세요.',
  },
  CAMPAIGN_FILE_EMPTY: {
    en: () => 'The contact list has no rows (or only a header).',
    ko: () => '연락처 파일에 행이 없습니다 (또는 머리글만 있습니다).',
    hintEn: () => 'Give a file with a header row and at least one contact below it.',
    hintKo: () => '머리글 행과 그 아래 연락처가 한 줄 이상 있는 파일을 지정하세요.',
  },
  CAMPAIGN_FILE_TOO_LARGE: {
    en: (p) => `The contact list is ${s(p.actual)} MiB; a ${s(p.kind)} file may be at most ${s(p.max)} MiB.`,
    ko: (p) => `연락처 파일이 ${s(p.actual)}MiB입니다. ${s(p.kind)} 파일은 최대 ${s(p.max)}MiB까지 읽을 수 있습니다.`,
    hintEn: () => 'Split the list into several files (or keep only the columns the message uses) and plan each.',
    hintKo: () => '목록을 여러 파일로 나누거나 메시지에 쓰는 열만 남겨 각각 계획하세요.',
  },
  CAMPAIGN_FILE_UNREADABLE: {
    en: (p) => `"${s(p.input)}" is not a readable ${s(p.kind)} contact list: ${s(p.detail)}.`,
    ko: (p) => `"${s(p.input)}"은(는) 읽을 수 있는 ${s(p.kind)} 연락처 파일이 아닙니다: ${s(p.detail)}.`,
    hintEn: () => 'Save the list from Excel as "CSV UTF-8" or as an .xlsx workbook and try again.',
    hintKo: () => 'Excel에서 "CSV UTF-8" 또는 .xlsx 통합 문서로 다시 저장한 뒤 시도하세요.',
  },
  CAMPAIGN_FILE_ENCODING: {
    en: (p) => `Row ${s(p.row)} has bytes that are not valid ${s(p.encoding)}: the file mixes text encodings.`,
    ko: (p) => `${s(p.row)}행에 ${s(p.encoding)}로 읽을 수 없는 바이트가 있습니다: 파일에 인코딩이 섞여 있습니다.`,
    hintEn: () => 'Open the file in Excel and save it again as "CSV UTF-8" (or .xlsx); nothing was read as garbled text.',
    hintKo: () => 'Excel에서 파일을 열어 "CSV UTF-8"(또는 .xlsx)로 다시 저장하세요. 깨진 글자로 읽은 것은 없습니다.',
  },
  CAMPAIGN_PATH_NOT_ALLOWED: {
    en: (p) => `"${s(p.input)}" is outside the folders this server may read (${s(p.roots)}).`,
    ko: (p) => `"${s(p.input)}"은(는) 이 서버가 읽을 수 있는 폴더(${s(p.roots)}) 밖에 있습니다.`,
    hintEn: () => 'Move the contact list into the workspace, or pass its rows inline.',
    hintKo: () => '연락처 파일을 작업 영역 안으로 옮기거나 행을 직접 넘기세요.',
  },
  CAMPAIGN_NO_PHONE_COLUMN: {
    en: (p) => `No phone column found among the headers: ${s(p.headers)}.`,
    ko: (p) => `머리글에서 전화번호 열을 찾지 못했습니다: ${s(p.headers)}.`,
    hintEn: () => 'Name the column 전화번호, 휴대폰, 연락처 or phone, or choose it (--phone-column / phone_column).',
    hintKo: () => '열 이름을 전화번호, 휴대폰, 연락처, phone 중 하나로 바꾸거나 직접 지정하세요 (--phone-column / phone_column).',
  },
  CAMPAIGN_COLUMN_NOT_FOUND: {
    en: (p) => `There is no column "${s(p.input)}"; the headers are: ${s(p.headers)}.`,
    ko: (p) => `"${s(p.input)}" 열이 없습니다. 머리글: ${s(p.headers)}.`,
    hintEn: () => 'Give a header exactly as written in the first row, or its column number (1 = first).',
    hintKo: () => '첫 행에 적힌 그대로의 머리글이나 열 번호(1 = 첫 열)를 지정하세요.',
  },
  CAMPAIGN_NO_RECIPIENTS: {
    en: (p) => `None of the ${s(p.rows)} rows can be sent to.`,
    ko: (p) => `${s(p.rows)}개 행 중 보낼 수 있는 행이 없습니다.`,
    hintEn: () => 'See the invalid rows in the plan, correct the file and plan again.',
    hintKo: () => '계획의 잘못된 행 목록을 보고 파일을 고친 뒤 다시 계획하세요.',
  },
  CAMPAIGN_LIMIT_EXCEEDED: {
    en: (p) => `The campaign has ${s(p.actual)} recipients, over its limit of ${s(p.max)}.`,
    ko: (p) => `캠페인 수신자가 ${s(p.actual)}명으로 한도 ${s(p.max)}명을 넘습니다.`,
    hintEn: () => 'Raise the campaign limit on purpose (--max-recipients / max_recipients) or send a shorter list.',
    hintKo: () => '의도한 경우 캠페인 한도(--max-recipients / max_recipients)를 올리거나 목록을 줄이세요.',
  },
  TEMPLATE_UNBALANCED: {
    en: (p) => `The message has "#{" without a closing "}" at character ${s(p.position)}.`,
    ko: (p) => `메시지의 ${s(p.position)}번째 글자에 닫는 "}" 없는 "#{"가 있습니다.`,
    hintEn: () => 'Write variables as #{column name}, e.g. #{이름}.',
    hintKo: () => '변수는 #{열 이름} 형태로 쓰세요 (예: #{이름}).',
  },
  TEMPLATE_UNKNOWN_VARIABLE: {
    en: (p) => `The message uses #{${s(p.input)}}, but the list has no such column (columns: ${s(p.headers)}).`,
    ko: (p) => `메시지에 #{${s(p.input)}}가 있지만 목록에 그런 열이 없습니다 (열: ${s(p.headers)}).`,
    hintEn: () => 'Use a column header exactly as written in the first row.',
    hintKo: () => '첫 행에 적힌 머리글을 그대로 쓰세요.',
  },
  TEMPLATE_VARIABLE_MISSING: {
    en: (p) => `Row ${s(p.row)} has no value for #{${s(p.input)}}.`,
    ko: (p) => `${s(p.row)}행에 #{${s(p.input)}} 값이 없습니다.`,
    hintEn: () => 'Fill the cell, or remove the row; it is left out of the campaign.',
    hintKo: () => '칸을 채우거나 행을 지우세요. 이 행은 캠페인에서 빠집니다.',
  },
};
