// Every setting the product has, declared once: its shape, its default, and the one rule that turns a
// raw value (an environment string, a VS Code setting) into a number. Each host reads its own source
// — src/cli/envSettings.ts the environment, src/extension/settings/ VS Code — with the helpers here,
// and package.json's defaults are kept equal to these by test/unit/extension/manifest.test.ts.
import type { Locale } from './locale';
import type { RulesConfig } from './types';

/** The spend guard's ceilings on live sending; see src/guard/spendGuard.ts. */
export interface GuardConfig {
  /** Off: every live send is refused (sandbox still works). */
  liveSendingEnabled: boolean;
  maxRecipientsPerSend: number;
  /** Live sends in any 60 seconds. */
  maxSendsPerMinute: number;
  /** Live recipients in any 24 hours. */
  maxRecipientsPerDay: number;
  /** Numbers (010-XXXX-XXXX) live sends may go to; empty lets anyone receive. */
  allowList: string[];
  /** Where the user sets these limits, for the errors to name: environment variables or VS Code settings (default). */
  source?: 'env' | 'vscode';
}

/**
 * The standalone server's confirmation of live sends for MCP clients without elicitation (BAAS_CONFIRM):
 * `ask` refuses them with CONFIRMATION_REQUIRED, `off` sends them within the spend guard. Clients with
 * elicitation are always asked; sandbox sends never.
 */
export type ConfirmPolicy = 'ask' | 'off';
export const DEFAULT_CONFIRM_POLICY: ConfirmPolicy = 'ask';

/** What the send service needs to know about its surroundings, read afresh for every send. */
export interface SendingSettings {
  sandbox: boolean;
  projectId?: string;
  /** Used when a send names no callback number (VS Code setting / BAAS_CALLBACK_NUMBER). */
  defaultCallbackNumber?: string;
  baseUrl: string;
  timeoutMs: number;
  rules: RulesConfig;
  guard: GuardConfig;
  locale: Locale;
  /** Seconds within which an identical send returns the first send's result instead of sending again. */
  duplicateWindowSeconds: number;
  /** Who is sending, stored with each send for the team's history (see core/senderLabel.ts); absent: not stored. */
  senderLabel?: string;
}

export const DEFAULT_BASE_URL = 'https://api.aiapp.link';
/** Well under the MCP client's 60 s request timeout, so an unknown outcome is reported, not lost. */
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_RULES: RulesConfig = { smsByteLimit: 90, prices: { SMS: 9.9, LMS: 30, MMS: 100 } };
export const DEFAULT_GUARD: GuardConfig = {
  liveSendingEnabled: true,
  maxRecipientsPerSend: 100,
  maxSendsPerMinute: 10,
  maxRecipientsPerDay: 1000,
  allowList: [],
};
export const DEFAULT_DUPLICATE_WINDOW_SECONDS = 60;
/** Longest pause between status polls of the history tree. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 30;
/** How long sandbox recipients stay 전송중 before their final state. */
export const DEFAULT_SANDBOX_DELIVERY_DELAY_MS = 1500;
/** A project id the sandbox uses when none is configured, so the demo needs no account. */
export const SANDBOX_PROJECT_ID = '00000000-0000-4000-8000-000000000000';

/** The settings a host starts from before it reads anything: the sandbox off, every default. */
export function defaultSendingSettings(locale: Locale = 'en'): SendingSettings {
  return {
    sandbox: false,
    baseUrl: DEFAULT_BASE_URL,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    rules: { ...DEFAULT_RULES, prices: { ...DEFAULT_RULES.prices } },
    guard: { ...DEFAULT_GUARD, allowList: [] },
    locale,
    duplicateWindowSeconds: DEFAULT_DUPLICATE_WINDOW_SECONDS,
  };
}

export interface NumberRule {
  /** Only whole numbers (counts, limits). */
  integer?: boolean;
  /** Smallest accepted value; default 0. */
  min?: number;
  /** Called when a value is given but unusable, with why; the fallback is used. */
  onInvalid?: (reason: string) => void;
}

/**
 * The one rule for numeric settings: a number, or a string holding one (the environment), within
 * `min` (and whole if asked); anything else — blank, "ten", "1,000", NaN, -5 — gives `fallback`, and
 * `onInvalid` hears about it unless the value was absent or blank.
 */
export function settingNumber(raw: unknown, fallback: number, rule: NumberRule = {}): number {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (raw === undefined || raw === null || text === '') return fallback;
  const value = typeof raw === 'number' ? raw : text !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  const min = rule.min ?? 0;
  if (Number.isFinite(value) && value >= min && (!rule.integer || Number.isInteger(value))) return value;
  rule.onInvalid?.(`${rule.integer ? 'is not a whole number' : 'is not a number'}${min > 0 ? ` ≥ ${min}` : ''}`);
  return fallback;
}
