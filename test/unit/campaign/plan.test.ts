// planCampaign against generated contact lists whose answer is known by construction: a 20,000-row
// CP949 CSV with 200 bad rows and 300 duplicates, the same list as UTF-8 with and without a BOM, an
// .xlsx written by write-excel-file, and the batches sending will claim.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import writeExcelFile from './writeXlsx';
import { planCampaign, type CampaignPlanOptions } from '../../../src/campaign/campaignPlan';
import { DEFAULT_RULES } from '../../../src/core/settings';
import { measureText } from '../../../src/messaging/bytes';
import { generateList, TEMPLATE, writeCsv } from './contactLists';

const NOON_KST = new Date('2026-11-30T03:00:00Z');
const options = (over: Partial<CampaignPlanOptions> = {}): CampaignPlanOptions => ({ message: TEMPLATE, rules: DEFAULT_RULES, locale: 'en', now: NOON_KST, maxRecipients: 50_000, ...over });

describe('campaign plan: counts from generated lists', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const list = generateList(20_000, 200, 300);

  it('a 20,000-row CP949 CSV with 200 bad rows and 300 duplicates: every count exact', async () => {
    const file = path.join(dir, 'customers-cp949.csv');
    writeCsv(file, list.lines, 'cp949');
    const plan = await planCampaign({ file }, options());
    assert.equal(plan.source.encoding, 'cp949');
    assert.deepEqual(plan.counts, { rows_read: 20_000, valid_recipients: 19_500, invalid_rows: 200, duplicates_dropped: 300 });
    assert.deepEqual(plan.messages_by_type, { SMS: 19_500 - list.lms, LMS: list.lms, MMS: 0 });
    assert.equal(plan.tipped_into_lms, list.lms);
    assert.ok(list.lms > 0);
    assert.equal(plan.estimated_cost_krw, Math.round(((19_500 - list.lms) * 9.9 + list.lms * 30) * 10) / 10);
    // Each bad row by its row number, column and code.
    const byRow = new Map(plan.invalid_rows.map((r) => [r.row, r]));
    for (const row of list.badRows.phone) assert.equal(byRow.get(row)?.code, 'INVALID_PHONE_NUMBER');
    for (const row of list.badRows.emptyPhone) assert.match(byRow.get(row)?.reason ?? '', /empty/);
    for (const row of list.badRows.missingName) assert.deepEqual([byRow.get(row)?.code, byRow.get(row)?.column], ['TEMPLATE_VARIABLE_MISSING', '이름']);
    assert.match(byRow.get(list.badRows.missingName[0])?.reason ?? '', new RegExp(`Row ${list.badRows.missingName[0]} has no value for #\\{이름\\}`));
    // Decoded, not mojibake: the names are in the texts as written.
    assert.equal(plan.batches[0].message, '고객0님, 적립금 0원이 이번 달 말에 사라집니다. 확인: shop.example.kr');
    // Each duplicate points at the earlier row that keeps the number.
    for (const d of plan.duplicates) assert.ok(d.first_row < d.row);
  });

  it('the same list as UTF-8 with and without a BOM gives the same plan', async () => {
    const plans = [];
    for (const encoding of ['utf-8', 'utf-8-bom'] as const) {
      const file = path.join(dir, `customers-${encoding}.csv`);
      writeCsv(file, list.lines, encoding);
      plans.push(await planCampaign({ file }, options({ campaignId: 'cmp-test' })));
    }
    assert.deepEqual(plans.map((p) => p.source.encoding), ['utf-8', 'utf-8 (BOM)']);
    assert.deepEqual(plans[0].counts, { rows_read: 20_000, valid_recipients: 19_500, invalid_rows: 200, duplicates_dropped: 300 });
    assert.deepEqual(plans[1].batches, plans[0].batches);
    assert.equal(plans[1].source.headers[0], '이름', 'the BOM is not part of the first header');
  });

  it('Excel\'s "Unicode text" (UTF-16LE with BOM, tab-separated) and a semicolon-separated list', async () => {
    const tsv = path.join(dir, 'unicode.txt');
    writeFileSync(tsv, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('이름\t휴대폰\r\n홍길동\t010-1234-5678\r\n"김, 철수"\t010-2222-3333\r\n', 'utf16le')]));
    const utf16 = await planCampaign({ file: tsv }, options({ message: '#{이름}님' }));
    assert.equal(utf16.source.encoding, 'utf-16le');
    assert.deepEqual(utf16.batches.map((b) => b.message), ['홍길동님', '김, 철수님']);
    const semi = path.join(dir, 'semi.csv');
    writeFileSync(semi, '이름;휴대폰\n홍길동;010-1234-5678\n');
    assert.equal((await planCampaign({ file: semi }, options({ message: '#{이름}님' }))).counts.valid_recipients, 1);
  });

  it('an .xlsx list: cells keep their type; a phone typed as a number gets its leading zero back', async () => {
    const file = path.join(dir, 'customers.xlsx');
    const data = [
      ['이름', '전화번호', '등급'].map((value) => ({ value })),
      [{ value: '홍길동' }, { value: '010-1234-5678' }, { value: 'VIP' }],
      [{ value: '김철수' }, { type: Number, value: 1098765432 }, { value: '일반' }],
      [{ value: '이영희' }, { value: '01011112222' }, { value: 'VIP' }],
    ];
    await writeExcelFile(data as never).toFile(file);
    const plan = await planCampaign({ file }, options({ message: '#{이름}님(#{등급}) 감사합니다' }));
    assert.equal(plan.source.kind, 'xlsx');
    assert.equal(plan.counts.valid_recipients, 3);
    assert.deepEqual(plan.batches.flatMap((b) => b.recipients.map((r) => r.phone_number)), ['010-1234-5678', '010-9876-5432', '010-1111-2222']);
    assert.equal(plan.batches[1].message, '김철수님(일반) 감사합니다');
  });

  it('groups identical texts into batches of at most 1,000 with stable ids and idempotency keys', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ phone: `010-3000-${String(i).padStart(4, '0')}`, 등급: i % 5 === 0 ? 'VIP' : '일반' }));
    const plan = await planCampaign({ rows }, options({ message: '#{등급} 고객님께 드리는 안내입니다.', campaignId: 'cmp-fixed' }));
    assert.deepEqual(plan.batches.map((b) => [b.message.slice(0, 3), b.recipients.length]), [['VIP', 500], ['일반 ', 1000], ['일반 ', 1000]]);
    assert.deepEqual(plan.batches.map((b) => b.id), ['cmp-fixed-b0001', 'cmp-fixed-b0002', 'cmp-fixed-b0003']);
    assert.deepEqual(plan.batches.map((b) => b.idempotency_key), ['cmp-fixed:batch:1', 'cmp-fixed:batch:2', 'cmp-fixed:batch:3']);
    assert.deepEqual([plan.batches[0].rows[0], plan.batches[1].rows[0]], [1, 2], 'batches in order of first appearance: row 1 is VIP, row 2 일반');
    assert.equal(plan.batches[0].message_bytes, measureText(plan.batches[0].message).bytes);
    assert.equal(plan.source.member_code_column, null);
    assert.equal(plan.batches[1].recipients[0].member_code, '01030000001', 'no member-code column: the number is the code');
  });

  it('refuses, with the reason, a campaign over its own limit or an advertisement missing its opt-out', async () => {
    const rows = [{ 휴대폰: '010-1111-0001' }, { 휴대폰: '010-1111-0002' }];
    const over = await planCampaign({ rows }, options({ message: '안내', maxRecipients: 1 }));
    assert.equal(over.ready, false);
    assert.deepEqual(over.refusals.map((r) => r.code), ['CAMPAIGN_LIMIT_EXCEEDED']);
    const ad = await planCampaign({ rows }, options({ message: '(광고) 주말 특가 할인 02-123-4567' }));
    assert.deepEqual(ad.refusals.map((r) => r.code), ['ADVERTISING_RULES']);
    assert.deepEqual(ad.advertising.missing, ['opt_out']);
    const fine = await planCampaign({ rows }, options({ message: '(광고) 주말 특가 할인 02-123-4567 무료수신거부 080-123-4567' }));
    assert.equal(fine.ready, true);
  });

  it('reports unsendable characters with the rows they occur in, and an MMS by its subject', async () => {
    const rows = [{ 이름: '민수😀', 연락처: '010-1111-0001' }, { 이름: '지은', 연락처: '010-1111-0002' }, { 이름: '하늘😀', 연락처: '010-1111-0003' }];
    const plan = await planCampaign({ rows }, options({ message: '#{이름}님 안녕하세요', subject: '안내', imageUrls: ['https://example.com/a.jpg'] }));
    assert.deepEqual(plan.unsendable_characters, [{ char: '😀', rows: [1, 3] }]);
    assert.deepEqual(plan.invalid_rows.map((r) => [r.row, r.code]), [[1, 'UNSENDABLE_CHARACTERS'], [3, 'UNSENDABLE_CHARACTERS']]);
    assert.deepEqual(plan.messages_by_type, { SMS: 0, LMS: 0, MMS: 1 });
    assert.equal(plan.estimated_cost_krw, 100);
  });
});
