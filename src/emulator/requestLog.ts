// Every API request the emulator saw, for tests to inspect (exactly one POST per send, both auth
// headers, the body sent). Keys are cut out before anything is stored.
import type { IncomingHttpHeaders } from 'node:http';
import { redactSecret } from '../core/redact';

export interface EmulatorRequestRecord {
  at: number;
  method: string;
  /** Path and query string. */
  path: string;
  /** Lower-case header names; `authorization` and `x-api-key` values are redacted. */
  headers: Record<string, string>;
  /** The JSON body, parsed, or the raw text when it is not JSON, or null when empty. */
  body: unknown;
}

/** Oldest records are dropped beyond this, so a long-running emulator does not grow without bound. */
const MAX_RECORDS = 20_000;
const REDACTED = '[REDACTED]';

export class RequestLog {
  private records: EmulatorRequestRecord[] = [];

  /** A disabled log records nothing: the sandbox's emulator runs for a whole session and nobody reads its log. */
  constructor(private readonly options: { enabled: boolean } = { enabled: true }) {}

  record(method: string, path: string, headers: IncomingHttpHeaders, raw: string, at: number): void {
    if (!this.options.enabled) return;
    const keys = presentedKeys(headers);
    let text = raw;
    for (const key of keys) text = redactSecret(text, key);
    this.records.push({ at, method, path, headers: redactHeaders(headers, keys), body: parseBody(text) });
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  all(): readonly EmulatorRequestRecord[] {
    return this.records;
  }

  clear(): void {
    this.records = [];
  }
}

/** The API keys a request presents: `X-API-KEY` and the token of `Authorization: Bearer`. */
export function presentedKeys(headers: IncomingHttpHeaders): string[] {
  const keys: string[] = [];
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim()) keys.push(apiKey.trim());
  const bearer = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '');
  if (bearer) keys.push(bearer[1].trim());
  return keys;
}

function redactHeaders(headers: IncomingHttpHeaders, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    let text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'x-api-key') text = REDACTED;
    else if (name === 'authorization') text = /^Bearer\b/i.test(text) ? `Bearer ${REDACTED}` : REDACTED;
    else for (const key of keys) text = redactSecret(text, key);
    out[name] = text;
  }
  return out;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
