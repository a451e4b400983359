// The emulated API itself: which path is which call, and the answer the real API would give to it
// (key check, body validation, commit, status rows). Faults are layered on top by the handler.
import type { IncomingHttpHeaders } from 'node:http';
import { failureEnvelope, successEnvelope, type EnvelopeStyle } from './envelope';
import { presentedKeys } from './requestLog';
import type { CommittedSend, MessageStore } from './store';
import { validateSend, type SendChannel, type ValidSend } from './validation';

export type ApiRoute =
  | { kind: 'send'; channel: SendChannel; path: string }
  | { kind: 'status'; groupId: string }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allow: string };

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Set when this request committed a send. */
  committed?: CommittedSend;
}

export interface ApiContext {
  style: EnvelopeStyle;
  /** The only key accepted; undefined accepts any non-empty key. */
  apiKey?: string;
  store: MessageStore;
}

const SEND_PATH = /^(?:\/api)?\/message\/(sms|mms)$/;
const STATUS_PATH = /^\/message\/send_history\/sms\/([^/]+)\/messages$/;

export function routeOf(method: string, pathname: string): ApiRoute {
  const send = SEND_PATH.exec(pathname);
  if (send) return method === 'POST' ? { kind: 'send', channel: send[1] as SendChannel, path: pathname } : { kind: 'method_not_allowed', allow: 'POST' };
  const status = STATUS_PATH.exec(pathname);
  if (status) return method === 'GET' ? { kind: 'status', groupId: decodeURIComponent(status[1]) } : { kind: 'method_not_allowed', allow: 'GET' };
  return { kind: 'not_found' };
}

export function answerApi(ctx: ApiContext, route: ApiRoute, headers: IncomingHttpHeaders, raw: string): ApiAnswer {
  const fail = (status: number, code: string, message: string, extra: Partial<ApiAnswer> = {}, detail?: Array<{ field: string; reason: string }>): ApiAnswer =>
    ({ status, body: failureEnvelope(ctx.style, code, message, detail), ...extra });

  if (route.kind === 'not_found') return fail(404, 'NOT_FOUND', '요청한 경로가 없습니다.');
  if (route.kind === 'method_not_allowed') return fail(405, 'METHOD_NOT_ALLOWED', '허용되지 않는 메서드입니다.', { headers: { allow: route.allow } });

  const keys = presentedKeys(headers);
  const authorised = ctx.apiKey === undefined ? keys.length > 0 : keys.includes(ctx.apiKey);
  if (!authorised) return fail(401, 'AUTHENTICATION_FAILED', '인증에 실패했습니다. API 키를 확인하세요.');

  if (route.kind === 'status') {
    if (!/^\d{1,15}$/.test(route.groupId)) {
      return fail(422, 'VALIDATION_ERROR', '요청 값이 올바르지 않습니다.', {}, [{ field: 'group_id', reason: 'must be a positive whole number' }]);
    }
    const rows = ctx.store.statusRows(Number(route.groupId));
    if (!rows) {
      const why = ctx.store.explainUnknown(Number(route.groupId));
      return fail(404, 'RECIPIENT_NOT_FOUND', why ?? '해당 그룹의 발송 내역을 찾을 수 없습니다.');
    }
    return { status: 200, body: successEnvelope(ctx.style, '조회 성공', rows) };
  }

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(400, 'BAD_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.');
  }
  const problems = validateSend(route.channel, body);
  if (problems.length > 0) return fail(422, 'VALIDATION_ERROR', '요청 값이 올바르지 않습니다.', {}, problems);

  const idempotencyKey = headers['idempotency-key'];
  const committed = ctx.store.commit(route.channel, route.path, body as ValidSend, typeof idempotencyKey === 'string' ? idempotencyKey : undefined);
  return { status: 200, body: successEnvelope(ctx.style, '메시지 발송 요청이 접수되었습니다.', { group_id: committed.group_id }), committed };
}
