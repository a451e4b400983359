// Breaking the file engine's lock (fileLock.ts) when its holder died holding it. Several waiters judge
// the same dead lock at once; if each removed "the lock" after judging, the second could remove the
// next holder's fresh lock and let a third process in beside it. So a breaker works under a second
// lock, `<lock>.break` (O_EXCL, held for microseconds), and removes the lock only if it is still the
// very file it judged (same inode, time, size and token, read through one open descriptor). The only
// process that could change that file meanwhile is its holder, which was judged dead (or silent past
// the stale age). A `.break` left by a breaker that died is broken the same way (its owner gone, or
// older than the stale age), with the same re-check; two breakers could then overlap only if one
// stalled for milliseconds between a re-check and its removal, right after a breaker died there.
// A lock's age is its file time against the file system's own clock (a probe file written beside it),
// not Date.now(): on NFS the file time is the server's, and machines' clocks may be far apart.
import * as fs from 'node:fs';
import type { Logger } from '../../core/logger';
import { nodeCrypto } from '../../core/nodeBuiltins';
import { currentOwner, ownerState, type ProcessOwner } from './owner';

export interface LockContent { owner: ProcessOwner; token: string }

interface Seen { ino: number; mtimeMs: number; size: number; content: LockContent | undefined }

/** Removes `lock` if its holder is gone (see fileLock.ts for when); safe with other breakers at once. */
export function breakIfStale(lock: string, staleMs: number, logger: Logger): void {
  const judged = look(lock);
  const probe = `${lock}.clock`;
  if (!judged || !isStale(probe, judged, staleMs)) return;
  const guard = `${lock}.break`;
  const token = takeGuard(guard, probe, staleMs, logger);
  if (!token) return;
  try {
    const now = look(lock);
    if (!now || !same(now, judged)) return;
    fs.unlinkSync(lock);
    const gone = judged.content !== undefined && ownerState(judged.content.owner) === 'gone';
    logger.warn(`send ledger lock ${lock}: broke a lock left by ${gone ? 'a process that is gone' : `a holder silent for ${Math.round(ageMs(probe, judged) / 1000)} s`}`);
  } finally {
    if (readLock(guard)?.token === token) fs.rmSync(guard, { force: true });
  }
}

/** Writes who holds a lock (or the guard) just created with O_EXCL, then closes it. */
export function writeLock(fd: number, token: string): void {
  try {
    fs.writeSync(fd, JSON.stringify({ owner: currentOwner(), token } satisfies LockContent));
  } finally {
    fs.closeSync(fd);
  }
}

export function readLock(file: string): LockContent | undefined {
  return look(file)?.content;
}

/** A holder we can see (our pid namespace) is judged by its pid alone; any other by its file's age. */
function isStale(probe: string, seen: Seen, staleMs: number): boolean {
  const state = seen.content ? ownerState(seen.content.owner) : 'unseen';
  if (state !== 'unseen') return state === 'gone';
  // Unseen, or empty (being written this very moment, or its writer died): only time can tell.
  return ageMs(probe, seen) > staleMs;
}

/**
 * How long ago `seen` was last written, by the clock that stamped it: the time of a probe file
 * (`<lock>.clock`, rewritten here, left in place) in the same folder. Only on this slow path: a lock
 * held by an owner we cannot see. If the probe cannot be written, the local clock is all there is.
 */
function ageMs(probe: string, seen: Seen): number {
  try {
    // A write, not utimes(): utimes would stamp our local time; a write is stamped by the file's server.
    fs.writeFileSync(probe, '.', { mode: 0o600 });
    return fs.statSync(probe).mtimeMs - seen.mtimeMs;
  } catch {
    return Date.now() - seen.mtimeMs;
  }
}

/** Our token once `guard` is ours; undefined while another breaker has it (or we just removed a dead one's). */
function takeGuard(guard: string, probe: string, staleMs: number, logger: Logger): string | undefined {
  const token = nodeCrypto().randomUUID();
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    const left = look(guard);
    if (left && isStale(probe, left, staleMs)) {
      const now = look(guard);
      if (now && same(now, left)) {
        fs.rmSync(guard, { force: true });
        logger.warn(`send ledger lock ${guard}: removed, left by a process that broke a lock and died`);
      }
    }
    return undefined;
  }
  writeLock(fd, token);
  return token;
}

/** The file's identity and content through one descriptor, so both are of the same file. */
function look(file: string): Seen | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    return { ino: stat.ino, mtimeMs: stat.mtimeMs, size: stat.size, content: parse(fs.readFileSync(fd, 'utf8')) };
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function parse(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as LockContent;
    return typeof value?.token === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function same(a: Seen, b: Seen): boolean {
  return a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size && a.content?.token === b.content?.token;
}
