// The spend guard: ceilings on what live sending may cost, set by the user (VS Code settings or the
// environment; GuardConfig and its defaults are in core/settings.ts) and read afresh for every send. No tool argument can raise them: there is none.
//
// Sandbox sends cost nothing and reach no phone, so they skip the live-sending switch, the
// allow-list and the per-minute and per-day budgets (nor do they count towards them); they still
// obey the per-send recipient ceiling, so a test in the sandbox fails the way the live send would.
// Budgets are rolling windows (the last 60 seconds, the last 24 hours) of the sends in the ledger, so
// every process on one ledger file, or every instance on one PostgreSQL ledger, shares them; the
// ledger engine checks and spends them in one atomic step with the pending record (reserve).
import { BaasSmsError } from '../core/errors';
import { maskPhone } from '../core/redact';
import type { Recipient } from '../core/types';
import type { GuardConfig } from '../core/settings';
import { checkBudget } from '../ledger/engine/claimRules';
import type { BudgetLimits, BudgetUsage } from '../ledger/engine/types';
import { normalizeAllowListEntry } from './allowList';

/** Each limit's name where the user sets it: [environment variable, VS Code setting]. */
const LIMIT_SETTINGS: Record<string, [string, string]> = {
  maxRecipientsPerSend: ['BAAS_MAX_RECIPIENTS_PER_SEND', 'baasSms.guard.maxRecipientsPerSend'],
  maxSendsPerMinute: ['BAAS_MAX_SENDS_PER_MINUTE', 'baasSms.guard.maxSendsPerMinute'],
  maxRecipientsPerDay: ['BAAS_MAX_RECIPIENTS_PER_DAY', 'baasSms.guard.maxRecipientsPerDay'],
};

export class SpendGuard {
  constructor(private readonly config: () => GuardConfig) {}

  /** This guard with a campaign's ceiling per request (one API request's maximum) instead of the per-send one. */
  forCampaign(maxRecipientsPerRequest: number): SpendGuard {
    return new SpendGuard(() => ({ ...this.config(), maxRecipientsPerSend: maxRecipientsPerRequest }));
  }

  /** The budget ceilings in force now, with where they are set, for the ledger's atomic check-and-spend. */
  limits(): BudgetLimits {
    const config = this.config();
    return {
      maxSendsPerMinute: config.maxSendsPerMinute,
      maxRecipientsPerDay: config.maxRecipientsPerDay,
      settings: { maxSendsPerMinute: settingOf('maxSendsPerMinute', config), maxRecipientsPerDay: settingOf('maxRecipientsPerDay', config) },
    };
  }

  /**
   * Throws if this send may not go out: LIVE_SENDING_DISABLED, SPEND_LIMIT_EXCEEDED (params limit,
   * setting, actual, max) or RECIPIENT_NOT_ALLOWED (params input: the masked number). With the
   * ledger's `usage`, also the budgets (an early look: reserve() decides atomically). Spends nothing.
   */
  check(send: { recipients: Recipient[]; sandbox: boolean }, usage?: BudgetUsage): void {
    const config = this.config();
    const count = send.recipients.length;
    if (!send.sandbox && !config.liveSendingEnabled) throw new BaasSmsError('LIVE_SENDING_DISABLED', { outcome: 'not_sent' });
    if (count > config.maxRecipientsPerSend) {
      const params = { limit: 'maxRecipientsPerSend', setting: settingOf('maxRecipientsPerSend', config), actual: count, max: config.maxRecipientsPerSend };
      throw new BaasSmsError('SPEND_LIMIT_EXCEEDED', { field: 'recipients', params, outcome: 'not_sent' });
    }
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

    if (usage) checkBudget(usage, this.limits(), count);
  }
}

function settingOf(limit: string, config: GuardConfig): string {
  return LIMIT_SETTINGS[limit][config.source === 'env' ? 0 : 1];
}
