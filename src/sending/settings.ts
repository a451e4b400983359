// What the send service needs to know about its surroundings, read afresh for every send so that a
// changed setting, key or mode applies at once (VS Code settings, SecretStorage, the environment).
import type { GuardConfig } from '../guard/spendGuard';
import type { Locale } from '../core/locale';
import type { RulesConfig } from '../core/types';

export const DEFAULT_BASE_URL = 'https://api.aiapp.link';
/** Well under the MCP client's 60 s request timeout, so an unknown outcome is reported, not lost. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** A project id the sandbox uses when none is configured, so the demo needs no account. */
export const SANDBOX_PROJECT_ID = '00000000-0000-4000-8000-000000000000';

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
}
