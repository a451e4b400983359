// HTTP control endpoints under /__emulator/, so a test can drive an emulator running in another
// process (`baas-sms-mcp emulator`) the way in-process tests use the BaasEmulator object.
//
//   GET    /__emulator/state        counts, next group id, faults in force
//   GET    /__emulator/requests     the request log (keys redacted)
//   GET    /__emulator/commits      committed sends; ?idempotency_key=K adds that key's count
//   GET    /__emulator/faults       faults in force with their remaining counts
//   PUT    /__emulator/faults       body: FaultPlan | FaultPlan[] | null (POST works too)
//   DELETE /__emulator/faults       clears them
//   POST   /__emulator/reset        forgets sends, groups, requests and faults
import { parseFaultPlans, type FaultSchedule } from './faults';
import type { RequestLog } from './requestLog';
import type { MessageStore } from './store';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlContext {
  store: MessageStore;
  faults: FaultSchedule;
  log: RequestLog;
  reset(): void;
}

export interface ControlAnswer {
  status: number;
  body: unknown;
}

export function answerControl(ctx: ControlContext, method: string, url: URL, raw: string): ControlAnswer {
  const name = url.pathname.slice(CONTROL_PREFIX.length);
  const ok = (body: unknown): ControlAnswer => ({ status: 200, body });
  switch (`${method} ${name}`) {
    case 'GET state':
      return ok({
        committed_sends: ctx.store.committedCount(),
        next_group_id: ctx.store.peekNextGroupId(),
        requests: ctx.log.all().length,
        faults: ctx.faults.describe(),
      });
    case 'GET requests':
      return ok({ requests: ctx.log.all() });
    case 'GET commits': {
      const key = url.searchParams.get('idempotency_key');
      return ok({
        committed_sends: ctx.store.committedCount(),
        commits: ctx.store.all(),
        ...(key !== null ? { idempotency_key_commits: ctx.store.commitsFor(key) } : {}),
      });
    }
    case 'GET faults':
      return ok({ faults: ctx.faults.describe() });
    case 'PUT faults':
    case 'POST faults':
      try {
        ctx.faults.set(parseFaultPlans(raw.trim() === '' ? null : JSON.parse(raw)));
      } catch (error) {
        return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
      }
      return ok({ faults: ctx.faults.describe() });
    case 'DELETE faults':
      ctx.faults.set(null);
      return ok({ faults: [] });
    case 'POST reset':
      ctx.reset();
      return ok({ reset: true });
    default:
      return { status: 404, body: { error: `no control endpoint ${method} ${url.pathname}` } };
  }
}
