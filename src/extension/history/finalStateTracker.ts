// Tells which groups have just reached their final state, so the user is told once per group. Only
// groups seen open in this session count: opening VS Code does not replay old notifications.
import type { LedgerEntry } from '../../ledger/sendLedger';
import { isOpenGroup } from '../../sending/sendService';

export class FinalStateTracker {
  private readonly open = new Set<number>();
  private readonly announced = new Set<number>();

  /** Feed the entries currently known; returns those that were open before and are final now. */
  observe(entries: LedgerEntry[]): LedgerEntry[] {
    const finished: LedgerEntry[] = [];
    for (const entry of entries) {
      const id = entry.group_id;
      if (id === undefined) continue;
      if (isOpenGroup(entry)) {
        if (!this.announced.has(id)) this.open.add(id);
      } else if (this.open.delete(id) && entry.status) {
        this.announced.add(id);
        finished.push(entry);
      }
    }
    return finished;
  }
}
