// Which process wrote a pending record, so that a later start can tell a send whose process died
// (certainly never answered: report it unknown at once) from one another process is making right
// now (leave it alone). A pid alone is not enough: pids are reused, so the process's start time
// (from /proc on Linux) or a random id per process goes with it. Nor is the host name: containers
// sharing a volume may share a host name while each has its own pids, so a live process in the other
// container can look dead (or like another process) here. Pids are compared only within one pid
// namespace of one boot of one kernel (`node`), which is what makes them mean the same process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { nodeCrypto } from '../../core/nodeBuiltins';

export interface ProcessOwner {
  host: string;
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), else a random id for this process. */
  start: string;
  /**
   * Where the pid means this process: the kernel's boot id and the pid namespace (Linux). Absent off
   * Linux, and in records written before it was kept: such owners are never judged gone by pid.
   */
  node?: string;
}

let self: ProcessOwner | undefined;

/** This process, as written into the pending records it makes. */
export function currentOwner(): ProcessOwner {
  self ??= { host: os.hostname(), pid: process.pid, start: processStart(process.pid) ?? `r${nodeCrypto().randomUUID()}`, node: pidNode() };
  return self;
}

export type OwnerState = 'gone' | 'alive' | 'unseen';

/**
 * True only when the owner certainly is gone: it ran in this pid namespace of this boot and its pid
 * is free, or now belongs to a process that started at another time.
 */
export function ownerGone(owner: ProcessOwner | undefined): boolean {
  return ownerState(owner) === 'gone';
}

/**
 * 'gone' or 'alive' when this process can see the owner's pid; 'unseen' for another host, another
 * container, or an owner without a `node` (then only time can tell).
 */
export function ownerState(owner: ProcessOwner | undefined): OwnerState {
  if (!owner || typeof owner.pid !== 'number' || owner.host !== os.hostname()) return 'unseen';
  const me = currentOwner();
  if (me.node === undefined || owner.node !== me.node) return 'unseen';
  if (owner.pid === me.pid) return owner.start === me.start ? 'alive' : 'gone';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: alive, another user's. Only ESRCH means there is no such process.
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'alive';
  }
  const start = processStart(owner.pid);
  // Alive under that pid: gone only if we can see it is a different process (a reused pid).
  return start !== undefined && !owner.start.startsWith('r') && start !== owner.start ? 'gone' : 'alive';
}

/** `<boot id>/<pid namespace>` on Linux: equal only for processes whose pids name the same processes. */
function pidNode(): string | undefined {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = fs.readlinkSync('/proc/self/ns/pid');
    return boot && namespace ? `${boot}/${namespace}` : undefined;
  } catch {
    return undefined;
  }
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
