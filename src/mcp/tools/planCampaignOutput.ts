// plan_campaign's output schema: the plan's figures (planSummary.ts), long lists cut to their first rows.
import { z } from 'zod';

const typeCounts = z.object({ SMS: z.number().int(), LMS: z.number().int(), MMS: z.number().int() });
const coded = z.object({ code: z.string(), message: z.string(), hint: z.string() });

export const planCampaignOutput = {
  campaign_id: z.string().describe('Names the plan; batch ids and idempotency keys derive from it'),
  ready: z.boolean().describe('False when a refusal below stops the campaign'),
  refusals: z.array(coded),
  source: z.object({
    kind: z.enum(['csv', 'xlsx', 'inline']),
    file: z.string().nullable(),
    encoding: z.string().nullable().describe('How a CSV was decoded: utf-8, utf-8 (BOM), cp949, utf-16le'),
    headers: z.array(z.string()),
    phone_column: z.string(),
    member_code_column: z.string().nullable(),
    variables: z.array(z.string()),
  }),
  counts: z.object({ rows_read: z.number().int(), valid_recipients: z.number().int(), invalid_rows: z.number().int(), duplicates_dropped: z.number().int() }),
  messages_by_type: typeCounts,
  tipped_into_lms: z.number().int().describe('Rows that go as LMS only because their values made the text longer than the SMS limit'),
  estimated_cost_krw: z.number(),
  unsendable_characters: z.array(z.object({ char: z.string(), rows: z.array(z.number().int()), row_count: z.number().int() })),
  invalid_rows: z.array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), reason: z.string() })).describe('The first 50; counts.invalid_rows has them all'),
  duplicates: z.array(z.object({ row: z.number().int(), phone_number: z.string(), first_row: z.number().int() })).describe('The first 50'),
  advertising: z.object({ is_advertisement: z.boolean(), detected: z.boolean(), missing: z.array(z.string()), night_consent: z.boolean() }),
  limit: z.object({ max_recipients: z.number().int() }),
  schedule: z.object({
    pace_ms: z.number().int(),
    request_ms_estimate: z.number().int(),
    starts_at: z.string(),
    estimated_end_at: z.string(),
    night_stops: z.array(z.object({ stop_at: z.string(), batches_before_stop: z.number().int(), resume_at: z.string() })).describe('Where an advertisement without night consent stops at 21:00 KST and is offered to continue at 08:00'),
    waits_until: z.string().optional(),
  }),
  batch_count: z.number().int(),
  batches: z.array(z.object({
    id: z.string(),
    idempotency_key: z.string(),
    message_type: z.enum(['SMS', 'LMS', 'MMS']),
    message: z.string(),
    message_bytes: z.number().int(),
    recipient_count: z.number().int(),
    estimated_cost_krw: z.number(),
  })).describe('The first 20 batches'),
  next_step: z.string().describe('Sending is a human action: what to tell the user'),
};
