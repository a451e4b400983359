// The plan in a size an agent (or a notification) can take: every figure, but only the first rows of
// the long lists, with how many there are in all. The full plan stays in the JSON file.
import type { CampaignPlan } from './planTypes';

export const SUMMARY_ROWS = 50;
export const SUMMARY_BATCHES = 20;

export function summarizePlan(plan: CampaignPlan) {
  return {
    campaign_id: plan.campaign_id,
    ready: plan.ready,
    refusals: plan.refusals,
    source: { kind: plan.source.kind, file: plan.source.file ?? null, encoding: plan.source.encoding ?? null, headers: plan.source.headers, phone_column: plan.source.phone_column, member_code_column: plan.source.member_code_column, variables: plan.source.variables },
    counts: plan.counts,
    messages_by_type: plan.messages_by_type,
    tipped_into_lms: plan.tipped_into_lms,
    estimated_cost_krw: plan.estimated_cost_krw,
    unsendable_characters: plan.unsendable_characters.map((u) => ({ char: u.char, rows: u.rows.slice(0, SUMMARY_ROWS), row_count: u.rows.length })),
    invalid_rows: plan.invalid_rows.slice(0, SUMMARY_ROWS),
    duplicates: plan.duplicates.slice(0, SUMMARY_ROWS),
    advertising: plan.advertising,
    limit: plan.limit,
    schedule: plan.schedule,
    batch_count: plan.batch_count,
    batches: plan.batches.slice(0, SUMMARY_BATCHES).map((b) => ({ id: b.id, idempotency_key: b.idempotency_key, message_type: b.message_type, message: b.message, message_bytes: b.message_bytes, recipient_count: b.recipients.length, estimated_cost_krw: b.estimated_cost_krw })),
  };
}
