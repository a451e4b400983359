// The file engine's lock when its holder is alive but stalled past the stale age, and when clocks
// disagree. A stalled holder whose lock was broken must not append its claim afterwards (the fence in
// reserve()), and a lock's age is judged by the file system's clock, not this process's.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../../../../src/core/logger';
import { FileLedgerEngine } from '../../../../src/ledger/engine/fileEngine';
import { FileLock } from '../../../../src/ledger/engine/fileLock';
import { currentOwner } from '../../../../src/ledger/engine/owner';
import { breakIfStale } from '../../../../src/ledger/engine/staleLock';
import { removeDir, sendInit, tempDir } from '../ledgerFixtures';
import { keyClaim } from './engineContract';

const CHILD = path.join(__dirname, 'stallChild.ts');
/** A new pid namespace (a container sharing the volume): its pid means nothing here, so only time judges its lock. */
const UNSHARED = ['unshare', '-pf', '--mount-proc', 'sh', '-c', '"$@"', 'sh'];

/** Runs stallChild.ts in its own pid namespace; `onHeld` once it stalls holding the lock; resolves with its last line. */
function stalledHolder(file: string, key: string, stallMs: number, onHeld: () => void): Promise<Record<string, unknown>> {
  const argv = [...UNSHARED, process.execPath, '--require', 'tsx/cjs', CHILD, file, key, String(stallMs)];
  const proc = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('held\n')) onHeld();
  });
  proc.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise((resolve, reject) => proc.on('close', (code) => {
    if (code !== 0) reject(new Error(`stall child exited ${code}: ${err}`));
    else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>);
  }));
}

function claimsOf(file: string, key: string): Array<{ owner?: { pid: number } }> {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line) as { claim_key?: string; owner?: { pid: number } })
    .filter((record) => record.claim_key === `key:${key}`);
}

describe('file lock: a stalled holder and skewed clocks', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('a holder stalled past the stale age (another pid namespace) loses the lock and appends nothing: the key is claimed once', async function () {
    if (spawnSync('unshare', ['-pf', '--mount-proc', 'true']).status !== 0) this.skip(); // needs root and util-linux
    const file = path.join(dir, 'ledger.jsonl');
    const here = new FileLedgerEngine(file, { logger: silentLogger });
    // This process judges an unseen holder stale after 0.5 s (60 s in production) so the test is quick.
    (here as unknown as { lock: FileLock }).lock = new FileLock(file, silentLogger, { staleMs: 500 });
    await here.open();
    let ours!: Promise<unknown>;
    const child = await stalledHolder(file, 'once', 2500, () => {
      ours ??= here.reserve({ init: sendInit(), claim: keyClaim('once') });
    });
    const answer = await ours as { entry?: unknown };
    assert.ok(answer.entry, 'this process, which broke the stalled lock, reserved the key');
    assert.deepEqual(child, { error: 'LEDGER_UNAVAILABLE' }, 'the stalled holder refused its send once it woke');
    const claims = claimsOf(file, 'once');
    assert.equal(claims.length, 1, `the key was claimed ${claims.length} times`);
    assert.equal(claims[0].owner?.pid, process.pid);
  });

  it('the fence refuses once the lock file holds another token (in-process: the lock replaced mid-hold)', async () => {
    const lock = new FileLock(path.join(dir, 'ledger.jsonl'), silentLogger);
    await lock.run((fence) => {
      fence();
      fs.writeFileSync(lock.lockPath, JSON.stringify({ owner: currentOwner(), token: 'another-holder' }));
      assert.throws(fence, (error: { code?: string; outcome?: string; message: string }) =>
        error.code === 'LEDGER_UNAVAILABLE' && error.outcome === 'not_sent' && /broken by another process/.test(error.message));
    });
  });

  describe('a lock held by another machine, judged with this clock far off the file system\'s', () => {
    const realNow = Date.now;
    /** Breaks `lock` if stale while this process's clock reads `skewMs` off; true if it was removed. */
    function breaksWithSkew(lock: string, skewMs: number): boolean {
      Date.now = () => realNow() + skewMs;
      try {
        breakIfStale(lock, 60_000, silentLogger);
      } finally {
        Date.now = realNow;
      }
      return !fs.existsSync(lock);
    }
    function foreignLock(ageMs: number): string {
      const lock = path.join(dir, 'ledger.jsonl.lock');
      fs.writeFileSync(lock, JSON.stringify({ owner: { ...currentOwner(), host: 'another-machine' }, token: 't' }));
      const stamped = new Date(realNow() - ageMs);
      fs.utimesSync(lock, stamped, stamped);
      return lock;
    }

    it('a fresh lock is not broken though this clock runs 2 minutes ahead', () => {
      assert.equal(breaksWithSkew(foreignLock(0), 120_000), false);
    });

    it('a lock unrefreshed for 61 s is broken though this clock runs 2 minutes behind', () => {
      assert.equal(breaksWithSkew(foreignLock(61_000), -120_000), true);
    });

    it('a lock unrefreshed for 50 s (under the 60 s stale age) is not broken', () => {
      assert.equal(breaksWithSkew(foreignLock(50_000), 0), false);
    });
  });
});
