// Fault injection: plans that make the emulator misbehave the way a real API and network can, so the
// client's retry policy and the "outcome unknown" path can be proven rather than hoped for.

/** Which requests a plan applies to: sends (POST …/sms|mms), status reads (GET …/messages) or both. */
export type FaultMatch = 'send' | 'status' | 'all';

/**
 * One fault, applied to the next `count` matching requests (all of them when `count` is absent).
 *
 * - `latency`: waits `latencyMs` before answering. With `commit: 'before'` (default) the send is
 *   committed first, so a client that times out leaves a committed send behind (the ambiguous case);
 *   `'after'` commits after the wait (even if the client has gone, as a real server would); `'never'`
 *   waits, then closes the connection without committing.
 * - `status`: answers HTTP `status` (default 500) with a failure envelope (`errorCode`, `message`,
 *   `detail`).
 *   500, 502 and 504 are answered AFTER the send is committed (the server did the work, then failed
 *   to say so); any other status (503, 4xx, even 200) is answered WITHOUT committing.
 * - `rate_limit`: 429 with `Retry-After: retryAfterSeconds` (default 1), not committed.
 * - `drop_before_commit`: destroys the connection without committing or answering.
 * - `drop_after_commit`: commits the send, then destroys the connection without answering.
 *
 * A request can meet one `latency` plan and one other plan at once (the first active of each kind,
 * in the order given): it waits, then the other plan decides what happens. An invalid send (bad key
 * or body) is never committed; under a committing fault it gets its ordinary error answer instead.
 */
export interface FaultPlan {
  mode: 'latency' | 'status' | 'rate_limit' | 'drop_before_commit' | 'drop_after_commit';
  /** Default 'send'. */
  match?: FaultMatch;
  /** How many matching requests the plan applies to; absent = every one. */
  count?: number;
  latencyMs?: number;
  commit?: 'before' | 'after' | 'never';
  status?: number;
  errorCode?: string;
  message?: string;
  detail?: Array<{ field: string; reason: string }>;
  retryAfterSeconds?: number;
}

const MODES = new Set<FaultPlan['mode']>(['latency', 'status', 'rate_limit', 'drop_before_commit', 'drop_after_commit']);

/** Statuses answered after the send was committed: the server's work is done, its answer is lost. */
export const COMMITTING_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

interface ActivePlan { plan: FaultPlan; remaining: number }

export interface TakenFaults {
  latency?: FaultPlan;
  fault?: FaultPlan;
}

/** The plans in force and how many uses each has left. */
export class FaultSchedule {
  private active: ActivePlan[] = [];

  set(plans: FaultPlan | FaultPlan[] | null | undefined): void {
    this.active = parseFaultPlans(plans).map((plan) => ({ plan, remaining: plan.count ?? Infinity }));
  }

  /** The plans that apply to one request of `kind`, each using up one of its count. */
  take(kind: 'send' | 'status'): TakenFaults {
    const taken: TakenFaults = {};
    for (const entry of this.active) {
      if (entry.remaining <= 0 || !matches(entry.plan.match ?? 'send', kind)) continue;
      const slot = entry.plan.mode === 'latency' ? 'latency' : 'fault';
      if (taken[slot]) continue;
      taken[slot] = entry.plan;
      entry.remaining--;
    }
    this.active = this.active.filter((entry) => entry.remaining > 0);
    return taken;
  }

  /** The plans still in force, with their remaining counts (for the control endpoint). */
  describe(): Array<FaultPlan & { remaining: number | null }> {
    return this.active.map(({ plan, remaining }) => ({ ...plan, remaining: Number.isFinite(remaining) ? remaining : null }));
  }
}

function matches(match: FaultMatch, kind: 'send' | 'status'): boolean {
  return match === 'all' || match === kind;
}

/** Checks plans given over HTTP or in-process; throws a plain Error naming the bad field. */
export function parseFaultPlans(input: unknown): FaultPlan[] {
  if (input === null || input === undefined) return [];
  const list: unknown[] = Array.isArray(input) ? input : [input];
  return list.map((raw, i) => {
    const at = `faults[${i}]`;
    if (typeof raw !== 'object' || raw === null) throw new Error(`${at} must be an object`);
    const plan = raw as Record<string, unknown>;
    if (!MODES.has(plan.mode as FaultPlan['mode'])) throw new Error(`${at}.mode must be one of ${[...MODES].join(', ')}`);
    if (plan.match !== undefined && !['send', 'status', 'all'].includes(plan.match as string)) throw new Error(`${at}.match must be send, status or all`);
    if (plan.commit !== undefined && !['before', 'after', 'never'].includes(plan.commit as string)) throw new Error(`${at}.commit must be before, after or never`);
    for (const field of ['count', 'latencyMs', 'retryAfterSeconds'] as const) {
      const value = plan[field];
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw new Error(`${at}.${field} must be a whole number >= 0`);
    }
    if (plan.status !== undefined && (typeof plan.status !== 'number' || !Number.isInteger(plan.status) || plan.status < 200 || plan.status > 599)) {
      throw new Error(`${at}.status must be an HTTP status 200..599`);
    }
    for (const field of ['errorCode', 'message'] as const) {
      if (plan[field] !== undefined && typeof plan[field] !== 'string') throw new Error(`${at}.${field} must be a string`);
    }
    const detail = plan.detail;
    if (detail !== undefined && !(Array.isArray(detail) && detail.every((d) => typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string' && typeof (d as { reason?: unknown }).reason === 'string'))) {
      throw new Error(`${at}.detail must be a list of {field, reason}`);
    }
    return { ...(plan as unknown as FaultPlan) };
  });
}
