// Check Message Status…: pick a group from the history or type any group id, then show where its
// delivery stands. Groups from the ledger get their answer recorded, so the tree updates too.
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { maskPhone } from '../../core/redact';
import type { LedgerEntry, LedgerPage, LedgerQuery } from '../../ledger/sendLedger';
import type { SendService } from '../../sending/sendService';
import type { StatusResult } from '../../sending/types';
import { COMMANDS } from '../constants';
import { presentSend } from './historyPresentation';
import { t } from '../l10n';
import { showError } from '../showError';
import type { SendingSettings } from '../../core/settings';

const PICKABLE_GROUPS = 50;

/** Where the recent groups come from: the ledger in use (file or team). */
interface StatusLedger {
  list(query: LedgerQuery): Promise<LedgerPage>;
}

interface GroupPick extends vscode.QuickPickItem {
  groupId: number;
}

export function registerStatusCommand(sendService: SendService, ledger: StatusLedger, settings: () => SendingSettings, logger: Logger): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.checkStatus, async (groupIdArg?: unknown): Promise<StatusResult | undefined> => {
    const groupId = typeof groupIdArg === 'number' ? groupIdArg : await pickGroup(ledger);
    if (groupId === undefined) return undefined;
    try {
      const status = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: t('BaaS SMS: checking group {0}…', groupId) },
        () => sendService.getStatus(groupId),
      );
      void vscode.window.showInformationMessage(describeStatus(status));
      return status;
    } catch (error) {
      void showError(error, settings().locale, logger);
      return undefined;
    }
  });
}

/** Recent groups to pick from; typing a number offers that group id instead. */
async function pickGroup(ledger: StatusLedger): Promise<number | undefined> {
  // An unreachable team ledger leaves only typing a group id.
  const page = await ledger.list({ offset: 0, limit: PICKABLE_GROUPS }).catch(() => ({ entries: [] as LedgerEntry[] }));
  const recent: GroupPick[] = page
    .entries.filter((e) => e.group_id !== undefined)
    .map((e) => {
      const shown = presentSend(e, t);
      return { groupId: e.group_id!, label: t('Group {0}', e.group_id!), description: shown.label, detail: shown.description };
    });
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<GroupPick>();
    pick.title = t('BaaS SMS: Check Message Status');
    pick.placeholder = t('Pick a group from the history, or type a group id');
    pick.matchOnDescription = true;
    pick.items = recent;
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const typedPick = /^\d+$/.test(typed) && !recent.some((r) => String(r.groupId) === typed)
        ? [{ groupId: Number(typed), label: t('Group {0}', typed), description: t('typed group id'), alwaysShow: true }]
        : [];
      pick.items = [...typedPick, ...recent];
    });
    let done = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (!chosen) return;
      done = true;
      resolve(chosen.groupId);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function describeStatus(status: StatusResult): string {
  const failed = status.messages.filter((m) => m.status === '실패').slice(0, 3)
    .map((m) => `${maskPhone(m.phone)}${m.reason ? ` (${m.reason})` : ''}`).join(', ');
  const summary = t('BaaS SMS: group {0} is {1}: {2} delivered, {3} failed, {4} pending of {5}.',
    status.group_id, status.status, status.success_count, status.failed_count, status.pending_count, status.total_count);
  return failed ? `${summary} ${t('Failed: {0}', failed)}` : summary;
}
