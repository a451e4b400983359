// The standalone server's settings, from its environment (the MCP client's config passes them).
import { localeFromEnv } from '../core/locale';
import { silentLogger, type Logger } from '../core/logger';
import { DEFAULT_RULES } from '../core/types';
import { guardConfigFromEnv } from '../guard/spendGuard';
import type { ConfirmPolicy } from '../mcp/confirm/elicitConfirm';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type SendingSettings } from '../sending/settings';

const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
const numberOr = (v: string | undefined, fallback: number): number => {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** BAAS_SANDBOX_DELAY_MS, or undefined (the sandbox's default) when absent or not a number ≥ 0. */
export function sandboxDelayFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const delay = numberOr(env.BAAS_SANDBOX_DELAY_MS, -1);
  return delay >= 0 ? delay : undefined;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv, flags: { sandbox: boolean }, logger: Logger = silentLogger): SendingSettings {
  return {
    sandbox: flags.sandbox || truthy(env.BAAS_SANDBOX),
    projectId: env.PROJECT_ID?.trim() || undefined,
    defaultCallbackNumber: env.BAAS_CALLBACK_NUMBER?.trim() || undefined,
    baseUrl: env.BAAS_API_BASE_URL?.trim() || DEFAULT_BASE_URL,
    timeoutMs: numberOr(env.BAAS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS),
    rules: {
      smsByteLimit: numberOr(env.BAAS_SMS_BYTE_LIMIT, DEFAULT_RULES.smsByteLimit),
      prices: {
        SMS: numberOr(env.BAAS_PRICE_SMS, DEFAULT_RULES.prices.SMS),
        LMS: numberOr(env.BAAS_PRICE_LMS, DEFAULT_RULES.prices.LMS),
        MMS: numberOr(env.BAAS_PRICE_MMS, DEFAULT_RULES.prices.MMS),
      },
    },
    guard: guardConfigFromEnv(env, logger),
    locale: localeFromEnv(env),
    duplicateWindowSeconds: numberOr(env.BAAS_DUPLICATE_WINDOW_SECONDS, 60),
  };
}

/**
 * BAAS_CONFIRM: how a live send is confirmed when the MCP client cannot ask the user (no elicitation).
 * `ask` (default) refuses it with CONFIRMATION_REQUIRED; `off` sends it within the spend guard.
 * Clients with elicitation are always asked. (Moves to the central settings module with issue 8.)
 */
export function confirmPolicyFromEnv(env: NodeJS.ProcessEnv, logger: Logger = silentLogger): ConfirmPolicy {
  const value = env.BAAS_CONFIRM?.trim().toLowerCase();
  if (!value || value === 'ask' || value === 'on') return 'ask';
  if (value === 'off') return 'off';
  logger.warn(`BAAS_CONFIRM="${env.BAAS_CONFIRM}" is neither ask nor off; using ask`);
  return 'ask';
}
