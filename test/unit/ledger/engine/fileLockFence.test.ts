// The file engine's lock when clocks disagree: a lock's age is judged by the file system's clock
// (on NFS, the server's), not this process's.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../../../../src/core/logger';
import { currentOwner } from '../../../../src/ledger/engine/owner';
import { breakIfStale } from '../../../../src/ledger/engine/staleLock';
import { removeDir, tempDir } from '../ledgerFixtures';

describe('file lock: skewed clocks', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

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
