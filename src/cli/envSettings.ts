// The standalone server's settings, all from its environment (the MCP client's config passes them):
// the one place the standalone host reads a BAAS_* variable. Defaults and the number rule are
// src/core/settings.ts's.
import { localeFromEnv } from '../core/locale';
import { silentLogger, type Logger } from '../core/logger';
import { DEFAULT_GUARD, DEFAULT_RULES, DEFAULT_SANDBOX_DELIVERY_DELAY_MS, defaultSendingSettings, settingNumber, type GuardConfig, type NumberRule, type SendingSettings } from '../core/settings';
import { parseAllowList } from '../guard/allowList';
import { defaultLedgerPath } from '../ledger/ledgerPath';

export interface StandaloneSettings {
  sending: SendingSettings;
  ledgerFile: string;
  /** BAAS_SANDBOX_DELAY_MS: how long sandbox recipients stay 전송중. */
  sandboxDelayMs: number;
}

const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

export function standaloneSettings(env: NodeJS.ProcessEnv, flags: { sandbox: boolean }, logger: Logger = silentLogger): StandaloneSettings {
  const number = envNumber(env, logger);
  const defaults = defaultSendingSettings(localeFromEnv(env));
  return {
    sending: {
      ...defaults,
      sandbox: flags.sandbox || truthy(env.BAAS_SANDBOX),
      projectId: env.PROJECT_ID?.trim() || undefined,
      defaultCallbackNumber: env.BAAS_CALLBACK_NUMBER?.trim() || undefined,
      baseUrl: env.BAAS_API_BASE_URL?.trim() || defaults.baseUrl,
      timeoutMs: number('BAAS_TIMEOUT_MS', defaults.timeoutMs, { min: 1 }),
      rules: {
        smsByteLimit: number('BAAS_SMS_BYTE_LIMIT', DEFAULT_RULES.smsByteLimit, { integer: true, min: 1 }),
        prices: {
          SMS: number('BAAS_PRICE_SMS', DEFAULT_RULES.prices.SMS),
          LMS: number('BAAS_PRICE_LMS', DEFAULT_RULES.prices.LMS),
          MMS: number('BAAS_PRICE_MMS', DEFAULT_RULES.prices.MMS),
        },
      },
      guard: guardConfigFromEnv(env, logger),
      duplicateWindowSeconds: number('BAAS_DUPLICATE_WINDOW_SECONDS', defaults.duplicateWindowSeconds),
    },
    ledgerFile: defaultLedgerPath(env),
    sandboxDelayMs: number('BAAS_SANDBOX_DELAY_MS', DEFAULT_SANDBOX_DELIVERY_DELAY_MS),
  };
}

/**
 * BAAS_LIVE_SENDING (0/false/no/off disables), BAAS_MAX_RECIPIENTS_PER_SEND, BAAS_MAX_SENDS_PER_MINUTE,
 * BAAS_MAX_RECIPIENTS_PER_DAY (whole numbers ≥ 0; 0 blocks live sending) and BAAS_ALLOWED_RECIPIENTS
 * (comma-separated numbers).
 */
export function guardConfigFromEnv(env: NodeJS.ProcessEnv, logger: Logger = silentLogger): GuardConfig {
  const limit = (name: string, fallback: number): number => envNumber(env, logger)(name, fallback, { integer: true });
  const live = env.BAAS_LIVE_SENDING?.trim().toLowerCase();
  return {
    liveSendingEnabled: !(live && ['0', 'false', 'no', 'off'].includes(live)),
    maxRecipientsPerSend: limit('BAAS_MAX_RECIPIENTS_PER_SEND', DEFAULT_GUARD.maxRecipientsPerSend),
    maxSendsPerMinute: limit('BAAS_MAX_SENDS_PER_MINUTE', DEFAULT_GUARD.maxSendsPerMinute),
    maxRecipientsPerDay: limit('BAAS_MAX_RECIPIENTS_PER_DAY', DEFAULT_GUARD.maxRecipientsPerDay),
    allowList: parseAllowList(env.BAAS_ALLOWED_RECIPIENTS ?? ''),
  };
}

/** A variable that is set but unusable is said on stderr, not silently replaced: nobody chose the default. */
function envNumber(env: NodeJS.ProcessEnv, logger: Logger) {
  return (name: string, fallback: number, rule: Omit<NumberRule, 'onInvalid'> = {}): number =>
    settingNumber(env[name], fallback, { ...rule, onInvalid: (why) => logger.warn(`${name}="${env[name]?.trim()}" ${why}; using ${fallback}`) });
}
