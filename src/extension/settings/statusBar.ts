// The status bar item: Live or Sandbox, and whether a key is set; a click opens the quick actions.
// It also keeps the `baasSms.apiKeySet` context key that the views' welcome content depends on.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import { COMMANDS, CONTEXT_KEYS, SETTINGS, settingId } from '../constants';
import { t } from '../l10n';

export function registerStatusBar(apiKeys: ApiKeyStore, sandbox: () => boolean): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('baasSms.status', vscode.StatusBarAlignment.Right, 100);
  item.name = t('BaaS SMS');
  item.command = COMMANDS.showQuickActions;

  const update = async (): Promise<void> => {
    const hasKey = await apiKeys.has();
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.apiKeySet, hasKey);
    if (sandbox()) {
      item.text = t('$(beaker) SMS: Sandbox');
      item.tooltip = t('BaaS SMS sends go to the local sandbox: free, and no phone receives them. Click for actions.');
      item.backgroundColor = undefined;
    } else {
      item.text = hasKey ? t('$(broadcast) SMS: Live') : t('$(warning) SMS: Live, no key');
      item.tooltip = hasKey
        ? t('BaaS SMS sends are LIVE: paid, and they reach real phones. Click for actions.')
        : t('BaaS SMS is in live mode but no API key is set. Click to set one or to use the sandbox.');
      item.backgroundColor = hasKey ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    item.show();
  };
  void update();

  return vscode.Disposable.from(
    item,
    apiKeys.onDidChange(() => void update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId(SETTINGS.sandbox))) void update();
    }),
  );
}
