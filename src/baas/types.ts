// What the BaaS client takes and gives back. Bodies use the API's own field names (baas-api.md).
import type { Logger } from '../core/logger';
import type { Recipient } from '../core/types';
import type { BaasPaths } from './paths';

export interface SmsRequest {
  recipients: Recipient[];
  message: string;
  callback_number: string;
  project_id: string;
}

export interface MmsRequest extends SmsRequest {
  subject: string;
  img_url_list: string[];
}

/** What goes over the wire for a send: the request plus the channel (1 SMS/LMS, 3 MMS). */
export type SendBody = SmsRequest & { channel_id: 1 | 3; subject?: string; img_url_list?: string[] };

export interface SendAccepted {
  group_id: number;
  /** The server's own words on acceptance, when it gave any. */
  server_message?: string;
}

export interface SendRequestOptions {
  /** The same key for every attempt of one logical send, so the server can tell a retry from a new send. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface BaasClientOptions {
  apiKey: string;
  /** Default DEFAULT_BASE_URL (core/settings.ts). A path prefix (self-hosted gateway) is kept. */
  baseUrl?: string;
  /** Per attempt, from connecting to the last byte of the answer. Default 20000. */
  timeoutMs?: number;
  /** Retries after the first attempt, only where the request certainly was not processed. Default 2. */
  maxRetries?: number;
  /** The longest Retry-After the client waits for; a longer one ends the call with RATE_LIMITED. Default 5000. */
  maxRetryAfterMs?: number;
  /** Wait before a retry the server gave no Retry-After for: this, doubled each time. Default 250. */
  retryBaseDelayMs?: number;
  paths?: Partial<BaasPaths>;
  logger?: Logger;
  userAgent?: string;
}
