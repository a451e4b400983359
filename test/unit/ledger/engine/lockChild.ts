// A separate process taking the file engine's lock, for fileLockRace.test.ts:
//   lockChild.ts <ledger file> contend <log> <sections> <kill chance> <abandon chance>
//     runs `sections` critical sections, each writing "start <pid>" and "end <pid>" to <log>; with
//     <kill chance> it writes "kill <pid>" instead of "end" and dies by SIGKILL, leaving its lock behind;
//     with <abandon chance> it leaves the section as if it had died: it writes "kill <pid>" and makes its
//     lock file say what a dead holder's says (the owner a process that has exited), so waiters break it.
//   lockChild.ts <ledger file> hold <log> <ms> <stale ms> <die>
//     takes the lock once, writes "start <pid>" and keeps it for <ms>, refreshing the lock file's time
//     (a heartbeat) every 100 ms, then writes "end <pid>" and lets go; or, with <die> = 1, writes
//     "kill <pid>" and dies by SIGKILL holding it. Prints "held" once inside.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { currentOwner } from '../../../../src/ledger/engine/owner';
import { silentLogger } from '../../../../src/core/logger';
import { FileLock } from '../../../../src/ledger/engine/fileLock';

function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* a holder busy inside its section */ }
}

async function main(): Promise<void> {
  const [file, command, a, b, c, d] = process.argv.slice(2);
  if (command === 'contend') {
    const deadPid = spawnSync('true').pid;
    const lock = new FileLock(file, silentLogger);
    for (let i = 0; i < Number(b); i++) {
      await lock.run(() => {
        fs.appendFileSync(a, `start ${process.pid}\n`);
        spin(1);
        if (Math.random() < Number(c)) {
          fs.appendFileSync(a, `kill ${process.pid}\n`);
          process.kill(process.pid, 'SIGKILL');
        }
        if (Math.random() < Number(d)) {
          fs.appendFileSync(a, `kill ${process.pid}\n`);
          fs.writeFileSync(lock.lockPath, JSON.stringify({ owner: { ...currentOwner(), pid: deadPid }, token: `dead-${i}` }));
          return;
        }
        fs.appendFileSync(a, `end ${process.pid}\n`);
      });
    }
    return;
  }
  const lock = new FileLock(file, silentLogger, { staleMs: Number(c) });
  await lock.run(() => {
    fs.appendFileSync(a, `start ${process.pid}\n`);
    fs.writeSync(1, 'held\n');
    for (const end = Date.now() + Number(b); Date.now() < end;) {
      spin(100);
      const now = new Date();
      fs.utimesSync(lock.lockPath, now, now);
    }
    if (d === '1') {
      fs.appendFileSync(a, `kill ${process.pid}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    fs.appendFileSync(a, `end ${process.pid}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
