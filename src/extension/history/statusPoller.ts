// Polls the status of sent groups that are not final yet, with a growing pause (1 s, 2 s, 4 s… up to
// the configured cap) so a send is followed closely at first and cheaply later. It stops by itself
// when nothing is open and starts again, from the shortest pause, when a new group appears.
import type { Logger } from '../../core/logger';
import type { LedgerEntry } from '../../ledger/sendLedger';

export interface StatusPollerOptions {
  /** Groups worth polling now: sent, not final, not too old. */
  openGroups: () => LedgerEntry[];
  /** Asks the server about these groups (the send service records the answers in the ledger). */
  refresh: (entries: LedgerEntry[]) => Promise<unknown>;
  /** Longest pause between polls. */
  capMs: () => number;
  /** First pause after a new group appears (default 1000 ms). */
  initialMs?: number;
  logger: Logger;
}

export class StatusPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private disposed = false;
  private delayMs: number;
  private readonly initialMs: number;
  private readonly seen = new Set<number>();

  constructor(private readonly options: StatusPollerOptions) {
    this.initialMs = options.initialMs ?? 1000;
    this.delayMs = this.initialMs;
  }

  /** Call when the ledger changed: starts polling if a group is open, from the start if one is new. */
  poke(): void {
    if (this.disposed) return;
    const open = this.options.openGroups();
    if (open.length === 0) return this.stop();
    const fresh = open.filter((e) => e.group_id !== undefined && !this.seen.has(e.group_id));
    for (const entry of fresh) this.seen.add(entry.group_id!);
    if (fresh.length > 0) {
      this.delayMs = this.initialMs;
      if (!this.polling) this.schedule(this.delayMs);
    } else if (!this.timer && !this.polling) {
      this.schedule(this.delayMs);
    }
  }

  /** Whether a poll is scheduled or running. */
  get active(): boolean {
    return this.timer !== undefined || this.polling;
  }

  /** The pause before the next poll. */
  get currentDelayMs(): number {
    return this.delayMs;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const open = this.options.openGroups();
    if (open.length === 0 || this.disposed) return this.stop();
    this.polling = true;
    try {
      await this.options.refresh(open);
    } catch (error) {
      this.options.logger.debug(`status poll failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.polling = false;
    }
    if (this.disposed) return;
    this.delayMs = Math.min(this.delayMs * 2, Math.max(this.options.capMs(), this.initialMs));
    if (this.options.openGroups().length === 0) return this.stop();
    this.schedule(this.delayMs);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.delayMs = this.initialMs;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }
}
