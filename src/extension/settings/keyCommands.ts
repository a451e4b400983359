// Set API Key, Clear API Key and Set Project ID: the three things a live send needs from the user.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import { COMMANDS, CONFIG_SECTION, SETTINGS } from '../constants';
import { t } from '../l10n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerKeyCommands(apiKeys: ApiKeyStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.setApiKey, () => setApiKey(apiKeys)),
    vscode.commands.registerCommand(COMMANDS.clearApiKey, () => clearApiKey(apiKeys)),
    vscode.commands.registerCommand(COMMANDS.setProjectId, setProjectId),
  );
}

/** Resolves true when a key was stored. */
async function setApiKey(apiKeys: ApiKeyStore): Promise<boolean> {
  const key = await vscode.window.showInputBox({
    title: t('BaaS SMS: Set API Key'),
    prompt: t('Your BaaS API key. It is kept in the system keychain (VS Code SecretStorage), never in settings.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? t('Enter a key, or press Escape to cancel.') : /\s/.test(value.trim()) ? t('An API key has no spaces.') : undefined),
  });
  if (key === undefined) return false;
  await apiKeys.store(key);
  void vscode.window.showInformationMessage(t('BaaS SMS: API key saved.'));
  return true;
}

async function clearApiKey(apiKeys: ApiKeyStore): Promise<void> {
  await apiKeys.clear();
  void vscode.window.showInformationMessage(t('BaaS SMS: API key removed.'));
}

/** Resolves true when a project id was saved (user settings, so it applies to every workspace). */
async function setProjectId(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const projectId = await vscode.window.showInputBox({
    title: t('BaaS SMS: Set Project ID'),
    prompt: t('The project id (a UUID) from the BaaS console.'),
    value: config.get<string>(SETTINGS.projectId) ?? '',
    placeHolder: '123e4567-e89b-12d3-a456-426614174000',
    ignoreFocusOut: true,
    validateInput: (value) => (UUID.test(value.trim()) ? undefined : t('A project id looks like 123e4567-e89b-12d3-a456-426614174000.')),
  });
  if (projectId === undefined) return false;
  await config.update(SETTINGS.projectId, projectId.trim(), vscode.ConfigurationTarget.Global);
  return true;
}
