// The file engine's critical section: one holder at a time across every process on the machine that
// uses the same ledger file (proper-lockfile: an atomic mkdir of `<file>.lock`, refreshed while held
// and taken over once stale, so a holder killed with -9 blocks the others for seconds, not forever),
// and one task at a time inside this process (a promise queue: the lock is not re-entrant).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lockfile from 'proper-lockfile';
import type { Logger } from '../../core/logger';

/** A holder that stops refreshing the lock (killed, hung) loses it after this long. */
const STALE_MS = 5_000;

export class FileLock {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string, private readonly logger: Logger) {}

  get lockPath(): string {
    return `${this.file}.lock`;
  }

  /** Runs `task` while holding the lock; throws what `task` throws, or the lock's own error. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.queue.then(() => this.locked(task));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async locked<T>(task: () => Promise<T> | T): Promise<T> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(this.file, {
      lockfilePath: this.lockPath,
      realpath: false,
      stale: STALE_MS,
      // Many processes may queue for a few milliseconds each: poll often, for up to about a minute.
      retries: { retries: 3000, factor: 1.2, minTimeout: 1, maxTimeout: 20 },
      onCompromised: (error) => this.logger.error(`send ledger lock ${this.lockPath} was taken over while held (${error.message})`),
    });
    try {
      return await task();
    } finally {
      await release().catch((error: Error) => this.logger.warn(`send ledger lock ${this.lockPath}: release failed (${error.message})`));
    }
  }
}
