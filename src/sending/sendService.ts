// The one path every send takes, whoever asks (an agent's tool call, a palette command): the rules,
// the spend guard, de-duplication, the confirmation, the ledger before and after, and the BaaS call.
// It never retries a send that may have reached the server: such an outcome is recorded as unknown.
import { BaasClient } from '../baas/client';
import { BaasSmsError, toBaasSmsError } from '../core/errors';
import type { Logger } from '../core/logger';
import { nodeCrypto } from '../core/nodeBuiltins';
import { maskPhone } from '../core/redact';
import type { SendInput } from '../core/types';
import type { SpendGuard } from '../guard/spendGuard';
import type { LedgerEntry, SendLedger } from '../ledger/sendLedger';
import { prepareSend } from '../messaging/prepareSend';
import { sendFingerprint } from './fingerprint';
import { SANDBOX_API_KEY, type SandboxBackend } from './sandbox';
import type { AdvertisementOptions, SendOptions, SendPreview, SendResult, StatusResult } from './types';
import { SANDBOX_PROJECT_ID, type SendingSettings } from '../core/settings';

export interface SendServiceDeps {
  ledger: SendLedger;
  guard: SpendGuard;
  settings: () => SendingSettings;
  /** The live API key: SecretStorage in VS Code, BAAS_API_KEY standalone. Read for every live call. */
  apiKey: () => Promise<string | undefined>;
  sandbox: SandboxBackend;
  logger: Logger;
  now?: () => number;
}

/** `at` is when the send settled; a send still in flight (say, awaiting its confirmation) never expires. */
interface RecentSend { at?: number; fingerprint: string; result: Promise<SendResult> }

export class SendService {
  private readonly clients = new Map<string, BaasClient>();
  private readonly recent = new Map<string, RecentSend>();
  private readonly now: () => number;

  constructor(private readonly deps: SendServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Validates and prices a send without sending it. Throws BaasSmsError for what the rules refuse. */
  preview(input: SendInput, advertisement?: AdvertisementOptions): SendPreview {
    const settings = this.deps.settings();
    const callback = input.callback_number?.trim() || settings.defaultCallbackNumber;
    if (!callback) throw new BaasSmsError('MISSING_CALLBACK_NUMBER', { field: 'callback_number' });
    const prepared = prepareSend({ ...input, callback_number: callback }, {
      rules: settings.rules,
      defaultProjectId: settings.projectId ?? (settings.sandbox ? SANDBOX_PROJECT_ID : undefined),
      locale: settings.locale,
      advertisement: { ...advertisement, now: new Date(this.now()) },
    });
    return { ...prepared, sandbox: settings.sandbox };
  }

  /** The preview plus what would stop the send right now (no key, a spend limit), without sending. */
  async assess(input: SendInput, advertisement?: AdvertisementOptions): Promise<{ preview: SendPreview; blocked?: BaasSmsError }> {
    const preview = this.preview(input, advertisement);
    try {
      if (!preview.sandbox && !(await this.deps.apiKey())) throw new BaasSmsError('MISSING_API_KEY');
      this.deps.guard.check({ recipients: preview.recipients, sandbox: preview.sandbox });
      return { preview };
    } catch (error) {
      return { preview, blocked: toBaasSmsError(error) };
    }
  }

  async send(input: SendInput, options: SendOptions): Promise<SendResult> {
    const preview = this.preview(input, options.advertisement);
    // Looked up before the key and the spend limits: a repeat of a send that went out must get that
    // send's answer, not a refusal saying "not sent" (the budget it spent may be what refuses it).
    const fingerprint = sendFingerprint(preview, preview.sandbox);
    const dedupeKey = options.idempotencyKey ? `key:${options.idempotencyKey}` : `fp:${fingerprint}`;
    const earlier = this.recentSend(dedupeKey, fingerprint);
    if (earlier) {
      this.deps.logger.info(`send answered from an identical send moments ago (${preview.recipients.length} recipients); nothing new was sent`);
      return { ...(await earlier), deduplicated: true };
    }
    // Registered before its first await, so a concurrent identical call finds it.
    const result = this.checkAndSend(preview, options);
    const recent: RecentSend = { fingerprint, result };
    this.recent.set(dedupeKey, recent);
    // A send that certainly did not go out may be tried again at once; one whose outcome is unknown
    // may not: an identical repeat gets the same unknown answer until checked or given a new key.
    result.then(() => { recent.at = this.now(); }, (error: unknown) => {
      recent.at = this.now();
      if (toBaasSmsError(error).outcome !== 'unknown' && this.recent.get(dedupeKey) === recent) this.recent.delete(dedupeKey);
    });
    return result;
  }

  private recentSend(key: string, fingerprint: string): Promise<SendResult> | undefined {
    const windowMs = this.deps.settings().duplicateWindowSeconds * 1000;
    for (const [k, v] of this.recent) if (v.at !== undefined && this.now() - v.at > Math.max(windowMs, 0)) this.recent.delete(k);
    const earlier = this.recent.get(key);
    // A key reused for a different message must not quietly answer with the first one's result.
    if (earlier && earlier.fingerprint !== fingerprint) {
      throw new BaasSmsError('INVALID_INPUT', { field: 'idempotency_key', params: { detail: 'this key was used moments ago for a different message; pass a new key' } });
    }
    return earlier?.result;
  }

  private async checkAndSend(preview: SendPreview, options: SendOptions): Promise<SendResult> {
    const apiKey = preview.sandbox ? SANDBOX_API_KEY : await this.deps.apiKey();
    if (!apiKey) throw new BaasSmsError('MISSING_API_KEY');
    this.deps.guard.check({ recipients: preview.recipients, sandbox: preview.sandbox });
    return this.confirmAndSend(preview, apiKey, options);
  }

  private async confirmAndSend(preview: SendPreview, apiKey: string, options: SendOptions): Promise<SendResult> {
    if (options.confirm && !(await options.confirm(preview))) throw new BaasSmsError('CONFIRMATION_DECLINED');
    // Time passed while the user read the confirmation: budgets may have moved, the caller may have gone.
    this.deps.guard.check({ recipients: preview.recipients, sandbox: preview.sandbox });
    if (options.signal?.aborted) throw new BaasSmsError('CANCELLED', { outcome: 'not_sent' });
    // Everything that can fail without sending happens before the pending record is written.
    const client = await this.client(preview.sandbox, apiKey);
    const entry = this.deps.ledger.recordPending({
      kind: preview.kind,
      message_type: preview.message_type,
      project_id: preview.project_id,
      sandbox: preview.sandbox,
      origin: options.origin,
      recipients: preview.recipients,
      message: preview.message,
      subject: preview.subject,
      image_urls: preview.kind === 'mms' ? preview.image_urls : undefined,
      callback_number: preview.callback_number,
      message_bytes: preview.message_bytes,
      estimated_cost_krw: preview.estimated_cost_krw,
      idempotency_key: options.idempotencyKey ?? nodeCrypto().randomUUID(),
    });
    this.deps.guard.record({ recipientCount: preview.recipients.length, sandbox: preview.sandbox });
    const who = `${preview.recipients.length} recipient(s) (${preview.recipients.slice(0, 3).map((r) => maskPhone(r.phone_number)).join(', ')})`;
    try {
      const body = {
        recipients: preview.recipients,
        message: preview.message,
        callback_number: preview.callback_number,
        project_id: preview.project_id,
      };
      const request = { idempotencyKey: entry.idempotency_key, signal: options.signal };
      const accepted = preview.kind === 'mms'
        ? await client.sendMms({ ...body, subject: preview.subject ?? '', img_url_list: preview.image_urls }, request)
        : await client.sendSms(body, request);
      this.deps.ledger.recordOutcome(entry.id, { outcome: 'sent', group_id: accepted.group_id });
      this.deps.logger.info(`${preview.message_type} ${entry.id} accepted as group ${accepted.group_id} for ${who}${preview.sandbox ? ' [sandbox]' : ''}`);
      return { send_id: entry.id, group_id: accepted.group_id, sandbox: preview.sandbox, preview, deduplicated: false };
    } catch (thrown) {
      const error = sendError(toBaasSmsError(thrown), entry);
      const outcome = error.outcome === 'not_sent' ? 'failed' : 'unknown';
      this.deps.ledger.recordOutcome(entry.id, { outcome, error: { code: error.code, message: error.describe('en').message } });
      this.deps.logger.warn(`${preview.message_type} ${entry.id} for ${who} ${outcome}: ${error.code}`);
      throw error;
    }
  }

  /** Delivery status of a group; recorded in the ledger when the group is one of ours. */
  async getStatus(groupId: number, options: { signal?: AbortSignal } = {}): Promise<StatusResult> {
    const entry = this.deps.ledger.findByGroupId(groupId);
    const sandbox = entry?.sandbox ?? this.deps.settings().sandbox;
    const apiKey = sandbox ? SANDBOX_API_KEY : await this.deps.apiKey();
    if (!apiKey) throw new BaasSmsError('MISSING_API_KEY');
    const client = await this.client(sandbox, apiKey);
    const status = await client.getGroupStatus(groupId, { signal: options.signal });
    if (entry) this.deps.ledger.recordStatus(entry.id, status);
    return { ...status, ...(entry ? { send_id: entry.id } : {}), sandbox };
  }

  /**
   * Refreshes the status of sent groups that are not final yet; failures are logged, not thrown. After
   * a failure other than an unknown group, the API (live or sandbox) is not asked again: the other
   * groups would fail alike, each after its own retries, and the caller's answer would be late.
   */
  async refreshOpenGroups(entries: LedgerEntry[], signal?: AbortSignal): Promise<number> {
    let refreshed = 0;
    const failing = new Set<boolean>();
    for (const entry of entries.filter(isOpenGroup)) {
      if (failing.has(entry.sandbox)) continue;
      try {
        await this.getStatus(entry.group_id!, { signal });
        refreshed++;
      } catch (error) {
        const { code } = toBaasSmsError(error);
        this.deps.logger.debug(`status of group ${entry.group_id} not refreshed: ${code}`);
        if (code !== 'GROUP_NOT_FOUND') failing.add(entry.sandbox);
      }
    }
    return refreshed;
  }

  private async client(sandbox: boolean, apiKey: string): Promise<BaasClient> {
    const settings = this.deps.settings();
    const baseUrl = sandbox ? await this.deps.sandbox.baseUrl() : settings.baseUrl;
    // The key only as a digest: this map shows when the service is inspected, the key must not.
    const id = `${sandbox}|${baseUrl}|${settings.timeoutMs}|${nodeCrypto().createHash('sha256').update(apiKey).digest('base64url')}`;
    let client = this.clients.get(id);
    if (!client) {
      // One client per configuration: a changed key, URL or timeout replaces it.
      for (const key of this.clients.keys()) if (key.startsWith(`${sandbox}|`)) this.clients.delete(key);
      client = new BaasClient({ apiKey, baseUrl, timeoutMs: settings.timeoutMs, logger: this.deps.logger });
      this.clients.set(id, client);
    }
    return client;
  }

  async dispose(): Promise<void> {
    this.clients.clear();
    await this.deps.sandbox.dispose();
  }
}

/** A send that sent nothing at all keeps its own error; any other ending is an unknown outcome. */
function sendError(error: BaasSmsError, entry: LedgerEntry): BaasSmsError {
  if (error.outcome === 'not_sent' || error.code === 'OUTCOME_UNKNOWN') return withSendId(error, entry);
  return new BaasSmsError('OUTCOME_UNKNOWN', {
    params: { detail: error.describe('en').message, sendId: entry.id },
    status: error.status,
    serverCode: error.serverCode,
    serverMessage: error.serverMessage,
    outcome: 'unknown',
    cause: error,
  });
}

function withSendId(error: BaasSmsError, entry: LedgerEntry): BaasSmsError {
  return new BaasSmsError(error.code, {
    field: error.field,
    params: { ...error.params, sendId: entry.id },
    status: error.status,
    serverCode: error.serverCode,
    serverMessage: error.serverMessage,
    outcome: error.outcome,
    cause: error,
  });
}

/** Sent and not yet final: the only groups worth polling. */
export function isOpenGroup(entry: LedgerEntry): boolean {
  return entry.outcome === 'sent' && entry.group_id !== undefined && (!entry.status || entry.status.status === '전송중');
}
