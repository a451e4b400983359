// What the emulator remembers: committed sends (the count tests prove "never twice" with) and the
// groups they created. Delivery needs no timers: a recipient's state is computed from the send's
// timestamp whenever it is read.
import type { DeliveryResult } from '../core/types';
import { behaviourOf } from './testNumbers';
import type { SendChannel, ValidSend } from './validation';

export interface CommittedSend {
  group_id: number;
  channel: SendChannel;
  path: string;
  /** The `Idempotency-Key` header the send carried, if any. */
  idempotency_key?: string;
  project_id?: string;
  recipients: Array<{ phone_number: string; member_code: string }>;
  committed_at: number;
}

export interface StatusRow {
  phone: string;
  name: string;
  result: DeliveryResult;
  reason: string | null;
}

export class MessageStore {
  /** The sends kept, oldest first (a Map keeps insertion order). */
  private readonly byGroup = new Map<number, CommittedSend>();
  /** Every send committed since start or reset, including groups forgotten beyond `maxGroups`. */
  private committed = 0;
  private nextGroupId: number;

  /** `maxGroups`: the oldest groups are forgotten beyond it (default: none are). */
  constructor(private readonly options: { firstGroupId: number; deliveryDelayMs: number; now: () => number; maxGroups?: number }) {
    this.nextGroupId = options.firstGroupId;
  }

  commit(channel: SendChannel, path: string, body: ValidSend, idempotencyKey: string | undefined): CommittedSend {
    const send: CommittedSend = {
      group_id: this.nextGroupId++,
      channel,
      path,
      ...(idempotencyKey !== undefined ? { idempotency_key: idempotencyKey } : {}),
      ...(body.project_id !== undefined ? { project_id: body.project_id } : {}),
      recipients: body.recipients.map((r) => ({ phone_number: r.phone_number, member_code: r.member_code })),
      committed_at: this.options.now(),
    };
    this.byGroup.set(send.group_id, send);
    this.committed++;
    const keep = Math.max(1, this.options.maxGroups ?? Infinity);
    for (const oldest of this.byGroup.keys()) {
      if (this.byGroup.size <= keep) break;
      this.byGroup.delete(oldest);
    }
    return send;
  }

  /** Per-recipient rows as the status endpoint returns them, or undefined for an unknown group. */
  statusRows(groupId: number): StatusRow[] | undefined {
    const send = this.byGroup.get(groupId);
    if (!send) return undefined;
    const elapsed = this.options.now() - send.committed_at;
    return send.recipients.map((r) => {
      const behaviour = behaviourOf(r.phone_number);
      const done = elapsed >= this.options.deliveryDelayMs * behaviour.delayFactor;
      return {
        phone: r.phone_number,
        name: r.member_code,
        result: done ? behaviour.result : '전송중',
        reason: done ? behaviour.reason : null,
      };
    });
  }

  /** The sends kept (all of them unless `maxGroups` is set). */
  all(): readonly CommittedSend[] {
    return [...this.byGroup.values()];
  }

  committedCount(): number {
    return this.committed;
  }

  commitsFor(idempotencyKey: string): number {
    let count = 0;
    for (const send of this.byGroup.values()) if (send.idempotency_key === idempotencyKey) count++;
    return count;
  }

  peekNextGroupId(): number {
    return this.nextGroupId;
  }

  reset(): void {
    this.byGroup.clear();
    this.committed = 0;
    this.nextGroupId = this.options.firstGroupId;
  }
}
