// The sandbox's memory across restarts: the groups it handed out, one JSON line each, in a file beside
// the ledger. A client that starts the server per call (the Inspector's CLI does) sends in one process
// and asks for the status in the next; without this file the second one would answer GROUP_NOT_FOUND.
// Bounded like the in-memory store: the newest SANDBOX_MAX_GROUPS are kept; the file is rewritten
// down to them once it holds twice as many lines. Several processes may append (the extension and a
// standalone server); a line appended during another's rewrite can be lost, which costs only that
// sandbox group's status in later processes, never a send or a ledger line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../core/logger';
import type { CommittedSend, GroupArchive } from '../emulator/store';

/** `send-ledger.jsonl` → `send-ledger.sandbox-groups.jsonl`, in the same folder. */
export function sandboxGroupsPath(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), `${path.basename(ledgerFile).replace(/\.jsonl$/i, '')}.sandbox-groups.jsonl`);
}

export class SandboxGroupFile implements GroupArchive {
  private lines = -1;

  constructor(private readonly file: string, private readonly maxGroups: number, private readonly logger: Logger) {}

  /** The newest groups in the file, oldest first (fewer when the file is missing or unreadable). */
  load(): CommittedSend[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      this.lines = 0;
      return [];
    }
    const sends: CommittedSend[] = [];
    const all = text.split('\n');
    this.lines = all.length - 1;
    for (const line of all) {
      const send = parse(line);
      if (send) sends.push(send);
    }
    return sends.slice(-this.maxGroups);
  }

  /** The largest group id kept, so a restarted sandbox never hands an id out twice. */
  maxGroupId(): number {
    return this.load().reduce((max, s) => Math.max(max, s.group_id), 0);
  }

  record(send: CommittedSend): void {
    // Only what status needs: no idempotency key, no project, no message text.
    const line = JSON.stringify({ group_id: send.group_id, committed_at: send.committed_at, channel: send.channel, path: send.path, recipients: send.recipients });
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.appendFileSync(this.file, `${line}\n`, { mode: 0o600 });
      if (this.lines < 0) this.load();
      else this.lines++;
      if (this.lines > 2 * this.maxGroups) this.compact();
    } catch (error) {
      // The send itself went out (to the sandbox); only a later process's status check is affected.
      this.logger.warn(`sandbox: could not keep group ${send.group_id} in ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  recall(groupId: number): CommittedSend | undefined {
    return this.load().find((s) => s.group_id === groupId);
  }

  explainUnknown(groupId: number): string {
    const kept = this.load();
    if (kept.length >= this.maxGroups && groupId < kept[0].group_id) {
      return `the sandbox keeps only its newest ${this.maxGroups} groups, and group ${groupId} is older`;
    }
    return `the sandbox never sent group ${groupId} with this ledger file; a live group is checked in live mode`;
  }

  private compact(): void {
    const keep = this.load();
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, keep.map((s) => JSON.stringify(s)).join('\n') + '\n', { mode: 0o600 });
    fs.renameSync(temp, this.file);
    this.lines = keep.length;
  }
}

function parse(line: string): CommittedSend | undefined {
  if (!line.trim()) return undefined;
  try {
    const value = JSON.parse(line) as Partial<CommittedSend>;
    if (!Number.isSafeInteger(value.group_id) || typeof value.committed_at !== 'number' || !Array.isArray(value.recipients)) return undefined;
    return value as CommittedSend;
  } catch {
    return undefined; // a torn last line from a crash: skipped
  }
}
