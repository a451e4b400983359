// PLACEHOLDER, replaced at the merge with the campaign commands (src/extension/campaign, branch
// `cui`): delete this file, its line in extension.ts and its one l10n string then. It registers the
// campaign node's two commands so the manifest this branch declares stays valid; meanwhile they
// name the standalone command that does the job.
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { t } from '../l10n';

export function registerCampaignCommandPlaceholders(): vscode.Disposable {
  const tell = (command: (id: string) => string) => (node?: { campaignId?: string } | string): void => {
    const id = typeof node === 'string' ? node : node?.campaignId ?? 'ID';
    void vscode.window.showInformationMessage(t('BaaS SMS: run "{0}" in a terminal.', command(id)));
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.resumeCampaign, tell((id) => `baas-sms-mcp campaign resume ${id}`)),
    vscode.commands.registerCommand(COMMANDS.exportCampaignReport, tell((id) => `baas-sms-mcp campaign report ${id} --out ${id}-report.csv`)),
  );
}
