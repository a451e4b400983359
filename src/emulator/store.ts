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

/**
 * Where groups outlive the process (the sandbox keeps them beside the ledger): every commit is
 * recorded, a group this store does not hold is recalled from it, and a group it cannot recall is
 * explained (the status endpoint's 404 message says why).
 */
export interface GroupArchive {
  record(send: CommittedSend): void;
  recall(groupId: number): CommittedSend | undefined;
  explainUnknown(groupId: number): string;
}

export class MessageStore {
  /** The sends kept, oldest first (a Map keeps insertion order). */
  private readonly byGroup = new Map<number, CommittedSend>();
  /** Every send committed since start or reset, including groups forgotten beyond `maxGroups`. */
  private committed = 0;
  private nextGroupId: number;

  /** `maxGroups`: the oldest groups are forgotten beyond it (default: none are). */
  constructor(private readonly options: { firstGroupId: number; deliveryDelayMs: number; now: () => number; maxGroups?: number; archive?: GroupArchive }) {
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
    this.keep(send);
    this.committed++;
    this.options.archive?.record(send);
    return send;
  }

  private keep(send: CommittedSend): void {
    this.byGroup.set(send.group_id, send);
    const keep = Math.max(1, this.options.maxGroups ?? Infinity);
    for (const oldest of this.byGroup.keys()) {
      if (this.byGroup.size <= keep) break;
      this.byGroup.delete(oldest);
    }
  }

  /** Per-recipient rows as the status endpoint returns them, or undefined for an unknown group. */
  statusRows(groupId: number): StatusRow[] | undefined {
    const send = this.byGroup.get(groupId) ?? this.recall(groupId);
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

  private recall(groupId: number): CommittedSend | undefined {
    const send = this.options.archive?.recall(groupId);
    if (send) this.keep(send);
    return send;
  }

  /** Why a group is unknown, when an archive can tell; undefined otherwise. */
  explainUnknown(groupId: number): string | undefined {
    return this.options.archive?.explainUnknown(groupId);
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
