// When a campaign would run, batch by batch at its pace, and where the advertising night-time rule
// (no advertisement 21:00–08:00 KST without separate consent, 정보통신망법 제50조) stops it: the run
// is stopped at 21:00 and offered to continue at 08:00. KST is UTC+9 all year (no daylight saving).
import { isKoreanNightTime } from '../messaging/advertising';
import type { CampaignSchedule, NightStop } from './planTypes';

/** What one API request is assumed to take, for the estimate only. */
export const REQUEST_MS_ESTIMATE = 300;
const HOUR = 3_600_000;
const KST = 9 * HOUR;

export interface ScheduleInput {
  batches: number;
  paceMs: number;
  start: Date;
  /** An advertisement whose recipients have not all given night-time consent. */
  nightRestricted: boolean;
}

export function estimateSchedule({ batches, paceMs, start, nightRestricted }: ScheduleInput): CampaignSchedule {
  const per = REQUEST_MS_ESTIMATE + paceMs;
  const base = { pace_ms: paceMs, request_ms_estimate: REQUEST_MS_ESTIMATE, starts_at: start.toISOString() };
  if (!nightRestricted) return { ...base, estimated_end_at: new Date(start.getTime() + duration(batches, per)).toISOString(), night_stops: [] };

  let cursor = start.getTime();
  let waitsUntil: string | undefined;
  if (isNight(cursor)) {
    cursor = nextKstHour(cursor, 8);
    waitsUntil = new Date(cursor).toISOString();
  }
  const stops: NightStop[] = [];
  let left = batches;
  let sent = 0;
  // One pass per day: as many batches as start before 21:00, then the night.
  while (left > 0) {
    const stopAt = nextKstHour(cursor, 21);
    const fit = Math.min(left, Math.max(1, Math.ceil((stopAt - cursor) / per)));
    if (fit === left) {
      cursor += duration(left, per);
      break;
    }
    left -= fit;
    sent += fit;
    const resumeAt = nextKstHour(stopAt, 8);
    stops.push({ stop_at: new Date(stopAt).toISOString(), batches_before_stop: sent, resume_at: new Date(resumeAt).toISOString() });
    cursor = resumeAt;
  }
  return { ...base, estimated_end_at: new Date(cursor).toISOString(), night_stops: stops, ...(waitsUntil ? { waits_until: waitsUntil } : {}) };
}

/** `n` batches at `per` ms each: the pace is a pause between requests, not after the last. */
function duration(n: number, per: number): number {
  return n === 0 ? 0 : n * per - (per - REQUEST_MS_ESTIMATE);
}

export function isNight(time: number): boolean {
  return isKoreanNightTime(new Date(time));
}

/** `2026-11-30 21:00 KST`: a campaign's times are Korea's (the advertising law's clock). */
export function formatKst(iso: string): string {
  return `${new Date(new Date(iso).getTime() + KST).toISOString().slice(0, 16).replace('T', ' ')} KST`;
}

/** The first moment after `time` (exclusive) at which it is `hour`:00 in Korea. */
export function nextKstHour(time: number, hour: number): number {
  const kst = new Date(time + KST);
  let candidate = Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), hour) - KST;
  if (candidate <= time) candidate += 24 * HOUR;
  return candidate;
}
