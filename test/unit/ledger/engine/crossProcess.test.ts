// Several processes on one ledger (child processes, real files, the real PostgreSQL server): lines are
// never lost or interleaved, a key is claimed by exactly one process, and a send left pending by a
// process killed with -9 reads as unknown at once, not after the stale age.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLedgerEngine } from '../../../../src/ledger/engine/createLedgerEngine';
import { parseRecord } from '../../../../src/ledger/ledgerRecords';
import { silentLogger } from '../../../../src/core/logger';
import { postgresDatabase } from '../../../support/postgres';
import { removeDir, tempDir } from '../ledgerFixtures';

const CHILD = path.join(__dirname, 'ledgerChild.ts');

/** Starts every child, waits until each has its ledger open, says "go" to all at once; resolves with each one's last line. */
async function runChildren(argsList: string[][]): Promise<string[]> {
  const children = argsList.map((args) => spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const ready: Array<Promise<void>> = [];
  const outputs = children.map((child) => new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    ready.push(new Promise((isReady) => child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.startsWith('ready\n')) isReady();
    })));
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('close', (code, signal) => (code === 0 || signal === 'SIGKILL' ? resolve(out.trim().split('\n').pop()!) : reject(new Error(`child exited ${code}: ${err}`))));
  }));
  await Promise.all(ready);
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(outputs);
}

describe('ledger file: concurrent writers without the lock (child processes)', function () {
  this.timeout(60_000);
  it('four processes appending 200 lines of 8 KiB each at once: 800 whole lines, none lost or interleaved', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'ledger.jsonl');
      await runChildren([1, 2, 3, 4].map((p) => [file, 'append', `w${p}`, '200']));
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
      assert.equal(lines.length, 800);
      const ids = new Set(lines.map((line) => parseRecord(line)?.id));
      assert.equal(ids.size, 800, 'every line whole and distinct');
    } finally {
      removeDir(dir);
    }
  });
});

for (const engineKind of ['file', 'postgres'] as const) {
  describe(`${engineKind} engine across processes (child processes)`, function () {
    this.timeout(60_000);
    let dir: string;
    let location: string;
    beforeEach(async () => {
      dir = tempDir();
      location = engineKind === 'file' ? path.join(dir, 'ledger.jsonl') : await postgresDatabase('cross');
    });
    afterEach(() => removeDir(dir));

    it('four processes claiming the same key at once: exactly one reserves, three get the earlier send', async () => {
      const results = (await runChildren([1, 2, 3, 4].map(() => [location, 'reserve', 'same-key', '1']))).map((line) => JSON.parse(line) as { reserved: number; earlier: number });
      assert.equal(results.reduce((n, r) => n + r.reserved, 0), 1);
      assert.equal(results.reduce((n, r) => n + r.earlier, 0), 3);
    });

    it('four processes reserving 50 sends each: 200 records, none lost, every line whole', async () => {
      const results = (await runChildren([1, 2, 3, 4].map((p) => [location, 'reserve', `p${p}`, '50']))).map((line) => JSON.parse(line) as { reserved: number });
      assert.equal(results.reduce((n, r) => n + r.reserved, 0), 200);
      if (engineKind === 'file') {
        // Read before anyone opens the ledger again (that start records the children's sends as unknown).
        const lines = fs.readFileSync(location, 'utf8').split('\n').filter(Boolean);
        assert.equal(lines.length, 200);
        for (const line of lines) assert.ok(parseRecord(line), `not a whole record: ${line.slice(0, 80)}`);
      }
      const engine = createLedgerEngine({ url: engineKind === 'postgres' ? location : undefined, file: location, logger: silentLogger });
      await engine.open();
      const seen = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await engine.list({ offset, limit: 100 });
        for (const entry of page.entries) seen.add(entry.claim_key!);
        if (!page.has_more) break;
      }
      await engine.close();
      assert.equal(seen.size, 200);
    });

    it('a process killed with -9 after reserving: the next start reports its send unknown at once and records that', async () => {
      const [line] = await runChildren([[location, 'crash', 'crash-key']]);
      const { id } = JSON.parse(line) as { id: string };
      const engine = createLedgerEngine({ url: engineKind === 'postgres' ? location : undefined, file: location, logger: silentLogger });
      const recovered = await engine.open();
      assert.deepEqual(recovered.map((e) => e.id), [id]);
      assert.equal((await engine.get(id))?.outcome, 'unknown');
      const claim = { key: 'key:crash-key', fingerprint: 'fp-a', holdMs: 86_400_000 };
      assert.equal((await engine.lookupClaim(claim))?.outcome, 'unknown', 'the claim still holds: the send may have gone out');
      await engine.close();
    });
  });
}
