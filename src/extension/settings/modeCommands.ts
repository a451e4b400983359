// Toggle Sandbox, Show Log and the status bar's quick actions menu.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import { COMMANDS, CONFIG_SECTION, SETTINGS, VIEWS } from '../constants';
import { t } from '../l10n';
import type { OutputLogger } from '../outputLogger';

export function registerModeCommands(apiKeys: ApiKeyStore, logger: OutputLogger): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.toggleSandbox, toggleSandbox),
    vscode.commands.registerCommand(COMMANDS.showLog, () => logger.show()),
    vscode.commands.registerCommand(COMMANDS.showQuickActions, () => showQuickActions(apiKeys)),
  );
}

/**
 * Switches the sandbox on or off in the user settings and says which mode is now on.
 * @param on `true`/`false` sets that mode (used by "Use Sandbox" buttons); omitted, it flips.
 * @returns whether the sandbox is on afterwards
 */
async function toggleSandbox(on?: unknown): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const sandbox = typeof on === 'boolean' ? on : config.get<boolean>(SETTINGS.sandbox) !== true;
  await config.update(SETTINGS.sandbox, sandbox, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(sandbox
    ? t('BaaS SMS: sandbox on. Sends are free and nothing leaves this machine.')
    : t('BaaS SMS: sandbox off. Sends are LIVE: paid, and they reach real phones.'));
  return sandbox;
}

async function showQuickActions(apiKeys: ApiKeyStore): Promise<void> {
  const sandbox = vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>(SETTINGS.sandbox) === true;
  const hasKey = await apiKeys.has();
  const items: Array<vscode.QuickPickItem & { command: string }> = [
    { label: sandbox ? t('$(broadcast) Switch to Live Sending') : t('$(beaker) Switch to the Sandbox'), command: COMMANDS.toggleSandbox },
    { label: hasKey ? t('$(key) Change API Key') : t('$(key) Set API Key'), command: COMMANDS.setApiKey },
    ...(hasKey ? [{ label: t('$(trash) Clear API Key'), command: COMMANDS.clearApiKey }] : []),
    { label: t('$(project) Set Project ID'), command: COMMANDS.setProjectId },
    { label: t('$(comment) Send SMS…'), command: COMMANDS.sendSms },
    { label: t('$(history) Show History'), command: `${VIEWS.history}.focus` },
    { label: t('$(output) Show Log'), command: COMMANDS.showLog },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: t('BaaS SMS'), placeHolder: sandbox ? t('Sandbox mode') : t('Live mode') });
  if (picked) await vscode.commands.executeCommand(picked.command);
}
