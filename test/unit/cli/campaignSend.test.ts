// `baas-sms-mcp campaign send | resume | status | report` in process: the plan printed first and
// nothing sent without --yes, exit codes 0/1/2, --sandbox, the status listing unknown batches, and
// the report's masked and full numbers. Live runs go to the BaaS emulator on 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCampaignCli } from '../../../src/cli/campaignCommand';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';

const KEY = 'campaign-cli-test-key-0c4e';

describe('baas-sms-mcp campaign send/resume/status/report', function () {
  this.timeout(30_000);
  let emulator: BaasEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-send-'));
    const lines = ['이름,휴대폰', ...Array.from({ length: 1500 }, (_, i) => `고객${i},010-5000-${String(i).padStart(4, '0')}`)];
    writeFileSync(path.join(dir, 'list.csv'), `${lines.join('\n')}\n`);
    env = { BAAS_API_KEY: KEY, BAAS_API_BASE_URL: emulator.url, PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_LANG: 'en', BAAS_LOG_LEVEL: 'error' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough();
    const err = new PassThrough();
    let o = '';
    let e = '';
    out.on('data', (c: Buffer) => (o += c.toString()));
    err.on('data', (c: Buffer) => (e += c.toString()));
    const code = await runCampaignCli(argv, env, out, err);
    return { code, out: o, err: e };
  }
  const send = (...extra: string[]) => run(['send', path.join(dir, 'list.csv'), '--message', '공지: 이번 달 적립금 소멸 안내', '--not-ad', '--pace', '1', '--out', dir, ...extra]);
  const idOf = (err: string): string => /campaign (cmp-[\w-]+):/.exec(err)![1];

  it('prints the plan and sends nothing without --yes (exit 1)', async () => {
    const r = await send();
    assert.equal(r.code, 1);
    assert.match(r.out, /1,500/);
    assert.match(r.err, /--yes/);
    assert.equal(emulator.commits().length, 0);
  });

  it('refuses a plan over its own --max-recipients before sending (exit 1)', async () => {
    const r = await send('--yes', '--max-recipients', '1000');
    assert.equal(r.code, 1);
    assert.match(r.err, /refused/);
    assert.equal(emulator.commits().length, 0);
  });

  it('sends with --yes (exit 0), shows progress on stderr; status and a masked report follow', async () => {
    const r = await send('--yes');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\[campaign\] batch 2 \(500 recipients\) sent — 2\/2/);
    assert.equal(emulator.commits().reduce((n, c) => n + c.recipients.length, 0), 1500);
    const id = idOf(r.err);
    const status = await run(['status', id]);
    assert.match(status.out, /2 sent \(1500 recipients\), 0 unknown/);
    assert.match(status.out, /started .* by \S+ on /);
    assert.equal((await run(['report', id, '--out', path.join(dir, 'r.csv')])).code, 0);
    const masked = readFileSync(path.join(dir, 'r.csv'), 'utf8');
    assert.equal(masked.trim().split('\r\n').length, 1501);
    assert.doesNotMatch(masked, /010-?5000-?\d{4}|0105000\d{4}/);
    assert.equal((await run(['report', id, '--out', path.join(dir, 'f.csv'), '--full-numbers'])).code, 0);
    assert.match(readFileSync(path.join(dir, 'f.csv'), 'utf8'), /010-5000-0042/);
  });

  it('exits 2 with an unknown batch, which status lists and resume does not send again', async () => {
    emulator.setFaults([{ mode: 'drop_after_commit', count: 1 }]);
    const r = await send('--yes');
    assert.equal(r.code, 2, r.err);
    const id = idOf(r.err);
    assert.match((await run(['status', id])).out, /CHECK batch 1 \(1000 recipients/);
    const resumed = await run(['resume', id]);
    assert.equal(resumed.code, 2, resumed.err);
    assert.match(resumed.err, /CHECK batch 1/);
    assert.deepEqual(emulator.commits().map((c) => c.recipients.length), [1000, 500]);
  });

  it('--sandbox sends without a key and resume/status accept it; an unknown id is a clear error', async () => {
    env = { BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LANG: 'en', BAAS_LOG_LEVEL: 'error' };
    const r = await send('--yes', '--sandbox');
    assert.equal(r.code, 0, r.err);
    assert.equal(emulator.commits().length, 0);
    assert.equal((await run(['resume', idOf(r.err), '--sandbox'])).code, 0);
    assert.match((await run(['status', idOf(r.err), '--sandbox'])).out, /\[sandbox\]/);
    const missing = await run(['status', 'cmp-nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /INVALID_INPUT \(ID\).*no campaign "cmp-nope"/);
  });
});
