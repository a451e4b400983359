// The file engine's critical section, one holder at a time across every process that uses the same
// ledger file: `<file>.lock`, created with O_EXCL (atomic on local file systems) and holding its owner
// (host, pid, process start, pid namespace) and a random token. Synchronous system calls: taking and
// releasing it costs tens of microseconds, where an asynchronous lock library cost a millisecond a send.
//
// A holder that dies leaves its lock behind, and it is broken (staleLock.ts says when and how):
// - its owner shares our pid namespace (same boot, same container): broken once that pid is gone, and
//   never while it lives, however long it holds;
// - otherwise (another machine or container: its pid means nothing here) only time can tell: broken
//   once its file time is older than STALE_MS. A holder's work is synchronous and takes milliseconds,
//   and one that must hold longer refreshes the file's time (its heartbeat), as lockChild.ts does.
// A live holder can still be judged stale if it is stalled past that age (SIGSTOP, a paused VM, an NFS
// stall), so the task gets a fence: it checks, just before it writes, that the lock is still its own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaasSmsError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { nodeCrypto } from '../../core/nodeBuiltins';
import { breakIfStale, readLock, writeLock } from './staleLock';

/**
 * No live holder goes this long without refreshing the lock: its work is synchronous and takes
 * milliseconds. Far above that (60 s, not 10 s) because breaking a live but stalled holder's lock
 * costs that holder its send (the fence refuses it), while a dead holder's lock costs waiters only time.
 */
const STALE_MS = 60_000;
/**
 * Waiting longer than this for a lock means something is wrong: say so rather than hang a send.
 * Above STALE_MS, so a waiter behind a holder that died in another container outlasts its lock.
 */
const GIVE_UP_MS = 90_000;

export interface FileLockOptions {
  /** How long a lock whose owner cannot be seen may go unrefreshed before it is broken (default 60 s). */
  staleMs?: number;
}

/** Throws LEDGER_UNAVAILABLE (nothing sent) unless the lock is still this holder's. */
export type LockFence = () => void;

export class FileLock {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly staleMs: number;

  constructor(private readonly file: string, private readonly logger: Logger, options: FileLockOptions = {}) {
    this.staleMs = options.staleMs ?? STALE_MS;
  }

  get lockPath(): string {
    return `${this.file}.lock`;
  }

  /**
   * Runs the synchronous `task` while holding the lock; throws what `task` throws, or LEDGER_UNAVAILABLE.
   * `task` calls its fence right before it writes what the lock protects.
   */
  run<T>(task: (fence: LockFence) => T): Promise<T> {
    // One waiter per process at a time: the others wait here, not by polling the file.
    const result = this.queue.then(() => this.locked(task));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async locked<T>(task: (fence: LockFence) => T): Promise<T> {
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
      return task(() => this.fence(token));
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
      breakIfStale(this.lockPath, this.staleMs, this.logger);
      return false;
    }
    writeLock(fd, token);
    return true;
  }

  /** One read of the lock file (tens of microseconds): was it broken while we held it? */
  private fence(token: string): void {
    if (readLock(this.lockPath)?.token === token) return;
    throw new BaasSmsError('LEDGER_UNAVAILABLE', {
      params: {
        location: this.file,
        detail: `${this.lockPath} was broken by another process while this one held it (stalled for over ${this.staleMs / 1000} s); this send was not recorded`,
        setting: 'BAAS_LEDGER_FILE',
      },
      outcome: 'not_sent',
    });
  }

  private release(token: string): void {
    try {
      // Only our own: a lock broken as stale (we were stalled past the stale age) may now be another's.
      if (readLock(this.lockPath)?.token === token) fs.unlinkSync(this.lockPath);
      else this.logger.error(`send ledger lock ${this.lockPath} was taken over while held`);
    } catch (error) {
      this.logger.warn(`send ledger lock ${this.lockPath}: release failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
}
