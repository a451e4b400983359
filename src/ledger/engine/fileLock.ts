// The file engine's critical section, one holder at a time across every process on the machine that
// uses the same ledger file: `<file>.lock`, created with O_EXCL (atomic on local file systems) and
// holding its owner (host, pid, process start) and a random token. Held only for synchronous work
// (a few file reads and one append), so a lock older than STALE_MS, or whose owner on this host is
// gone, was left by a process that died holding it and is broken. Synchronous system calls: taking and
// releasing it costs tens of microseconds, where an asynchronous lock library cost a millisecond a send.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaasSmsError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { nodeCrypto } from '../../core/nodeBuiltins';
import { currentOwner, ownerGone, type ProcessOwner } from './owner';

/** No live holder keeps the lock this long: its work is synchronous and takes milliseconds. */
const STALE_MS = 10_000;
/** Waiting longer than this for a lock means something is wrong: say so rather than hang a send. */
const GIVE_UP_MS = 30_000;

interface LockContent { owner: ProcessOwner; token: string }

export class FileLock {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string, private readonly logger: Logger) {}

  get lockPath(): string {
    return `${this.file}.lock`;
  }

  /** Runs the synchronous `task` while holding the lock; throws what `task` throws, or LEDGER_UNAVAILABLE. */
  run<T>(task: () => T): Promise<T> {
    // One waiter per process at a time: the others wait here, not by polling the file.
    const result = this.queue.then(() => this.locked(task));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async locked<T>(task: () => T): Promise<T> {
    const token = nodeCrypto().randomUUID();
    const started = Date.now();
    for (let wait = 1; !this.tryAcquire(token); wait = Math.min(wait * 2, 20)) {
      if (Date.now() - started > GIVE_UP_MS) {
        throw new BaasSmsError('LEDGER_UNAVAILABLE', {
          params: { location: this.file, detail: `another process has held ${this.lockPath} for over ${GIVE_UP_MS / 1000} s`, setting: 'BAAS_LEDGER_FILE' },
          outcome: 'not_sent',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    try {
      return task();
    } finally {
      this.release(token);
    }
  }

  private tryAcquire(token: string): boolean {
    let fd: number;
    try {
      fd = fs.openSync(this.lockPath, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
        return false;
      }
      if (code !== 'EEXIST') throw error;
      this.breakIfStale();
      return false;
    }
    try {
      fs.writeSync(fd, JSON.stringify({ owner: currentOwner(), token } satisfies LockContent));
    } finally {
      fs.closeSync(fd);
    }
    return true;
  }

  private release(token: string): void {
    try {
      // Only our own: a lock broken as stale (we were stopped for 10 s) may now be another's.
      if (this.read()?.token === token) fs.unlinkSync(this.lockPath);
      else this.logger.error(`send ledger lock ${this.lockPath} was taken over while held`);
    } catch (error) {
      this.logger.warn(`send ledger lock ${this.lockPath}: release failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  /** Removes a lock left by a dead process: its owner on this host is gone, or it is older than STALE_MS. */
  private breakIfStale(): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.lockPath);
    } catch {
      return;
    }
    const content = this.read();
    // Being written right now (empty for a moment): not stale unless old.
    const gone = content !== undefined && ownerGone(content.owner);
    if (!gone && Date.now() - stat.mtimeMs < STALE_MS) return;
    // Renamed away first, so of several processes breaking it at once only one succeeds; if what was
    // renamed is not the lock judged stale (a fresh one replaced it meanwhile), it is put back.
    const aside = `${this.lockPath}.stale-${process.pid}-${Date.now()}`;
    try {
      fs.renameSync(this.lockPath, aside);
    } catch {
      return;
    }
    const moved = this.read(aside);
    if (content !== undefined && moved?.token !== content.token) {
      try {
        fs.linkSync(aside, this.lockPath);
      } catch {
        // Someone holds a newer lock: the one we moved aside is lost to its owner, who will log it.
      }
    } else {
      this.logger.warn(`send ledger lock ${this.lockPath}: broke a lock left by ${gone ? 'a process that is gone' : `a holder silent for ${Math.round((Date.now() - stat.mtimeMs) / 1000)} s`}`);
    }
    fs.rmSync(aside, { force: true });
  }

  private read(file = this.lockPath): LockContent | undefined {
    try {
      const value = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
      return typeof value?.token === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
