// The campaign plan: what a contact list and a template would send, checked before anything is sent,
// written as JSON (this shape) and Markdown. Sending reads the batches back: each has a stable id and
// an idempotency key derived from the campaign id and its position, so a batch can be claimed in the
// ledger before its request and never sent twice, whatever interrupts the run.
import type { ErrorCode } from '../core/errorCodes';
import type { MessageKind, MessageType, Recipient } from '../core/types';
import type { AdRule } from '../messaging/advertising';

export const PLAN_FORMAT = 'baas-sms-campaign-plan/1';

export interface InvalidRow {
  row: number;
  /** The column the problem is in (the phone column, a variable's column, or `message`). */
  column: string;
  value: string;
  code: ErrorCode;
  reason: string;
}

export interface DuplicateRow {
  row: number;
  phone_number: string;
  /** The earlier row that keeps the number (the first entry wins, as in a single send). */
  first_row: number;
}

export interface CampaignBatch {
  /** 1-based, the order batches go out in. */
  index: number;
  /** `<campaign_id>-b0001`. */
  id: string;
  /** `<campaign_id>:batch:1`: the key the ledger claims before the batch's request. */
  idempotency_key: string;
  message_type: MessageType;
  message: string;
  message_bytes: number;
  /** At most 1,000 (one API request), all with this batch's identical text. */
  recipients: Recipient[];
  /** The source row of each recipient, in the same order. */
  rows: number[];
  estimated_cost_krw: number;
}

export interface NightStop {
  /** When the run is stopped (21:00 KST), and how many batches went out before it. */
  stop_at: string;
  batches_before_stop: number;
  /** When it is offered to continue (08:00 KST). */
  resume_at: string;
}

export interface CampaignSchedule {
  pace_ms: number;
  /** Assumed time of one API request, for the estimate. */
  request_ms_estimate: number;
  starts_at: string;
  estimated_end_at: string;
  /** An advertisement without night consent: the 21:00–08:00 KST stops the run would make. */
  night_stops: NightStop[];
  /** It is night in Korea now: an advertisement without night consent waits for 08:00. */
  waits_until?: string;
}

export interface CampaignPlan {
  format: typeof PLAN_FORMAT;
  campaign_id: string;
  created_at: string;
  source: {
    kind: 'csv' | 'xlsx' | 'inline';
    file?: string;
    sha256?: string;
    encoding?: string;
    headers: string[];
    phone_column: string;
    member_code_column: string | null;
    variables: string[];
  };
  template: { kind: MessageKind; message: string; subject?: string; image_urls: string[] };
  counts: { rows_read: number; valid_recipients: number; invalid_rows: number; duplicates_dropped: number };
  messages_by_type: Record<MessageType, number>;
  /** Rows that go as LMS only because their filled-in values made the text longer than the SMS limit. */
  tipped_into_lms: number;
  unsendable_characters: Array<{ char: string; rows: number[] }>;
  invalid_rows: InvalidRow[];
  duplicates: DuplicateRow[];
  rules: { sms_byte_limit: number; prices: Record<MessageType, number> };
  estimated_cost_krw: number;
  advertising: { is_advertisement: boolean; detected: boolean; missing: AdRule[]; night_consent: boolean };
  limit: { max_recipients: number };
  schedule: CampaignSchedule;
  batch_count: number;
  batches: CampaignBatch[];
  /** False when something below stops the campaign; `refusals` says what. */
  ready: boolean;
  refusals: Array<{ code: ErrorCode; message: string; hint: string }>;
}
