// Every bad input of issue 10 is a coded error or a row-level finding, never a crash and never
// mojibake: empty files, no phone column, a 200 MB file, binary renamed .csv, merged cells, formulas
// and dates in the phone column, an unknown variable, an unbalanced #{, and mixed encodings.
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as iconv from 'iconv-lite';
import writeExcelFile from './writeXlsx';
import { planCampaign, type CampaignPlanOptions } from '../../../src/campaign/campaignPlan';
import { BaasSmsError } from '../../../src/core/errors';
import { DEFAULT_RULES } from '../../../src/core/settings';

const options = (message = '#{이름}님 안녕하세요'): CampaignPlanOptions => ({ message, rules: DEFAULT_RULES, locale: 'en', now: new Date('2026-11-30T03:00:00Z') });

async function refusal(promise: Promise<unknown>): Promise<BaasSmsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BaasSmsError, `expected a coded error, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the plan to be refused');
}

describe('campaign plan: bad input', function () {
  this.timeout(30_000);
  let dir: string;
  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-bad-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an empty file, blank lines only, an empty sheet: CAMPAIGN_FILE_EMPTY', async () => {
    for (const content of ['', '\r\n\r\n', ' , \n']) {
      assert.equal((await refusal(planCampaign({ file: file('empty.csv', content) }, options()))).code, 'CAMPAIGN_FILE_EMPTY', JSON.stringify(content));
    }
    const xlsx = path.join(dir, 'empty.xlsx');
    await writeExcelFile([[{ value: '' }]] as never).toFile(xlsx);
    assert.equal((await refusal(planCampaign({ file: xlsx }, options()))).code, 'CAMPAIGN_FILE_EMPTY');
  });

  it('a header with no rows below it is a plan with nobody to send to, refused', async () => {
    const plan = await planCampaign({ file: file('header.csv', '이름,전화번호\r\n') }, options());
    assert.equal(plan.ready, false);
    assert.deepEqual(plan.refusals.map((r) => r.code), ['CAMPAIGN_NO_RECIPIENTS']);
  });

  it('no phone column: CAMPAIGN_NO_PHONE_COLUMN listing the headers; a chosen column that is not there: CAMPAIGN_COLUMN_NOT_FOUND', async () => {
    const csv = file('nophone.csv', '이름,주소\r\n홍길동,서울\r\n');
    const e = await refusal(planCampaign({ file: csv }, options()));
    assert.equal(e.code, 'CAMPAIGN_NO_PHONE_COLUMN');
    assert.match(e.describe('ko').message, /이름, 주소/);
    const chosen = await refusal(planCampaign({ file: csv }, { ...options(), phoneColumn: '핸드폰' }));
    assert.equal(chosen.code, 'CAMPAIGN_COLUMN_NOT_FOUND');
    const byNumber = await planCampaign({ file: file('bynumber.csv', '이름,번호\r\n홍길동,010-1234-5678\r\n') }, { ...options(), phoneColumn: '2' });
    assert.equal(byNumber.counts.valid_recipients, 1);
  });

  it('a 200 MB file is refused before it is read: CAMPAIGN_FILE_TOO_LARGE', async () => {
    const big = path.join(dir, 'huge.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    closeSync(fd);
    const e = await refusal(planCampaign({ file: big }, options()));
    assert.equal(e.code, 'CAMPAIGN_FILE_TOO_LARGE');
    assert.match(e.message, /200\.0 MiB.*50 MiB/);
  });

  it('binary content renamed .csv, an .xlsx renamed .csv, an old .xls: CAMPAIGN_FILE_UNREADABLE', async () => {
    const random = randomBytes(4096);
    random[10] = 0x01;
    assert.equal((await refusal(planCampaign({ file: file('photo.csv', random) }, options()))).code, 'CAMPAIGN_FILE_UNREADABLE');
    const xlsx = await writeExcelFile([[{ value: 'a' }]] as never).toBuffer();
    const renamed = await refusal(planCampaign({ file: file('book.csv', xlsx) }, options()));
    assert.match(renamed.message, /zip archive.*rename it to \.xlsx/);
    assert.equal((await refusal(planCampaign({ file: file('old.xls', 'x') }, options()))).code, 'CAMPAIGN_FILE_UNREADABLE');
    assert.equal((await refusal(planCampaign({ file: file('fake.xlsx', 'name,phone\n') }, options()))).code, 'CAMPAIGN_FILE_UNREADABLE');
  });

  it('a file that mixes CP949 into UTF-8 is refused with the row, not shown as mojibake', async () => {
    const utf8 = Buffer.from(`이름,전화번호\r\n${Array.from({ length: 3000 }, (_, i) => `가나다${i},010-1234-${String(i).padStart(4, '0')}`).join('\r\n')}\r\n`);
    const cp949Row = iconv.encode('김철수,010-9999-0000\r\n', 'cp949');
    const e = await refusal(planCampaign({ file: file('mixed.csv', Buffer.concat([utf8, cp949Row])) }, options()));
    assert.equal(e.code, 'CAMPAIGN_FILE_ENCODING');
    assert.equal(e.params.row, 3002);
  });

  it('merged cells in an .xlsx: the rows under a merged name are findings naming the row and the variable', async () => {
    const xlsx = path.join(dir, 'merged.xlsx');
    await writeExcelFile([
      [{ value: '이름' }, { value: '휴대폰' }],
      [{ value: '홍길동', rowSpan: 2 }, { value: '010-1234-5678' }],
      [null, { value: '010-2222-3333' }],
      [{ value: '두칸', columnSpan: 2 }, null],
    ] as never).toFile(xlsx);
    const plan = await planCampaign({ file: xlsx }, options());
    assert.equal(plan.counts.valid_recipients, 1);
    assert.deepEqual(plan.invalid_rows.map((r) => [r.row, r.code, r.column]), [[3, 'TEMPLATE_VARIABLE_MISSING', '이름'], [4, 'INVALID_PHONE_NUMBER', '휴대폰']]);
  });

  it('dates, TRUE/FALSE and an uncomputed formula in the phone column are row findings that say what the cell holds', async () => {
    const xlsx = path.join(dir, 'types.xlsx');
    await writeExcelFile([
      [{ value: '이름' }, { value: '휴대폰' }],
      [{ value: '가' }, { type: Date, value: new Date('2024-01-02T00:00:00Z'), format: 'yyyy-mm-dd' }],
      [{ value: '나' }, { type: Boolean, value: true }],
      [{ value: '다' }, { type: 'Formula', value: '="010"&"-1234-5678"' }],
      [{ value: '라' }, { type: Number, value: 1012345678.5 }],
    ] as never).toFile(xlsx);
    const plan = await planCampaign({ file: xlsx }, options());
    const reasons = plan.invalid_rows.map((r) => `${r.row} ${r.code} ${r.value} ${r.reason}`);
    assert.equal(plan.counts.valid_recipients, 0);
    assert.match(reasons[0], /^2 INVALID_PHONE_NUMBER 2024-01-02 .*a date, not a phone number/);
    assert.match(reasons[1], /^3 INVALID_PHONE_NUMBER true .*TRUE\/FALSE/);
    assert.match(reasons[2], /^4 INVALID_PHONE_NUMBER {2}.*empty/);
    assert.match(reasons[3], /^5 INVALID_PHONE_NUMBER 1012345678\.5 /);
  });

  it('an unknown variable or an unbalanced #{ is refused before any row is read', async () => {
    const csv = file('ok.csv', '이름,전화번호\r\n홍길동,010-1234-5678\r\n');
    const unknown = await refusal(planCampaign({ file: csv }, options('#{성함}님 안녕하세요')));
    assert.deepEqual([unknown.code, unknown.params.input], ['TEMPLATE_UNKNOWN_VARIABLE', '성함']);
    for (const [message, position] of [['#{이름님 안녕', 1], ['안녕 #{이름}님 #{', 11], ['#{}', 1], ['#{이#{름}}', 1]] as const) {
      const e = await refusal(planCampaign({ file: csv }, options(message)));
      assert.deepEqual([e.code, e.params.position], ['TEMPLATE_UNBALANCED', position], message);
    }
    // Refused before the list is opened: even a missing file gives the template's error.
    assert.equal((await refusal(planCampaign({ file: path.join(dir, 'absent.csv') }, options('#{')))).code, 'TEMPLATE_UNBALANCED');
    assert.equal((await refusal(planCampaign({ file: path.join(dir, 'absent.csv') }, options()))).code, 'CAMPAIGN_FILE_NOT_FOUND');
  });
});
