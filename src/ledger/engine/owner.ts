// Which process wrote a pending record, so that a later start can tell a send whose process died
// (certainly never answered: report it unknown at once) from one another process is making right
// now (leave it alone). A pid alone is not enough: pids are reused, so the process's start time
// (from /proc on Linux) or a random id per process goes with it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { nodeCrypto } from '../../core/nodeBuiltins';

export interface ProcessOwner {
  host: string;
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), else a random id for this process. */
  start: string;
}

let self: ProcessOwner | undefined;

/** This process, as written into the pending records it makes. */
export function currentOwner(): ProcessOwner {
  self ??= { host: os.hostname(), pid: process.pid, start: processStart(process.pid) ?? `r${nodeCrypto().randomUUID()}` };
  return self;
}

/**
 * True only when the owner certainly is gone: it ran on this host and its pid is free, or now belongs
 * to a process that started at another time. Another host's process cannot be seen: false.
 */
export function ownerGone(owner: ProcessOwner | undefined): boolean {
  if (!owner || typeof owner.pid !== 'number' || owner.host !== os.hostname()) return false;
  const me = currentOwner();
  if (owner.pid === me.pid) return owner.start !== me.start;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: alive, another user's. Only ESRCH means there is no such process.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = processStart(owner.pid);
  // Alive under that pid: gone only if we can see it is a different process (a reused pid).
  return start !== undefined && !owner.start.startsWith('r') && start !== owner.start;
}

/** Field 22 of /proc/<pid>/stat (start time in ticks since boot); undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}
