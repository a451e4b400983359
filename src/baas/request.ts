// The one place requests to the BaaS API are made: headers (both auth forms), the retry loop and
// the translation of every ending into data or a BaasSmsError with the key cut out.
import { BaasSmsError } from '../core/errors';
import type { Logger } from '../core/logger';
import { redactSecret } from '../core/redact';
import { parseEnvelope } from './envelope';
import { answerError, retryAfterSeconds, transportError, type CallContext } from './errors';
import { resolveApiUrl } from './paths';
import { backoffMs, isRetryableFailure, isRetryableStatus, pause, type Operation } from './retry';
import { exchange, TransportFailure, type HttpExchange } from './transport';
import type { SendBody } from './types';

export interface RequestConfig {
  baseUrl: URL;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  retryBaseDelayMs: number;
  userAgent: string;
  logger: Logger;
}

export interface ApiCall {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  body?: SendBody;
  idempotencyKey?: string;
  groupId?: number;
  signal?: AbortSignal;
}

export interface ApiSuccess {
  data: unknown;
  message?: string;
}

/**
 * Makes `call`, retrying only what the retry policy allows (same body, same Idempotency-Key), and
 * resolves with the success envelope's data or rejects with a BaasSmsError whose `outcome` says
 * whether a send can have taken effect.
 */
export async function callApi(config: RequestConfig, call: ApiCall): Promise<ApiSuccess> {
  const url = resolveApiUrl(config.baseUrl, call.path);
  const ctx: CallContext = {
    operation: call.operation,
    host: url.host,
    timeoutMs: config.timeoutMs,
    groupId: call.groupId,
    body: call.body,
    redact: (text) => redactSecret(text, config.apiKey),
  };
  const headers: Record<string, string> = {
    authorization: `Bearer ${config.apiKey}`,
    'x-api-key': config.apiKey,
    accept: 'application/json',
    'user-agent': config.userAgent,
    ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(call.idempotencyKey !== undefined ? { 'idempotency-key': call.idempotencyKey } : {}),
  };
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const label = `BaaS ${call.method} ${call.path}`;

  for (let attempt = 0; ; attempt++) {
    let answer: HttpExchange;
    const started = Date.now();
    try {
      answer = await exchange({ url, method: call.method, headers, body: payload, timeoutMs: config.timeoutMs, signal: call.signal });
    } catch (thrown) {
      if (!(thrown instanceof TransportFailure)) throw new BaasSmsError('INTERNAL_ERROR', { params: { detail: ctx.redact(String(thrown)) }, outcome: 'unknown' });
      if (attempt < config.maxRetries && isRetryableFailure(call.operation, thrown)) {
        const wait = backoffMs(config.retryBaseDelayMs, attempt);
        config.logger.warn(`${label}: ${thrown.kind}, retrying in ${wait} ms (retry ${attempt + 1} of ${config.maxRetries})`);
        await pause(wait, call.signal);
        continue;
      }
      throw transportError(thrown, ctx);
    }

    config.logger.debug(`${label}: HTTP ${answer.status} in ${Date.now() - started} ms`);
    const envelope = parseEnvelope(answer.text);
    if (answer.status >= 200 && answer.status < 300 && envelope?.ok) {
      return { data: envelope.data, ...(envelope.message !== undefined ? { message: ctx.redact(envelope.message) } : {}) };
    }
    if (attempt < config.maxRetries && isRetryableStatus(call.operation, answer.status)) {
      const retryAfter = retryAfterSeconds(answer);
      const wait = retryAfter === undefined ? backoffMs(config.retryBaseDelayMs, attempt) : retryAfter * 1000;
      // A server asking for a longer pause than we may spend is answered with RATE_LIMITED at once.
      if (wait <= config.maxRetryAfterMs) {
        config.logger.warn(`${label}: HTTP ${answer.status}, retrying in ${wait} ms (retry ${attempt + 1} of ${config.maxRetries})`);
        await pause(wait, call.signal);
        continue;
      }
    }
    throw answerError(answer, envelope, ctx);
  }
}
