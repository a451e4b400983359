// One HTTP request through the emulator: control endpoints, then the API call with any fault plan
// layered on (wait, refuse, answer an error after committing, or drop the connection).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../core/logger';
import { answerApi, routeOf, type ApiAnswer, type ApiContext } from './apiRoutes';
import { answerControl, CONTROL_PREFIX, type ControlContext } from './control';
import { failureEnvelope } from './envelope';
import { COMMITTING_STATUSES, type FaultPlan, type FaultSchedule } from './faults';
import type { RequestLog } from './requestLog';

export interface HandlerContext extends ApiContext, ControlContext {
  faults: FaultSchedule;
  log: RequestLog;
  logger: Logger;
  now: () => number;
  controlEndpoints: boolean;
  /** Waits that close() must be able to cut short. */
  wait(ms: number): Promise<void>;
  isClosed(): boolean;
}

/** Large enough for 1000 recipients and a 2000-character message many times over. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function handleRequest(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const raw = await readBody(req);
  if (raw === undefined) return respond(res, 413, failureEnvelope(ctx.style, 'PAYLOAD_TOO_LARGE', '요청 본문이 너무 큽니다.'));

  if (ctx.controlEndpoints && url.pathname.startsWith(CONTROL_PREFIX)) {
    const answer = answerControl(ctx, method, url, raw);
    return respond(res, answer.status, answer.body);
  }

  ctx.log.record(method, url.pathname + url.search, req.headers, raw, ctx.now());
  const route = routeOf(method, url.pathname);
  const process = (): ApiAnswer => answerApi(ctx, route, req.headers, raw);
  const line = `${method} ${url.pathname}`;
  if (route.kind !== 'send' && route.kind !== 'status') return deliver(ctx, res, line, process());

  const { latency, fault } = ctx.faults.take(route.kind);
  if (latency && !fault) {
    const commit = latency.commit ?? 'before';
    const early = commit === 'before' ? process() : undefined;
    await ctx.wait(latency.latencyMs ?? 0);
    if (commit === 'never' || ctx.isClosed()) return drop(ctx, res, line, early?.committed ? 'closed after commit' : 'latency, not committed');
    return deliver(ctx, res, line, early ?? process());
  }
  if (latency) await ctx.wait(latency.latencyMs ?? 0);
  if (ctx.isClosed()) return drop(ctx, res, line, 'emulator closed');
  if (!fault) return deliver(ctx, res, line, process());
  return applyFault(ctx, res, line, fault, route.kind === 'send' ? process : undefined, process);
}

function applyFault(ctx: HandlerContext, res: ServerResponse, line: string, fault: FaultPlan, commitSend: (() => ApiAnswer) | undefined, read: () => ApiAnswer): void {
  switch (fault.mode) {
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      const body = failureEnvelope(ctx.style, fault.errorCode ?? 'RATE_LIMIT_EXCEEDED', fault.message ?? '요청 한도를 넘었습니다. 잠시 뒤 다시 시도하세요.');
      return deliver(ctx, res, line, { status: 429, body, headers: { 'retry-after': String(seconds) } });
    }
    case 'drop_before_commit':
      return drop(ctx, res, line, 'dropped before commit');
    case 'drop_after_commit': {
      const answer = (commitSend ?? read)();
      return drop(ctx, res, line, answer.committed ? `dropped after committing group ${answer.committed.group_id}` : `dropped (HTTP ${answer.status} not sent)`);
    }
    case 'status': {
      const status = fault.status ?? 500;
      if (COMMITTING_STATUSES.has(status) && commitSend) {
        // The server did the work, then failed to say so: the ambiguous case a client must not retry.
        const answer = commitSend();
        if (!answer.committed) return deliver(ctx, res, line, answer);
      }
      const body = failureEnvelope(ctx.style, fault.errorCode ?? defaultCode(status), fault.message ?? `emulated HTTP ${status}`, fault.detail);
      return deliver(ctx, res, line, { status, body });
    }
    case 'latency':
      return deliver(ctx, res, line, read());
  }
}

function defaultCode(status: number): string {
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'EXTERNAL_SERVER_ERROR';
  if (status === 401 || status === 403) return 'AUTHENTICATION_FAILED';
  if (status === 422) return 'VALIDATION_ERROR';
  return status >= 400 ? 'BAD_REQUEST' : 'EXTERNAL_API_ERROR';
}

function deliver(ctx: HandlerContext, res: ServerResponse, line: string, answer: ApiAnswer): void {
  const group = answer.committed ? ` group ${answer.committed.group_id}` : '';
  ctx.logger.debug(`emulator: ${line} -> ${answer.status}${group}`);
  respond(res, answer.status, answer.body, answer.headers);
}

function drop(ctx: HandlerContext, res: ServerResponse, line: string, what: string): void {
  ctx.logger.debug(`emulator: ${line} -> ${what}`);
  res.socket?.destroy();
  res.destroy();
}

function respond(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The request body as text, or undefined when it is larger than the emulator accepts. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
