// Export Delivery Report: the campaign's CSV (one row per recipient: batch, what the API answered,
// the delivery result), regenerated from its record and the ledger after asking the server for the
// latest results of groups still sending. Numbers are masked unless the user picks full numbers.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CampaignRecord } from '../../campaign/campaignRecord';
import { latestReportCsv, writeReportFile } from '../../campaign/campaignReport';
import { t } from '../l10n';
import type { CampaignDeps } from './campaignDeps';

/** The file written, or undefined when the user closed a step. */
export async function exportReport(record: CampaignRecord, deps: CampaignDeps): Promise<string | undefined> {
  const masked = { label: t('Masked numbers (recommended)'), description: '010-****-5678', full: false };
  const full = { label: t('Full numbers'), description: t('for matching with your own records; keep the file private'), full: true };
  const title = t('BaaS SMS: Export Delivery Report of {0}', record.id);
  const picked = await vscode.window.showQuickPick([masked, full], { title, placeHolder: t('How should the report show phone numbers?') });
  if (!picked) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.dirname(record.start.plan.source.file ?? record.dir));
  const target = await vscode.window.showSaveDialog({
    title, saveLabel: t('Export Report'), filters: { CSV: ['csv'] }, defaultUri: vscode.Uri.joinPath(folder, `${record.id}-report.csv`),
  });
  if (!target) return undefined;
  const { plan } = record.start;
  const csv = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('BaaS SMS: checking the latest delivery results…') }, async () => {
    return latestReportCsv(record, deps.ledger, deps.sendService, picked.full);
  });
  writeReportFile(target.fsPath, csv);
  deps.logger.info(`campaign ${record.id}: report written (${plan.counts.valid_recipients} recipients, ${picked.full ? 'full numbers' : 'numbers masked'})`);
  const open = t('Open Report');
  void vscode.window.showInformationMessage(
    picked.full ? t('BaaS SMS: delivery report written with full numbers: {0}', path.basename(target.fsPath)) : t('BaaS SMS: delivery report written (numbers masked): {0}', path.basename(target.fsPath)),
    open,
  ).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(target);
  });
  return target.fsPath;
}
