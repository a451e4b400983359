// Issue 10's check, for real: a 20,000-row CP949 contact list (200 bad rows, 300 duplicates) sent by
// the BUILT dist/server.js (`campaign send … --yes`) live against the BaaS emulator on 127.0.0.1, the
// process killed with SIGKILL at five random points and `campaign resume`d each time. The emulator
// must receive every valid recipient exactly once (a batch caught mid-request may only be unknown:
// listed, never sent again), and the report must match the emulator's records.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { writeCsv } from './contactLists';

const KEY = 'campaign-kill-test-key-5b2c';
const SERVER = path.resolve('dist/server.js');
const PACE_MS = 200;
const MESSAGE = '#{등급} 고객님, 이번 달 적립금 소멸 안내입니다. 확인: shop.example.kr';

/** 20,000 rows: 200 bad (bad number, no number, no 등급), 300 repeats of earlier numbers respelled. */
function contactList(): { lines: string[]; valid: Set<string> } {
  const lines = ['이름,휴대폰,등급'];
  const valid = new Set<string>();
  const phone = (n: number): string => `010-${3000 + Math.floor(n / 10_000)}-${String(n % 10_000).padStart(4, '0')}`;
  let next = 0;
  for (let i = 0; i < 20_000; i++) {
    if (i % 100 === 50) {
      const k = i % 3;
      lines.push(k === 0 ? `나쁜${i},011-12-${i},VIP` : k === 1 ? `빈칸${i},,일반` : `무등급${i},${phone(50_000 + i)},`);
    } else if (i % 100 === 77 || (i % 100 === 88 && i % 200 === 88)) {
      lines.push(`중복${i},${phone(next - 5).replace(/-/g, '')},일반`);
    } else {
      valid.add(phone(next));
      lines.push(`고객${next},${phone(next)},${next % 2 === 0 ? 'VIP' : '일반'}`);
      next++;
    }
  }
  return { lines, valid };
}

describe('campaign send: killed with kill -9 five times and resumed, every valid recipient exactly once (dist/server.js, emulator)', function () {
  this.timeout(120_000);
  let emulator: BaasEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 300 });
    dir = mkdtempSync(path.join(tmpdir(), 'baas-campaign-kill-'));
    env = {
      ...process.env, BAAS_API_KEY: KEY, BAAS_API_BASE_URL: emulator.url, PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000',
      BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_SANDBOX: '', BAAS_LANG: 'en', BAAS_LOG_LEVEL: 'warn',
    };
  });
  after(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command; with `killAfter`, SIGKILLs it a random moment after that many progress lines. */
  // Never spawnSync: the emulator answers from this process's event loop.
  function run(args: string[], killAfter?: number): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SERVER, 'campaign', ...args], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      let lines = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const seen = (err.match(/^\[campaign\] batch /gm) ?? []).length;
        if (killAfter !== undefined && lines < killAfter && seen >= killAfter) {
          // Anywhere in the pause, or just into the next request.
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * (PACE_MS + 40)));
        }
        lines = seen;
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    });
  }

  it('plans exactly, survives five kills, and reports what the emulator received', async () => {
    const { lines, valid } = contactList();
    writeCsv(path.join(dir, 'customers.csv'), lines, 'cp949');
    const random = (): number => 1 + Math.floor(Math.random() * 3);

    const first = await run(['send', 'customers.csv', '--message', MESSAGE, '--not-ad', '--yes', '--pace', String(PACE_MS), '--max-recipients', '20000'], random());
    assert.equal(first.signal, 'SIGKILL', first.err);
    const id = /campaign (cmp-[\w-]+): (\d+) batches to (\d+) recipients/.exec(first.err);
    assert.ok(id, first.err);
    assert.equal(Number(id[3]), valid.size);
    const plan = JSON.parse(readFileSync(path.join(dir, `${id[1]}.plan.json`), 'utf8')) as { counts: Record<string, number>; batch_count: number };
    assert.deepEqual(plan.counts, { rows_read: 20_000, valid_recipients: 19_500, invalid_rows: 200, duplicates_dropped: 300 });

    for (let kill = 2; kill <= 5; kill++) {
      const resumed = await run(['resume', id[1]], random());
      assert.equal(resumed.signal, 'SIGKILL', `kill ${kill} came after the end:\n${resumed.err}`);
    }
    const last = await run(['resume', id[1]]);
    const status = await run(['status', id[1]]);
    const unknownBatches = [...status.out.matchAll(/CHECK batch (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(last.code, unknownBatches.length === 0 ? 0 : 2, `${last.err}\n${status.out}`);

    // Never twice: each number at most once in all the emulator received.
    const received = new Map<string, number>();
    for (const commit of emulator.commits()) {
      for (const r of commit.recipients) {
        assert.ok(!received.has(r.phone_number), `${r.phone_number} received twice`);
        received.set(r.phone_number, commit.group_id);
      }
    }
    // Everyone once, except a batch killed mid-request before the emulator took it: reported unknown.
    const missing = [...valid].filter((p) => !received.has(p));
    assert.ok(missing.length === 0 || unknownBatches.length > 0, `${missing.length} never sent and none unknown`);
    assert.ok(missing.length <= unknownBatches.length * 1000);
    assert.deepEqual([...received.keys()].filter((p) => !valid.has(p)), [], 'only valid recipients are sent to');

    await new Promise((r) => setTimeout(r, 400)); // past the emulator's delivery delay
    const report = await run(['report', id[1], '--out', 'report.csv', '--full-numbers']);
    assert.equal(report.code, 0, report.err);
    const rows = readFileSync(path.join(dir, 'report.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    assert.equal(rows.length, valid.size);
    for (const [, , , phone, , , state, , group, delivery] of rows) {
      if (state === 'sent') {
        assert.equal(Number(group), received.get(phone), `report's group for ${phone}`);
        assert.equal(delivery, '성공');
      } else {
        assert.ok(['unknown', 'pending'].includes(state), `${phone}: ${state}`);
      }
    }
    assert.equal(rows.filter((r) => r[6] === 'sent').length + missing.length + rows.filter((r) => r[6] !== 'sent' && received.has(r[3])).length, valid.size);

    const masked = await run(['report', id[1], '--out', 'masked.csv']);
    assert.equal(masked.code, 0, masked.err);
    assert.doesNotMatch(readFileSync(path.join(dir, 'masked.csv'), 'utf8'), /010-3\d{3}-\d{4}/, 'masked report shows no full number');
  });
});
