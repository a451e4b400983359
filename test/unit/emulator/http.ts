// Plain HTTP calls to a running emulator (real requests on 127.0.0.1, no client logic in between),
// so the emulator's behaviour is checked independently of BaasClient.
import * as http from 'node:http';
import type { CommittedSend, EmulatorRequestRecord, FaultPlan } from '../../../src/emulator/emulator';
import type { StatusRow } from '../../../src/emulator/store';

export const PROJECT_ID = '123e4567-e89b-12d3-a456-426614174000';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: AnswerBody;
}

/**
 * Every field an emulator answer can have (both envelopes, the control endpoints), all declared
 * present so tests read them directly; a missing one is simply undefined at run time.
 */
export interface AnswerBody {
  success: boolean;
  result: string;
  message: string;
  error_code: string;
  errorCode: string;
  detail: Array<{ field: string; reason: string }>;
  /** A send's `{group_id}` or a status read's rows, typed as both. */
  data: { group_id: number } & StatusRow[];
  faults: Array<FaultPlan & { remaining: number | null }>;
  committed_sends: number;
  next_group_id: number;
  idempotency_key_commits: number;
  commits: CommittedSend[];
  requests: EmulatorRequestRecord[];
  error: string;
}

/** One request; resolves with the answer or rejects with the socket error (for drop faults). */
export function request(baseUrl: string, method: string, path: string, options: { key?: string | null; bearer?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers['x-api-key'] = options.key ?? 'test-key';
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* keep the text */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body as AnswerBody });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export function smsBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recipients: [{ phone_number: '010-1234-5678', member_code: 'user1' }],
    message: '안녕하세요',
    callback_number: '02-1234-5678',
    project_id: PROJECT_ID,
    channel_id: 1,
    ...overrides,
  };
}

export function mmsBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return smsBody({ channel_id: 3, subject: '제목', img_url_list: ['https://example.com/a.jpg'], ...overrides });
}
