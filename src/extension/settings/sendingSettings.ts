// The extension's one settings reader: everything it needs from the `baasSms.*` configuration, VS
// Code's display language and the environment. Read afresh for every send (it is cheap), so a changed
// setting applies at once. Defaults and the number rule are src/core/settings.ts's. No `vscode`
// import: the caller passes `workspace.getConfiguration('baasSms')`, which fits ConfigurationReader.
import * as path from 'node:path';
import { localeFromTag } from '../../core/locale';
import { senderLabel } from '../../core/senderLabel';
import { DEFAULT_GUARD, DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_RULES, defaultSendingSettings, settingNumber, type SendingSettings } from '../../core/settings';
import { LEDGER_FILE_NAME, ledgerFileFromEnv } from '../../ledger/ledgerPath';
import { SETTINGS } from '../constants';

/** The part of `vscode.WorkspaceConfiguration` this module reads. */
export interface ConfigurationReader {
  get<T>(section: string): T | undefined;
}

export function sendingSettingsFrom(config: ConfigurationReader, language: string): SendingSettings {
  const text = (key: string): string | undefined => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const count = (key: string, fallback: number): number => settingNumber(config.get<unknown>(key), fallback);
  const defaults = defaultSendingSettings(localeFromTag(language));
  const allowList = config.get<unknown>(SETTINGS.guardAllowList);
  return {
    ...defaults,
    sandbox: config.get<unknown>(SETTINGS.sandbox) === true,
    projectId: text(SETTINGS.projectId),
    defaultCallbackNumber: text(SETTINGS.callbackNumber),
    baseUrl: text(SETTINGS.apiBaseUrl) ?? defaults.baseUrl,
    senderLabel: senderLabel(config.get<unknown>(SETTINGS.teamSenderLabel)),
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
  };
}

/** Whether a sandbox send may skip the confirmation (`baasSms.confirm.skipForSandbox`, default false). */
export function skipConfirmationForSandbox(config: ConfigurationReader): boolean {
  return config.get<unknown>(SETTINGS.confirmSkipForSandbox) === true;
}

/** Longest pause between status polls of the history tree, in ms (`baasSms.history.pollIntervalSeconds`). */
export function pollCapMs(config: ConfigurationReader): number {
  return settingNumber(config.get<unknown>(SETTINGS.historyPollIntervalSeconds), DEFAULT_POLL_INTERVAL_SECONDS, { min: 1 }) * 1000;
}

/** BAAS_LEDGER_FILE (tests, or sharing the standalone server's ledger), else a file in this extension's global storage (created by the first write). */
export function ledgerFileFor(globalStorageDir: string, env: NodeJS.ProcessEnv): string {
  return ledgerFileFromEnv(env) ?? path.join(globalStorageDir, LEDGER_FILE_NAME);
}
