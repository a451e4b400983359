// The file engine: the contract, plus what only a file has (today's reader still reads it).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
