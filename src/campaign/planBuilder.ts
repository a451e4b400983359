// Gathers the checked rows of a campaign as they stream by: valid recipients grouped by identical
// text (one API request carries one text), duplicates dropped (the first row with a number wins),
// findings kept with their rows. Memory grows with the valid rows, not with the file.
import type { MessageType, Recipient, RulesConfig } from '../core/types';
import { MAX_RECIPIENTS } from '../messaging/limits';
import { estimateCost } from '../messaging/prepareSend';
import type { CampaignBatch, DuplicateRow, InvalidRow } from './planTypes';
import type { RowResult } from './rowCheck';

export class PlanBuilder {
  rowsRead = 0;
  readonly invalid: InvalidRow[] = [];
  readonly duplicates: DuplicateRow[] = [];
  readonly byType: Record<MessageType, number> = { SMS: 0, LMS: 0, MMS: 0 };
  /** LMS rows whose template text alone would have gone as SMS. */
  tippedIntoLms = 0;
  // Keyed by the number's last eight digits (every valid number is 010-XXXX-XXXX): a small integer
  // hashes far faster than a string, which matters at 100,000 rows.
  private readonly firstRowOf = new Map<number, number>();
  private readonly unsendable = new Map<string, number[]>();
  // Distinct texts, numbered in order of first appearance, and the valid recipients as parallel
  // columns: no object per row while the list streams by (the garbage collector copies every live
  // young object, so 100,000 small ones cost more than the arrays). Batches are built once, at the end.
  private readonly textIdOf = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly textType: MessageType[] = [];
  private readonly textBytes: number[] = [];
  private readonly textCount: number[] = [];
  private readonly recipientText: number[] = [];
  private readonly recipientPhone: string[] = [];
  private readonly recipientCode: string[] = [];
  private readonly recipientRow: number[] = [];

  /** `staticBytes`: EUC-KR bytes of the template without its variables. */
  constructor(private readonly staticBytes: number, private readonly rules: RulesConfig) {}

  get validRecipients(): number {
    return this.recipientRow.length;
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
    this.byType[ok.type]++;
    if (ok.type === 'LMS' && this.staticBytes <= this.rules.smsByteLimit) this.tippedIntoLms++;
    let id = this.textIdOf.get(ok.text);
    if (id === undefined) {
      id = this.texts.length;
      this.textIdOf.set(ok.text, id);
      this.texts.push(ok.text);
      this.textType.push(ok.type);
      this.textBytes.push(ok.bytes);
      this.textCount.push(0);
    }
    this.textCount[id]++;
    this.recipientText.push(id);
    this.recipientPhone.push(ok.phone_number);
    this.recipientCode.push(ok.member_code);
    this.recipientRow.push(row);
  }

  unsendableCharacters(): Array<{ char: string; rows: number[] }> {
    return [...this.unsendable].map(([char, rows]) => ({ char, rows }));
  }

  /** Texts in order of first appearance, each cut into requests of at most 1,000 recipients. */
  batches(campaignId: string): CampaignBatch[] {
    // Recipients ordered by text (a counting sort: stable, so rows keep their order within a text).
    const offset = new Int32Array(this.texts.length + 1);
    for (let t = 0; t < this.texts.length; t++) offset[t + 1] = offset[t] + this.textCount[t];
    const next = offset.slice(0, this.texts.length);
    const order = new Int32Array(this.recipientText.length);
    for (let r = 0; r < this.recipientText.length; r++) order[next[this.recipientText[r]]++] = r;

    // Most personalised texts go to one recipient: price each size once, not each batch.
    const costs = new Map<string, number>();
    const cost = (n: number, type: MessageType): number => {
      const key = `${type}${n}`;
      let value = costs.get(key);
      if (value === undefined) costs.set(key, (value = estimateCost(n, type, this.rules)));
      return value;
    };
    const batches: CampaignBatch[] = [];
    for (let t = 0; t < this.texts.length; t++) {
      for (let from = offset[t]; from < offset[t + 1]; from += MAX_RECIPIENTS) {
        const to = Math.min(from + MAX_RECIPIENTS, offset[t + 1]);
        const recipients: Recipient[] = [];
        const rows: number[] = [];
        for (let i = from; i < to; i++) {
          const r = order[i];
          recipients.push({ phone_number: this.recipientPhone[r], member_code: this.recipientCode[r] });
          rows.push(this.recipientRow[r]);
        }
        const index = batches.length + 1;
        batches.push({
          index,
          id: batchId(campaignId, index),
          idempotency_key: batchIdempotencyKey(campaignId, index),
          message_type: this.textType[t],
          message: this.texts[t],
          message_bytes: this.textBytes[t],
          recipients,
          rows,
          estimated_cost_krw: cost(recipients.length, this.textType[t]),
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
