// The file engine's lock under real contention (child processes, real files): holders that die holding
// it are broken by exactly one waiter at a time, so two processes are never inside at once; and a live
// holder in another pid namespace (a container sharing the volume: same host name, its pid dead or
// another process's here) is not judged dead while it refreshes its lock, only once it stops.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../../../../src/core/logger';
import { FileLock } from '../../../../src/ledger/engine/fileLock';
import { removeDir, tempDir } from '../ledgerFixtures';

const CHILD = path.join(__dirname, 'lockChild.ts');
/** A new pid namespace with its own /proc; a shell as its pid 1, since pid 1 ignores even SIGKILL from inside. */
const UNSHARED = ['unshare', '-pf', '--mount-proc', 'sh', '-c', '"$@"', 'sh'];

/** Runs lockChild.ts (optionally under `prefix`, e.g. unshare); resolves on exit; `onLine` sees its stdout lines. */
function child(args: string[], prefix: string[] = [], onLine: (line: string) => void = () => undefined): Promise<number | string> {
  const argv = [...prefix, process.execPath, '--require', 'tsx/cjs', CHILD, ...args];
  const proc = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stdout.on('data', (c: Buffer) => c.toString().split('\n').filter(Boolean).forEach(onLine));
  proc.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise((resolve, reject) => proc.on('close', (code, signal) => {
    if (code === 0 || signal === 'SIGKILL' || code === 137) resolve(signal ?? code ?? 0);
    else reject(new Error(`lock child exited ${code ?? signal}: ${err}`));
  }));
}

/** Reads the sections log: throws if one section starts before the previous ended (or its holder died). */
function sections(log: string): { entered: number; killed: number } {
  let inside: string | undefined;
  let entered = 0;
  let killed = 0;
  for (const line of fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [what, who] = line.split(' ');
    if (what === 'start') {
      assert.equal(inside, undefined, `${who} entered while ${inside} was inside (line ${entered + killed + 1})`);
      inside = who;
      entered++;
    } else {
      assert.equal(inside, who, `${what} by ${who}, who was not inside`);
      inside = undefined;
      if (what === 'kill') killed++;
    }
  }
  return { entered, killed };
}

describe('file lock: contention with stale locks (child processes)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('eight processes, holders dying inside by SIGKILL: each dead lock broken once, never two holders', async () => {
    const file = path.join(dir, 'ledger.jsonl');
    const log = path.join(dir, 'sections.log');
    // Eight slots, two children each: about half die holding the lock, and one section in five leaves a
    // dead holder's lock behind; every waiter races to break each of them.
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 2; i++) await child([file, 'contend', log, '60', '0.01', '0.2']);
    }));
    const { entered, killed } = sections(log);
    assert.ok(killed >= 40, `only ${killed} holders died: the race was not exercised`);
    assert.ok(entered >= 8 * 2, `${entered} sections`);
  });

  describe('a holder in another pid namespace (unshare: a container sharing the volume)', () => {
    before(function () {
      if (spawnSync('unshare', ['-pf', '--mount-proc', 'true']).status !== 0) this.skip(); // needs root and util-linux
    });

    async function contendWith(die: boolean): Promise<{ waitedMs: number; holderGone: number }> {
      const file = path.join(dir, 'ledger.jsonl');
      const log = path.join(dir, 'sections.log');
      let held!: () => void;
      const inside = new Promise<void>((resolve) => { held = resolve; });
      let holderGone = 0;
      const holder = child([file, 'hold', log, '2500', '1000', die ? '1' : '0'], UNSHARED, (line) => line === 'held' && held())
        .then(() => { holderGone = Date.now(); });
      await inside;
      const started = Date.now();
      // Three waiters here, judging staleness after 1 s without a refresh.
      await Promise.all([1, 2, 3].map((n) => new FileLock(file, silentLogger, { staleMs: 1000 }).run(() => {
        fs.appendFileSync(log, `start here-${n}\n`);
        fs.appendFileSync(log, `end here-${n}\n`);
      })));
      const waitedMs = Date.now() - started;
      await holder;
      sections(log);
      return { waitedMs, holderGone };
    }

    it('is not broken while it refreshes its lock, though its pid means nothing here', async () => {
      const { waitedMs } = await contendWith(false);
      assert.ok(waitedMs >= 2000, `a waiter entered after ${waitedMs} ms, while the holder (2.5 s) was inside`);
    });

    it('is broken once it stops refreshing (it died holding the lock)', async () => {
      const { waitedMs } = await contendWith(true);
      assert.ok(waitedMs >= 2000 && waitedMs < 15_000, `waited ${waitedMs} ms`);
    });
  });
});
