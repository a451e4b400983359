// The BaaS messaging API client: one instance per configuration (key, base URL, timeout). Sends
// SMS and MMS and reads a group's delivery status; see request.ts for retries and errors.
import { BaasSmsError } from '../core/errors';
import { silentLogger } from '../core/logger';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from '../core/settings';
import type { GroupStatus } from '../core/types';
import { toGroupStatus } from './groupStatus';
import { DEFAULT_BAAS_PATHS, groupStatusPath, type BaasPaths } from './paths';
import { callApi, type RequestConfig } from './request';
import type { BaasClientOptions, MmsRequest, SendAccepted, SendBody, SendRequestOptions, SmsRequest } from './types';

export type { BaasClientOptions, MmsRequest, SendAccepted, SendRequestOptions, SmsRequest } from './types';
export { API_PREFIXED_BAAS_PATHS, DEFAULT_BAAS_PATHS, type BaasPaths } from './paths';

const CHANNEL = { sms: 1, mms: 3 } as const;

export class BaasClient {
  // A true private field: the key inside never shows in JSON.stringify or util.inspect of a client.
  readonly #config: RequestConfig;
  private readonly paths: BaasPaths;

  /** Throws MISSING_API_KEY for an empty key and INVALID_INPUT for a base URL that is not http(s). */
  constructor(options: BaasClientOptions) {
    const apiKey = (options.apiKey ?? '').trim();
    if (!apiKey) throw new BaasSmsError('MISSING_API_KEY', { outcome: 'not_sent' });
    this.#config = {
      apiKey,
      baseUrl: parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
      timeoutMs: positive(options.timeoutMs, DEFAULT_TIMEOUT_MS),
      maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 2)),
      maxRetryAfterMs: Math.max(0, options.maxRetryAfterMs ?? 5_000),
      retryBaseDelayMs: Math.max(0, options.retryBaseDelayMs ?? 250),
      userAgent: options.userAgent ?? 'baas-sms-mcp',
      logger: options.logger ?? silentLogger,
    };
    this.paths = { ...DEFAULT_BAAS_PATHS, ...options.paths };
  }

  /** Sends one SMS/LMS to every recipient (channel 1). Resolves with the group id the API assigned. */
  sendSms(body: SmsRequest, opts: SendRequestOptions): Promise<SendAccepted> {
    return this.send(this.paths.sendSms, { ...smsFields(body), channel_id: CHANNEL.sms }, opts);
  }

  /** Sends one MMS (subject and image URLs) to every recipient (channel 3). */
  sendMms(body: MmsRequest, opts: SendRequestOptions): Promise<SendAccepted> {
    return this.send(this.paths.sendMms, { ...smsFields(body), subject: body.subject, img_url_list: [...body.img_url_list], channel_id: CHANNEL.mms }, opts);
  }

  /** Delivery status of a group, summarised as the BaaS API documents it. */
  async getGroupStatus(groupId: number, opts: { signal?: AbortSignal } = {}): Promise<GroupStatus> {
    if (!Number.isSafeInteger(groupId) || groupId <= 0) {
      throw new BaasSmsError('INVALID_GROUP_ID', { field: 'group_id', params: { input: String(groupId) }, outcome: 'not_sent' });
    }
    const answer = await callApi(this.#config, {
      operation: 'status',
      method: 'GET',
      path: groupStatusPath(this.paths, groupId),
      groupId,
      signal: opts.signal,
    });
    return toGroupStatus(groupId, answer.data);
  }

  private async send(path: string, body: SendBody, opts: SendRequestOptions): Promise<SendAccepted> {
    // An HTTP header carries visible ASCII only; say so rather than fail as a "network" error.
    if (!/^[\x21-\x7e]{1,255}$/.test(opts.idempotencyKey ?? '')) {
      throw new BaasSmsError('INVALID_INPUT', { field: 'idempotency_key', params: { detail: '1 to 255 visible ASCII characters (a UUID, say)' }, outcome: 'not_sent' });
    }
    const answer = await callApi(this.#config, {
      operation: 'send',
      method: 'POST',
      path,
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
    });
    const groupId = groupIdOf(answer.data);
    if (groupId === undefined) {
      // The API said yes, so the send went out; without its group id we cannot follow it up.
      throw new BaasSmsError('OUTCOME_UNKNOWN', { status: 200, outcome: 'unknown', params: { detail: 'the server accepted the send but gave no group id' } });
    }
    return { group_id: groupId, ...(answer.message !== undefined ? { server_message: answer.message } : {}) };
  }
}

/** Exactly the API's fields, whatever else the caller's object carries. */
function smsFields(body: SmsRequest): SmsRequest {
  return {
    recipients: body.recipients.map((r) => ({ phone_number: r.phone_number, member_code: r.member_code })),
    message: body.message,
    callback_number: body.callback_number,
    project_id: body.project_id,
  };
}

function groupIdOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = (data as Record<string, unknown>).group_id ?? (data as Record<string, unknown>).groupId;
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function parseBaseUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // Credentials in a URL would travel in logs and errors; the key belongs in headers only.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new BaasSmsError('INVALID_INPUT', { field: 'baseUrl', params: { detail: 'the API base URL must be an http(s) URL without credentials' }, outcome: 'not_sent' });
  }
  return url;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
