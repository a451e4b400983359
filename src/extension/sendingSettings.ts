// The send service's settings from the `baasSms.*` configuration and VS Code's display language.
// Read afresh for every send (it is cheap), so a changed setting applies at once. No `vscode` import:
// the caller passes `workspace.getConfiguration('baasSms')`, which fits ConfigurationReader.
import { localeFromTag } from '../core/locale';
import { DEFAULT_RULES } from '../core/types';
import { DEFAULT_GUARD } from '../guard/spendGuard';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type SendingSettings } from '../sending/settings';
import { SETTINGS } from './constants';

/** The part of `vscode.WorkspaceConfiguration` this module reads. */
export interface ConfigurationReader {
  get<T>(section: string): T | undefined;
}

/** Seconds within which an identical send is answered from the first (as the standalone server). */
export const DUPLICATE_WINDOW_SECONDS = 60;

export function sendingSettingsFrom(config: ConfigurationReader, language: string): SendingSettings {
  const text = (key: string): string | undefined => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const count = (key: string, fallback: number): number => {
    const value = config.get<unknown>(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const allowList = config.get<unknown>(SETTINGS.guardAllowList);
  return {
    sandbox: config.get<unknown>(SETTINGS.sandbox) === true,
    projectId: text(SETTINGS.projectId),
    defaultCallbackNumber: text(SETTINGS.callbackNumber),
    baseUrl: text(SETTINGS.apiBaseUrl) ?? DEFAULT_BASE_URL,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    rules: {
      smsByteLimit: count(SETTINGS.smsByteLimit, DEFAULT_RULES.smsByteLimit),
      prices: {
        SMS: count(SETTINGS.priceSms, DEFAULT_RULES.prices.SMS),
        LMS: count(SETTINGS.priceLms, DEFAULT_RULES.prices.LMS),
        MMS: count(SETTINGS.priceMms, DEFAULT_RULES.prices.MMS),
      },
    },
    guard: {
      // Only an explicit `false` switches live sending off; a mistyped value keeps the default.
      liveSendingEnabled: config.get<unknown>(SETTINGS.guardLiveSendingEnabled) !== false,
      maxRecipientsPerSend: count(SETTINGS.guardMaxRecipientsPerSend, DEFAULT_GUARD.maxRecipientsPerSend),
      maxSendsPerMinute: count(SETTINGS.guardMaxSendsPerMinute, DEFAULT_GUARD.maxSendsPerMinute),
      maxRecipientsPerDay: count(SETTINGS.guardMaxRecipientsPerDay, DEFAULT_GUARD.maxRecipientsPerDay),
      allowList: Array.isArray(allowList) ? allowList.filter((n): n is string => typeof n === 'string' && n.trim() !== '') : [],
    },
    locale: localeFromTag(language),
    duplicateWindowSeconds: DUPLICATE_WINDOW_SECONDS,
  };
}

/** Whether a sandbox send may skip the confirmation (`baasSms.confirm.skipForSandbox`, default false). */
export function skipConfirmationForSandbox(config: ConfigurationReader): boolean {
  return config.get<unknown>(SETTINGS.confirmSkipForSandbox) === true;
}

/** Longest pause between status polls of the history tree, in ms (`baasSms.history.pollIntervalSeconds`). */
export function pollCapMs(config: ConfigurationReader): number {
  const seconds = config.get<unknown>(SETTINGS.historyPollIntervalSeconds);
  return (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 1 ? seconds : 30) * 1000;
}
