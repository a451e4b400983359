// The history view and its actions: Refresh History, and per group Refresh Status / Copy Group ID,
// plus the "Load more" item. Also the one notification when a group reaches its final state.
import * as vscode from 'vscode';
import type { Locale } from '../../core/locale';
import type { Logger } from '../../core/logger';
import { maskPhone } from '../../core/redact';
import type { LedgerEntry } from '../../ledger/sendLedger';
import type { SendService } from '../../sending/sendService';
import { COMMANDS, VIEWS } from '../constants';
import type { HistoryService } from './historyService';
import type { HistoryNode, HistoryTreeProvider } from './historyTreeProvider';
import { t } from '../l10n';
import { showError } from '../showError';

/** The tree over `history`, redrawn whenever the history changes, and its commands. */
export function registerHistoryView(provider: HistoryTreeProvider, history: HistoryService, sendService: SendService, locale: () => Locale, logger: Logger): vscode.Disposable {
  const view = vscode.window.createTreeView(VIEWS.history, { treeDataProvider: provider, showCollapseAll: true });
  const refreshGroup = async (node?: HistoryNode): Promise<void> => {
    const groupId = node?.kind === 'send' || node?.kind === 'batch' ? node.entry?.group_id : undefined;
    if (groupId === undefined) return;
    try {
      await sendService.getStatus(groupId);
    } catch (error) {
      void showError(error, locale(), logger);
    }
  };
  // Says whose history this is, and why it may be empty: a team ledger that cannot be reached.
  const describeView = (): void => {
    view.description = history.team ? t('team') : undefined;
    view.message = history.problem;
  };
  describeView();
  return vscode.Disposable.from(
    history,
    history.onDidChange(() => {
      describeView();
      provider.refresh();
    }),
    provider,
    view,
    vscode.commands.registerCommand(COMMANDS.refreshHistory, () => history.refreshOpenGroups()),
    vscode.commands.registerCommand(COMMANDS.refreshGroupStatus, refreshGroup),
    vscode.commands.registerCommand(COMMANDS.copyGroupId, async (node?: HistoryNode) => {
      const groupId = node?.kind === 'send' || node?.kind === 'batch' ? node.entry?.group_id : undefined;
      if (groupId !== undefined) await vscode.env.clipboard.writeText(String(groupId));
    }),
    vscode.commands.registerCommand(COMMANDS.loadMoreHistory, () => provider.loadMore()),
  );
}

/** The one message a group gets when it reaches its final state. */
export function announceFinished(entry: LedgerEntry): void {
  const status = entry.status;
  if (!status) return;
  const who = entry.recipients[0] ? maskPhone(entry.recipients[0].phone_number) + (entry.recipients.length > 1 ? ` +${entry.recipients.length - 1}` : '') : '';
  const text = t('BaaS SMS: {0} group {1} to {2} finished: {3} ({4}/{5} delivered, {6} failed).',
    entry.message_type, status.group_id, who, status.status, status.success_count, status.total_count, status.failed_count);
  const show = status.status === '성공' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(text, t('Show History')).then((picked) => {
    if (picked) void vscode.commands.executeCommand(`${VIEWS.history}.focus`);
  });
}
