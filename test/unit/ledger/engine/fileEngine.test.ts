// The file engine: the contract, plus what only a file has (today's reader still reads it).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentOwner } from '../../../../src/ledger/engine/owner';
import { FileLedgerEngine } from '../../../../src/ledger/engine/fileEngine';
import { SendLedger } from '../../../../src/ledger/sendLedger';
import { parseRecord } from '../../../../src/ledger/ledgerRecords';
import { removeDir, sendInit, tempDir } from '../ledgerFixtures';
import { describeEngineContract, keyClaim } from './engineContract';

const dirs = new Map<FileLedgerEngine, string>();
describeEngineContract('file engine', () => {
  const dir = tempDir();
  const engine = new FileLedgerEngine(path.join(dir, 'ledger.jsonl'));
  dirs.set(engine, dir);
  return Promise.resolve(engine);
}, (engine) => {
  removeDir(dirs.get(engine as FileLedgerEngine)!);
  return Promise.resolve();
});

describe('file engine: the file itself', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('writes lines today\'s reader (SendLedger, parseRecord) reads, claim fields included', async () => {
    const file = path.join(dir, 'ledger.jsonl');
    const engine = new FileLedgerEngine(file);
    await engine.open();
    const entry = (await engine.reserve({ init: sendInit(), claim: keyClaim('old-reader') })).entry!;
    await engine.recordOutcome(entry.id, { outcome: 'sent', group_id: 42 });
    for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) assert.ok(parseRecord(line), line);
    const read = new SendLedger(file).get(entry.id);
    assert.equal(read?.outcome, 'sent');
    assert.equal(read?.group_id, 42);
  });

  it('a second engine on the same file (another process\'s view) sees the claim and the budget spent', async () => {
    const file = path.join(dir, 'ledger.jsonl');
    const a = new FileLedgerEngine(file);
    const b = new FileLedgerEngine(file);
    const limits = { maxSendsPerMinute: 100, maxRecipientsPerDay: 2 };
    const first = (await a.reserve({ init: sendInit(), claim: keyClaim('shared'), budget: limits })).entry!;
    assert.equal((await b.reserve({ init: sendInit(), claim: keyClaim('shared'), budget: limits })).earlier?.id, first.id);
    await b.reserve({ init: sendInit(), claim: keyClaim('other'), budget: limits });
    await assert.rejects(a.reserve({ init: sendInit(), claim: keyClaim('third'), budget: limits }), { code: 'SPEND_LIMIT_EXCEEDED' });
  });

  it('open() refuses a file it cannot write with LEDGER_UNAVAILABLE naming BAAS_LEDGER_FILE', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const engine = new FileLedgerEngine(path.join(blocker, 'ledger.jsonl'));
    await assert.rejects(engine.open(), (e: { code: string; field: string; describe: (l: 'en') => { hint: string } }) =>
      e.code === 'LEDGER_UNAVAILABLE' && e.field === 'BAAS_LEDGER_FILE' && e.describe('en').hint.includes('BAAS_LEDGER_FILE'));
  });
});

describe('file engine: the cross-process lock', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('breaks a lock left by a process that is gone, at once', async () => {
    const file = path.join(dir, 'ledger.jsonl');
    // A pid that is certainly free: beyond the kernel's pid_max.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ owner: { ...currentOwner(), pid: 2 ** 22 + 1, start: '1' }, token: 'dead' }));
    const started = Date.now();
    assert.ok((await new FileLedgerEngine(file).reserve({ init: sendInit(), claim: keyClaim('after-crash') })).entry);
    assert.ok(Date.now() - started < 1000);
    assert.equal(fs.existsSync(`${file}.lock`), false, 'released after use');
  });

  it('breaks a lock older than 60 s whose owner cannot be checked (another host), and waits for a fresh one', async () => {
    const file = path.join(dir, 'ledger.jsonl');
    const lock = `${file}.lock`;
    fs.writeFileSync(lock, JSON.stringify({ owner: { host: 'another-host', pid: 1, start: '1' }, token: 'old' }));
    const old = new Date(Date.now() - 61_000);
    fs.utimesSync(lock, old, old);
    assert.ok((await new FileLedgerEngine(file).reserve({ init: sendInit(), claim: keyClaim('stale') })).entry);
    fs.writeFileSync(lock, JSON.stringify({ owner: { host: 'another-host', pid: 1, start: '1' }, token: 'fresh' }));
    let done = false;
    const waiting = new FileLedgerEngine(file).reserve({ init: sendInit(), claim: keyClaim('waits') }).then((a) => { done = true; return a; });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(done, false, 'a fresh lock of a live holder is waited for');
    fs.unlinkSync(lock);
    assert.ok((await waiting).entry);
  });
});
