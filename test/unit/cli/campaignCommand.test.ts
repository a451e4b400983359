// `baas-sms-mcp campaign plan`: in process (exit codes, files written, errors on stderr) and through
// the BUILT dist/server.js, so that csv-parse and read-excel-file are known to work once bundled.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as iconv from 'iconv-lite';
import writeExcelFile from '../campaign/writeXlsx';
import { runCampaignCli } from '../../../src/cli/campaignCommand';
import type { CampaignPlan } from '../../../src/campaign/planTypes';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c: Buffer) => (o += c.toString()));
  err.on('data', (c: Buffer) => (e += c.toString()));
  const code = await runCampaignCli(argv, env, out, err);
  return { code, out: o, err: e };
}

describe('baas-sms-mcp campaign plan', function () {
  this.timeout(60_000);
  let dir: string;
  let csv: string;
  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-cli-'));
    csv = path.join(dir, '고객.csv');
    writeFileSync(csv, iconv.encode('이름,휴대폰,회원번호\r\n홍길동,010-1234-5678,u1\r\n김철수,01022223333,u2\r\n박영희,02-123-4567,u3\r\n', 'cp949'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the plan, writes .plan.md and .plan.json, and exits 0 when ready', async () => {
    const outDir = path.join(dir, 'plans');
    const r = await run(['plan', csv, '--message', '#{이름}님 주문하신 상품이 발송되었습니다.', '--out', outDir], { BAAS_PRICE_SMS: '8' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\| Valid recipients \| 2 \|/);
    assert.match(r.out, /\| 4 \| 휴대폰 \| 02-123-4567 \| `INVALID_PHONE_NUMBER`/);
    const files = readdirSync(outDir).sort();
    assert.deepEqual(files.map((f) => f.replace(/^cmp-[\d-]+-[0-9a-f]{6}/, 'ID')), ['ID.plan.json', 'ID.plan.md']);
    const plan = JSON.parse(readFileSync(path.join(outDir, files[0]), 'utf8')) as CampaignPlan;
    assert.equal(plan.estimated_cost_krw, 16, 'prices come from the rules config (BAAS_PRICE_SMS)');
    assert.deepEqual(plan.batches.map((b) => b.recipients[0].member_code), ['u1', 'u2']);
    assert.equal(readFileSync(path.join(outDir, files[1]), 'utf8'), r.out);
  });

  it('exits 1 with the reasons when the plan is refused or the input cannot be planned', async () => {
    const refused = await run(['plan', csv, '--message', '안내', '--max-recipients', '1', '--out', dir]);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /CAMPAIGN_LIMIT_EXCEEDED/);
    const bad = await run(['plan', csv, '--message', '#{성함}님', '--out', dir], { BAAS_LANG: 'ko' });
    assert.equal(bad.code, 1);
    assert.equal(bad.out, '');
    assert.match(bad.err, /TEMPLATE_UNKNOWN_VARIABLE \(message\): 메시지에 #\{성함\}/);
    for (const argv of [['plan', csv], ['plan', '--message', 'x'], ['plan', csv, '--message', 'x', '--pace', 'fast'], ['plan', csv, '--message', 'x', '--bogus'], ['send', csv]]) {
      const r = await run(argv);
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.err, /INVALID_INPUT/);
    }
  });

  it('the built dist/server.js plans an .xlsx (read-excel-file bundled) and keeps stdout for the plan', async () => {
    const xlsx = path.join(dir, 'list.xlsx');
    await writeExcelFile([[{ value: '이름' }, { value: 'Phone' }], [{ value: '민수' }, { value: '010-5555-6666' }]] as never).toFile(xlsx);
    const r = spawnSync(process.execPath, [path.resolve('dist/server.js'), 'campaign', 'plan', xlsx, '--message', '#{이름}님 안녕하세요', '--out', dir], { encoding: 'utf8', env: { ...process.env, BAAS_LANG: 'en' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Campaign plan: cmp-/);
    assert.match(r.stdout, /\| Contact list \| list\.xlsx \(xlsx\) \|/);
    assert.match(r.stderr, /plan written: .*\.plan\.json/);
  });

  it('the built stdio server answers plan_campaign for a file in its working folder, and refuses one outside it', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.resolve('dist/server.js'), '--sandbox'], cwd: dir, env: { ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl') }, stderr: 'pipe' });
    const client = new Client({ name: 't', version: '1' });
    await client.connect(transport);
    try {
      const ok = await client.callTool({ name: 'plan_campaign', arguments: { file_path: '고객.csv', message: '#{이름}님 안녕하세요' } });
      assert.deepEqual((ok.structuredContent as { counts: Record<string, number> }).counts, { rows_read: 3, valid_recipients: 2, invalid_rows: 1, duplicates_dropped: 0 });
      const outside = await client.callTool({ name: 'plan_campaign', arguments: { file_path: path.resolve('package.json'), message: 'x' } });
      assert.match((outside.content as Array<{ text: string }>)[0].text, /CAMPAIGN_PATH_NOT_ALLOWED/);
    } finally {
      await client.close();
    }
  });
});
