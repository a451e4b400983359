// The spend guard: ceilings on what live sending may cost, set by the user (VS Code settings or the
// environment; GuardConfig and its defaults are in core/settings.ts) and read afresh for every send. No tool argument can raise them: there is none.
//
// Sandbox sends cost nothing and reach no phone, so they skip the live-sending switch, the
// allow-list and the per-minute and per-day budgets (nor do they count towards them); they still
// obey the per-send recipient ceiling, so a test in the sandbox fails the way the live send would.
// Budgets are rolling windows (the last 60 seconds, the last 24 hours) of sends recorded by this
// process: the extension and a standalone server each keep their own.
import { BaasSmsError } from '../core/errors';
import { maskPhone } from '../core/redact';
import type { Recipient } from '../core/types';
import type { GuardConfig } from '../core/settings';
import { normalizeAllowListEntry } from './allowList';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface RecordedSend {
  at: number;
  recipients: number;
}

export class SpendGuard {
  private readonly now: () => Date;
  /** Live sends of the last 24 hours, oldest first. */
  private sends: RecordedSend[] = [];

  constructor(private readonly config: () => GuardConfig, options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Throws if this send may not go out: LIVE_SENDING_DISABLED, SPEND_LIMIT_EXCEEDED (params limit,
   * actual, max) or RECIPIENT_NOT_ALLOWED (params input: the masked number). Records nothing.
   */
  check(send: { recipients: Recipient[]; sandbox: boolean }): void {
    const config = this.config();
    const count = send.recipients.length;
    if (!send.sandbox && !config.liveSendingEnabled) throw new BaasSmsError('LIVE_SENDING_DISABLED', { outcome: 'not_sent' });
    if (count > config.maxRecipientsPerSend) throw limitExceeded('maxRecipientsPerSend', count, config.maxRecipientsPerSend, 'recipients');
    if (send.sandbox) return;

    if (config.allowList.length > 0) {
      const allowed = new Set(config.allowList.map(normalizeAllowListEntry));
      send.recipients.forEach((recipient, index) => {
        if (!allowed.has(normalizeAllowListEntry(recipient.phone_number))) {
          throw new BaasSmsError('RECIPIENT_NOT_ALLOWED', {
            field: `recipients[${index}].phone_number`,
            params: { input: maskPhone(recipient.phone_number) },
            outcome: 'not_sent',
          });
        }
      });
    }

    const now = this.now().getTime();
    this.forgetBefore(now - DAY_MS);
    const lastMinute = this.sends.filter((s) => s.at > now - MINUTE_MS).length;
    if (lastMinute + 1 > config.maxSendsPerMinute) throw limitExceeded('maxSendsPerMinute', lastMinute + 1, config.maxSendsPerMinute);
    const lastDay = this.sends.reduce((sum, s) => sum + s.recipients, 0);
    if (lastDay + count > config.maxRecipientsPerDay) throw limitExceeded('maxRecipientsPerDay', lastDay + count, config.maxRecipientsPerDay);
  }

  /** Counts a live send towards the budgets; call it once the request was attempted, whatever came of it. */
  record(send: { recipientCount: number; sandbox: boolean }): void {
    if (send.sandbox) return;
    const now = this.now().getTime();
    this.forgetBefore(now - DAY_MS);
    this.sends.push({ at: now, recipients: send.recipientCount });
  }

  private forgetBefore(cutoff: number): void {
    // Kept oldest first, so the expired ones are a prefix.
    let expired = 0;
    while (expired < this.sends.length && this.sends[expired].at <= cutoff) expired++;
    if (expired > 0) this.sends = this.sends.slice(expired);
  }
}

function limitExceeded(limit: string, actual: number, max: number, field?: string): BaasSmsError {
  return new BaasSmsError('SPEND_LIMIT_EXCEEDED', { field, params: { limit, actual, max }, outcome: 'not_sent' });
}
