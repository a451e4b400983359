// The one path every send takes, whoever asks (an agent's tool call, a palette command): the rules,
// the spend guard, de-duplication, the confirmation, the ledger before and after, and the BaaS call.
// It never retries a send that may have reached the server: such an outcome is recorded as unknown.
import { BaasClient } from '../baas/client';
import { BaasSmsError, toBaasSmsError } from '../core/errors';
import type { Logger } from '../core/logger';
import { nodeCrypto } from '../core/nodeBuiltins';
import { maskPhone } from '../core/redact';
import { SANDBOX_PROJECT_ID, type SendingSettings } from '../core/settings';
import type { SendInput } from '../core/types';
import type { SpendGuard } from '../guard/spendGuard';
import type { Claim, LedgerEngine } from '../ledger/engine/types';
import type { LedgerEntry } from '../ledger/sendLedger';
import { MAX_RECIPIENTS } from '../messaging/limits';
import { prepareSend } from '../messaging/prepareSend';
import { answerFromEarlier, claimFor } from './durableDuplicates';
import { sendFingerprint } from './fingerprint';
import { RecentSends } from './recentSends';
import { SANDBOX_API_KEY, type SandboxBackend } from './sandbox';
import { pendingSend, requestSend } from './sendRequest';
import type { AdvertisementOptions, SendOptions, SendPreview, SendResult, StatusResult } from './types';

export interface SendServiceDeps {
  /** The file or the team's PostgreSQL: history, durable claims and budgets. */
  ledger: LedgerEngine;
  guard: SpendGuard;
  settings: () => SendingSettings;
  /** The live API key: SecretStorage in VS Code, BAAS_API_KEY standalone. Read for every live call. */
  apiKey: () => Promise<string | undefined>;
  sandbox: SandboxBackend;
  logger: Logger;
  now?: () => number;
}

export class SendService {
  private readonly clients = new Map<string, BaasClient>();
  /** Sends between their first check and their outcome in the ledger; dispose() waits for them. */
  private readonly inFlight = new Set<Promise<SendResult>>();
  private readonly recent: RecentSends;
  private readonly now: () => number;

  constructor(private readonly deps: SendServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.recent = new RecentSends(() => this.deps.settings().duplicateWindowSeconds * 1000, this.now);
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
      await this.apiKeyFor(preview.sandbox);
      await this.checkGuard(preview);
      return { preview };
    } catch (error) {
      return { preview, blocked: toBaasSmsError(error) };
    }
  }

  /**
   * Sends, in this order: the rules, the duplicate window (in this process, then the ledger's claims),
   * the key and the spend guard, the confirmation (and the guard again), the ledger before (claim,
   * budget and pending record in one atomic step), the one API call, the ledger after.
   * Everything that can refuse without sending comes before the pending record; nothing is retried
   * once the request may have reached the server.
   */
  async send(input: SendInput, options: SendOptions): Promise<SendResult> {
    const preview = this.preview(input, options.advertisement);
    // A campaign runs for hours on a plan confirmed in one mode; the sandbox setting may be switched
    // meanwhile. A batch must neither go out paid unasked nor "go" to the sandbox and count as sent.
    if (options.campaign?.sandbox !== undefined && options.campaign.sandbox !== preview.sandbox) {
      throw new BaasSmsError('INVALID_INPUT', {
        field: 'sandbox', outcome: 'not_sent',
        params: { detail: `campaign ${options.campaign.id} was confirmed ${options.campaign.sandbox ? 'in the sandbox' : 'live'}, but sending is now ${preview.sandbox ? 'in the sandbox' : 'live'}: switch back, then resume it` },
      });
    }
    // Before the key and the spend limits: a repeat of a send that went out must get that send's
    // answer, not a refusal saying "not sent" (the budget it spent may be what refuses it).
    const fingerprint = sendFingerprint(preview, preview.sandbox);
    const duplicate = this.recent.check(options.idempotencyKey, fingerprint);
    if (duplicate.earlier) {
      this.deps.logger.info(`send answered from an identical send moments ago (${preview.recipients.length} recipients); nothing new was sent`);
      return { ...(await duplicate.earlier), deduplicated: true };
    }
    const sending = this.sendOnce(preview, options, claimFor(options.idempotencyKey, fingerprint, this.deps.settings().duplicateWindowSeconds));
    this.inFlight.add(sending);
    void sending.catch(() => undefined).finally(() => this.inFlight.delete(sending));
    return duplicate.settle(sending);
  }

  private async sendOnce(preview: SendPreview, options: SendOptions, claim: Claim): Promise<SendResult> {
    // The ledger remembers what this process may not: a send before a restart, or from another process.
    const earlier = await this.deps.ledger.lookupClaim(claim);
    if (earlier) return this.answeredBy(earlier, claim, preview);
    const apiKey = await this.apiKeyFor(preview.sandbox);
    const guard = options.campaign ? this.deps.guard.forCampaign(MAX_RECIPIENTS) : this.deps.guard;
    // A look at the budget before asking the user, so nobody confirms a send that cannot go; without a
    // confirmation, reserve() below checks it anyway, atomically.
    if (options.confirm) await this.checkGuard(preview);
    else guard.check(preview);
    if (options.confirm && !(await options.confirm(preview))) throw new BaasSmsError('CONFIRMATION_DECLINED', { outcome: 'not_sent' });
    // Time passed while the user read the confirmation: settings may have changed, the caller may have
    // gone. The budgets are checked again by reserve(), atomically with spending them.
    guard.check(preview);
    if (options.signal?.aborted) throw new BaasSmsError('CANCELLED', { outcome: 'not_sent' });
    const client = await this.client(preview.sandbox, apiKey);

    const init = pendingSend(preview, options.origin, options.idempotencyKey ?? nodeCrypto().randomUUID(), this.deps.settings().senderLabel, options.campaign?.id);
    const budget = preview.sandbox || options.campaign ? undefined : this.deps.guard.limits();
    const reserved = await this.deps.ledger.reserve({ init, claim, budget });
    if (reserved.earlier) return this.answeredBy(reserved.earlier, claim, preview);
    const entry = reserved.entry;
    const who = `${preview.recipients.length} recipient(s) (${preview.recipients.slice(0, 3).map((r) => maskPhone(r.phone_number)).join(', ')})`;
    try {
      const accepted = await requestSend(client, preview, { idempotencyKey: entry.idempotency_key, signal: options.signal });
      await this.deps.ledger.recordOutcome(entry.id, { outcome: 'sent', group_id: accepted.group_id });
      this.deps.logger.info(`${preview.message_type} ${entry.id} accepted as group ${accepted.group_id} for ${who}${preview.sandbox ? ' [sandbox]' : ''}`);
      return { send_id: entry.id, group_id: accepted.group_id, sandbox: preview.sandbox, preview, deduplicated: false };
    } catch (thrown) {
      const error = sendError(toBaasSmsError(thrown), entry);
      const outcome = error.outcome === 'not_sent' ? 'failed' : 'unknown';
      await this.deps.ledger.recordOutcome(entry.id, { outcome, error: { code: error.code, message: error.describe('en').message } });
      this.deps.logger.warn(`${preview.message_type} ${entry.id} for ${who} ${outcome}: ${error.code}`);
      throw error;
    }
  }

  /** The key a send or status check uses: the sandbox's own, or the live one (MISSING_API_KEY without it). */
  private async apiKeyFor(sandbox: boolean): Promise<string> {
    const apiKey = sandbox ? SANDBOX_API_KEY : await this.deps.apiKey();
    if (!apiKey) throw new BaasSmsError('MISSING_API_KEY');
    return apiKey;
  }

  /** The guard's early look (reserve() spends the budget atomically later). */
  private async checkGuard(preview: SendPreview): Promise<void> {
    this.deps.guard.check(preview, preview.sandbox ? undefined : await this.deps.ledger.budgetUsage());
  }

  private answeredBy(earlier: LedgerEntry, claim: Claim, preview: SendPreview): SendResult {
    const result = answerFromEarlier(earlier, claim, preview);
    this.deps.logger.info(`send answered from the ledger's earlier send ${earlier.id} (${preview.recipients.length} recipients); nothing new was sent`);
    return result;
  }

  /** Delivery status of a group; recorded in the ledger when the group is one of ours. */
  async getStatus(groupId: number, options: { signal?: AbortSignal } = {}): Promise<StatusResult> {
    const entry = await this.deps.ledger.findByGroupId(groupId);
    const sandbox = entry?.sandbox ?? this.deps.settings().sandbox;
    const client = await this.client(sandbox, await this.apiKeyFor(sandbox));
    const status = await client.getGroupStatus(groupId, { signal: options.signal });
    if (entry) await this.deps.ledger.recordStatus(entry.id, status);
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

  /** Waits for sends in flight to settle in the ledger (each is bounded by the API timeout), then lets go. */
  async dispose(): Promise<void> {
    // A shutdown (SIGTERM, a rolling deploy) that exited now would leave a send that may have gone out pending.
    await Promise.allSettled([...this.inFlight]);
    this.clients.clear();
    await this.deps.sandbox.dispose();
  }
}

/** A send that sent nothing at all keeps its own error; any other ending is an unknown outcome. */
function sendError(error: BaasSmsError, entry: LedgerEntry): BaasSmsError {
  if (error.outcome === 'not_sent' || error.code === 'OUTCOME_UNKNOWN') return error.with({ params: { sendId: entry.id } });
  return error.with({ code: 'OUTCOME_UNKNOWN', field: undefined, params: { detail: error.describe('en').message, sendId: entry.id }, outcome: 'unknown' });
}

/** Sent and not yet final: the only groups worth polling. */
export function isOpenGroup(entry: LedgerEntry): boolean {
  return entry.outcome === 'sent' && entry.group_id !== undefined && (!entry.status || entry.status.status === '전송중');
}
