// Turns what went wrong in a call into a BaasSmsError: a stable code, the server's own code and
// message kept (key cut out), and whether a send can have taken effect (`outcome`).
import { BaasSmsError } from '../core/errors';
import type { ErrorCode } from '../core/errorCodes';
import { measureText } from '../messaging/bytes';
import { MAX_MESSAGE_BYTES } from '../messaging/limits';
import type { Envelope, ServerProblem } from './envelope';
import type { HttpExchange, TransportFailure } from './transport';
import type { SmsRequest } from './types';

export interface CallContext {
  operation: 'send' | 'status';
  /** Host (and port) of the API, for messages; never the full URL. */
  host: string;
  timeoutMs: number;
  groupId?: number;
  body?: SmsRequest;
  /** Cuts the API key out of any text that came from outside. */
  redact(text: string): string;
}

/** A failure of the connection itself: refused, unresolved, timed out, cancelled or cut. */
export function transportError(failure: TransportFailure, ctx: CallContext): BaasSmsError {
  const outcome = failure.mayHaveArrived ? 'unknown' : 'not_sent';
  const base = { outcome, cause: failure } as const;
  switch (failure.kind) {
    case 'timeout':
      return new BaasSmsError('TIMEOUT', { ...base, params: { timeoutMs: ctx.timeoutMs } });
    case 'cancelled':
      return new BaasSmsError('CANCELLED', base);
    case 'refused':
      return new BaasSmsError('NETWORK_ERROR', { ...base, params: { detail: `connection refused by ${ctx.host}` } });
    case 'dns':
      return new BaasSmsError('NETWORK_ERROR', { ...base, params: { detail: `host ${ctx.host} not found` } });
    case 'network':
      return new BaasSmsError('NETWORK_ERROR', { ...base, params: { detail: `${failure.errorCode ?? 'no connection'} to ${ctx.host}` } });
    case 'reset':
      return ctx.operation === 'send'
        ? new BaasSmsError('OUTCOME_UNKNOWN', { ...base, params: { detail: `the connection to ${ctx.host} closed after the request was sent, before the answer` } })
        : new BaasSmsError('NETWORK_ERROR', { ...base, params: { detail: `the connection to ${ctx.host} closed before the answer` } });
  }
}

/** An answer that is not a success: HTTP error statuses, and HTTP 2xx whose envelope says failure. */
export function answerError(answer: HttpExchange, envelope: Envelope | undefined, ctx: CallContext): BaasSmsError {
  const failure = envelope && !envelope.ok ? envelope : undefined;
  const serverCode = failure?.code ? ctx.redact(failure.code) : undefined;
  const serverMessage = failure?.message ? ctx.redact(failure.message) : undefined;
  const detail = (failure?.detail ?? []).map((p) => ({ field: ctx.redact(p.field), reason: ctx.redact(p.reason) }));
  const status = answer.status;
  const kept = { status, serverCode, serverMessage };
  const refused = (code: ErrorCode, extra: { field?: string; params?: Record<string, string | number | boolean | undefined> } = {}): BaasSmsError =>
    new BaasSmsError(code, { ...kept, ...extra, outcome: 'not_sent' });

  // A send the server may have carried out before failing to answer: never "failed", never retried.
  // EXTERNAL_* (whatever the HTTP status, 200 included) means BaaS had handed the message to the carrier
  // when that failed: it may have reached the phone, so the send is unknown, not refused.
  const external = serverCode !== undefined && /^EXTERNAL_/.test(serverCode);
  if (ctx.operation === 'send' && (external || (status >= 500 && status !== 503) || (status >= 200 && status < 300 && !failure))) {
    const what = external ? `HTTP ${status} ${serverCode}` : status < 300 ? `HTTP ${status} with an unreadable answer` : `HTTP ${status}`;
    return new BaasSmsError('OUTCOME_UNKNOWN', { ...kept, outcome: 'unknown', params: { detail: `the server answered ${what}` } });
  }
  if (status === 401 || status === 403 || serverCode === 'AUTHENTICATION_FAILED') return refused('AUTHENTICATION_FAILED');
  if (status === 429 || serverCode === 'RATE_LIMIT_EXCEEDED') return refused('RATE_LIMITED', { params: { retryAfter: retryAfterSeconds(answer) } });
  if (status === 503) return refused('SERVICE_UNAVAILABLE', { params: { retryAfter: retryAfterSeconds(answer) } });
  if (ctx.operation === 'status' && (status === 404 || serverCode === 'RECIPIENT_NOT_FOUND')) {
    return refused('GROUP_NOT_FOUND', { field: 'group_id', params: { input: ctx.groupId } });
  }
  if (serverCode === 'INVALID_PHONE_NUMBER') {
    const problem = detail.find((p) => /phone/.test(p.field));
    return refused('INVALID_PHONE_NUMBER', { field: problem?.field || 'recipients', params: { input: phoneNamedBy(problem, ctx) ?? serverMessage ?? '' } });
  }
  if (serverCode === 'MESSAGE_TOO_LONG' && ctx.body) {
    return refused('MESSAGE_TOO_LONG', { field: 'message', params: { actual: measureText(ctx.body.message).bytes, max: MAX_MESSAGE_BYTES } });
  }
  if (serverCode === 'INVALID_PROJECT' && ctx.body) return refused('INVALID_PROJECT_ID', { field: 'project_id', params: { input: ctx.body.project_id, rejectedByApi: true } });
  return refused('API_ERROR', {
    ...(detail[0]?.field ? { field: detail[0].field } : {}),
    params: { detail: detail.length ? detail.map((p) => `${p.field || '-'}: ${p.reason}`).join('; ') : failure ? undefined : 'an answer the client cannot read' },
  });
}

/** Retry-After in whole seconds (delta-seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterSeconds(answer: HttpExchange, now = Date.now()): number | undefined {
  const header = answer.headers['retry-after'];
  const value = typeof header === 'string' ? header : undefined;
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function phoneNamedBy(problem: ServerProblem | undefined, ctx: CallContext): string | undefined {
  const index = problem && /recipients\[(\d+)\]/.exec(problem.field);
  return index ? ctx.body?.recipients[Number(index[1])]?.phone_number : undefined;
}
