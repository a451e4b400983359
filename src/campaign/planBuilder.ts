// Gathers the checked rows of a campaign as they stream by: valid recipients grouped by identical
// text (one API request carries one text), duplicates dropped (the first row with a number wins),
// findings kept with their rows. Memory grows with the valid rows, not with the file.
import type { MessageType, Recipient, RulesConfig } from '../core/types';
import { MAX_RECIPIENTS } from '../messaging/limits';
import { estimateCost } from '../messaging/prepareSend';
import type { CampaignBatch, DuplicateRow, InvalidRow } from './planTypes';
import type { RowResult } from './rowCheck';

interface TextGroup {
  type: MessageType;
  bytes: number;
  recipients: Recipient[];
  rows: number[];
}

export class PlanBuilder {
  rowsRead = 0;
  readonly invalid: InvalidRow[] = [];
  readonly duplicates: DuplicateRow[] = [];
  readonly byType: Record<MessageType, number> = { SMS: 0, LMS: 0, MMS: 0 };
  /** LMS rows whose template text alone would have gone as SMS. */
  tippedIntoLms = 0;
  private valid = 0;
  // Keyed by the number's last eight digits (every valid number is 010-XXXX-XXXX): a small integer
  // hashes far faster than a string, which matters at 100,000 rows.
  private readonly firstRowOf = new Map<number, number>();
  private readonly groups = new Map<string, TextGroup>();
  private readonly unsendable = new Map<string, number[]>();

  /** `staticBytes`: EUC-KR bytes of the template without its variables. */
  constructor(private readonly staticBytes: number, private readonly rules: RulesConfig) {}

  get validRecipients(): number {
    return this.valid;
  }

  add(row: number, result: RowResult): void {
    this.rowsRead++;
    if (result.invalid) {
      this.invalid.push(result.invalid);
      for (const char of result.unsendable ?? []) {
        const rows = this.unsendable.get(char) ?? [];
        rows.push(row);
        this.unsendable.set(char, rows);
      }
      return;
    }
    const { ok } = result;
    const key = Number(ok.phone_number.slice(4, 8) + ok.phone_number.slice(9));
    const first = this.firstRowOf.get(key);
    if (first !== undefined) {
      this.duplicates.push({ row, phone_number: ok.phone_number, first_row: first });
      return;
    }
    this.firstRowOf.set(key, row);
    this.valid++;
    this.byType[ok.type]++;
    if (ok.type === 'LMS' && this.staticBytes <= this.rules.smsByteLimit) this.tippedIntoLms++;
    let group = this.groups.get(ok.text);
    if (!group) {
      group = { type: ok.type, bytes: ok.bytes, recipients: [], rows: [] };
      this.groups.set(ok.text, group);
    }
    group.recipients.push({ phone_number: ok.phone_number, member_code: ok.member_code });
    group.rows.push(row);
  }

  unsendableCharacters(): Array<{ char: string; rows: number[] }> {
    return [...this.unsendable].map(([char, rows]) => ({ char, rows }));
  }

  /** Groups in order of first appearance, each cut into requests of at most 1,000 recipients. */
  batches(campaignId: string): CampaignBatch[] {
    const batches: CampaignBatch[] = [];
    // Most personalised texts go to one recipient: price each size once, not each batch.
    const costs = new Map<string, number>();
    const cost = (n: number, type: MessageType): number => {
      const key = `${type}${n}`;
      let value = costs.get(key);
      if (value === undefined) costs.set(key, (value = estimateCost(n, type, this.rules)));
      return value;
    };
    for (const [message, group] of this.groups) {
      for (let from = 0; from < group.recipients.length; from += MAX_RECIPIENTS) {
        const index = batches.length + 1;
        // The group's own arrays when it fits in one request (most do): no copies of 100,000 rows.
        const whole = from === 0 && group.recipients.length <= MAX_RECIPIENTS;
        const recipients = whole ? group.recipients : group.recipients.slice(from, from + MAX_RECIPIENTS);
        batches.push({
          index,
          id: batchId(campaignId, index),
          idempotency_key: batchIdempotencyKey(campaignId, index),
          message_type: group.type,
          message,
          message_bytes: group.bytes,
          recipients,
          rows: whole ? group.rows : group.rows.slice(from, from + MAX_RECIPIENTS),
          estimated_cost_krw: cost(recipients.length, group.type),
        });
      }
    }
    return batches;
  }
}

/** `cmp-20261130-013200-3fa9c1-b0007`: sortable, and unique to its campaign. */
export function batchId(campaignId: string, index: number): string {
  return `${campaignId}-b${String(index).padStart(4, '0')}`;
}

/** The ledger's claim key for a batch: the same for a campaign's batch however often it is resumed. */
export function batchIdempotencyKey(campaignId: string, index: number): string {
  return `${campaignId}:batch:${index}`;
}
