// The campaign commands: Send Campaign from File… (palette, Explorer context menu on .csv/.xlsx),
// Resume Campaign… and Export Campaign Delivery Report… (palette, and the history tree's campaign
// node, which passes the node: anything with a string `campaignId`, or the id itself). Each resolves
// with what it did, for the in-host tests; errors are shown here, at the UI edge.
import * as vscode from 'vscode';
import { campaignsDir, type CampaignRecord } from '../../campaign/campaignRecord';
import type { CampaignRunResult } from '../../campaign/sendLoop';
import { batchViews, countViews } from '../../campaign/batchStates';
import { COMMANDS } from '../constants';
import { t } from '../l10n';
import { showError } from '../showError';
import type { CampaignDeps } from './campaignDeps';
import { exportReport } from './campaignExport';
import { planAndConfirm } from './campaignPlanFlow';
import { isRunning, resumeCampaign, startCampaign } from './campaignRunner';
import { resolveCampaign } from './campaignTarget';

export type { CampaignDeps } from './campaignDeps';

export interface CampaignCommandResult {
  campaignId: string;
  run?: CampaignRunResult;
}

export function registerCampaignCommands(deps: CampaignDeps): vscode.Disposable {
  const dir = (): string => campaignsDir(deps.ledgerFile);
  const guarded = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (error) {
      void showError(error, deps.settings().locale, deps.logger);
      return undefined;
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.sendCampaignFromFile, guarded(async (uri?: unknown): Promise<CampaignCommandResult | undefined> => {
      const plan = await planAndConfirm(uri, deps);
      if (!plan) return undefined;
      return { campaignId: plan.campaign_id, run: await startCampaign(plan, deps) };
    })),
    vscode.commands.registerCommand(COMMANDS.resumeCampaign, guarded(async (arg?: unknown): Promise<CampaignCommandResult | undefined> => {
      const record = await resolveCampaign(arg, dir(), t('BaaS SMS: Resume Campaign'));
      if (!record || !(await confirmResume(record, deps))) return undefined;
      return { campaignId: record.id, run: await resumeCampaign(record, deps) };
    })),
    vscode.commands.registerCommand(COMMANDS.exportCampaignReport, guarded(async (arg?: unknown): Promise<string | undefined> => {
      const record = await resolveCampaign(arg, dir(), t('BaaS SMS: Export Delivery Report'));
      return record ? exportReport(record, deps) : undefined;
    })),
  );
}

/**
 * Resume sends to real phones when the campaign was live: the mode must be the campaign's (a sandbox
 * campaign is never continued live, nor the reverse), and the user sees what is left before it goes.
 */
async function confirmResume(record: CampaignRecord, deps: CampaignDeps): Promise<boolean> {
  const { sandbox } = record.start;
  if (isRunning(record.id)) {
    void vscode.window.showInformationMessage(t('BaaS SMS: campaign {0} is already running; its progress is in the notification.', record.id));
    return false;
  }
  if (deps.settings().sandbox !== sandbox) {
    const toggle = sandbox ? t('Turn On the Sandbox') : t('Turn Off the Sandbox');
    const picked = await vscode.window.showErrorMessage(
      sandbox ? t('BaaS SMS: campaign {0} was started in the sandbox; turn the sandbox on to resume it.', record.id) : t('BaaS SMS: campaign {0} was sent live; turn the sandbox off to resume it.', record.id),
      toggle,
    );
    if (picked === toggle) await vscode.commands.executeCommand(COMMANDS.toggleSandbox, sandbox);
    return false;
  }
  const counts = countViews(await batchViews(deps.ledger, record.start.plan.batches, record.events()));
  const left = counts.recipients.open + counts.recipients.failed;
  if (left === 0) {
    void vscode.window.showInformationMessage(t('BaaS SMS: campaign {0} has nothing left to send ({1} batch(es) with an unknown outcome are never resent).', record.id, counts.batches.unknown + counts.batches.pending));
    return false;
  }
  const button = sandbox ? t('Resume in Sandbox') : t('Resume (Live)');
  const choice = await vscode.window.showWarningMessage(
    t('Resume campaign {0}: {1} recipient(s) in {2} batch(es) not sent yet?', record.id, left.toLocaleString('en'), counts.batches.open + counts.batches.failed),
    { modal: true, detail: sandbox ? t('Mode: SANDBOX (free; no phone receives it)') : t('Mode: LIVE (paid; real phones receive it)') },
    button,
  );
  return choice === button;
}
