// A group's delivery status from the API's per-recipient rows, by the rule in baas-api.md:
// pending = total - success - failed; 전송중 while anything is pending, 성공 when nothing failed,
// 실패 when nothing succeeded, else 부분성공.
import { BaasSmsError } from '../core/errors';
import type { DeliveryResult, GroupState, GroupStatus, RecipientStatus } from '../core/types';

const FINAL: ReadonlySet<string> = new Set(['성공', '실패']);

/** Rows as the status endpoint's `data` holds them (a list, or `{messages: [...]}` in newer services). */
export function toGroupStatus(groupId: number, data: unknown): GroupStatus {
  const rows = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.messages) ? data.messages : undefined;
  if (!rows) throw new BaasSmsError('API_ERROR', { status: 200, params: { detail: 'status answer without a message list' }, outcome: 'not_sent' });
  const messages = rows.filter(isObject).map(toRecipientStatus);
  return summarise(groupId, messages);
}

export function summarise(groupId: number, messages: RecipientStatus[]): GroupStatus {
  const total = messages.length;
  const success = messages.filter((m) => m.status === '성공').length;
  const failed = messages.filter((m) => m.status === '실패').length;
  const pending = total - success - failed;
  return {
    group_id: groupId,
    status: groupState(total, success, failed, pending),
    total_count: total,
    success_count: success,
    failed_count: failed,
    pending_count: pending,
    messages,
  };
}

function groupState(total: number, success: number, failed: number, pending: number): GroupState {
  // No rows yet means the server has not registered the recipients: nothing is final.
  if (pending > 0 || total === 0) return '전송중';
  if (failed === 0) return '성공';
  if (success === 0) return '실패';
  return '부분성공';
}

function toRecipientStatus(row: Record<string, unknown>): RecipientStatus {
  const result = typeof row.result === 'string' ? row.result.trim() : '';
  return {
    phone: stringOr(row.phone ?? row.phone_number, ''),
    name: stringOr(row.name, null),
    // Any state the API may add later (queued, retrying…) is not final, so it counts as pending.
    status: (FINAL.has(result) ? result : '전송중') as DeliveryResult,
    reason: stringOr(row.reason, null),
  };
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
