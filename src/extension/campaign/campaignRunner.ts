// A campaign's run in the window: a progress notification with counts and Cancel (Cancel aborts
// between batches: the batch under way is finished and recorded, never abandoned), then one
// notification with the outcome and the next step. Every batch goes through runCampaign, which claims
// it in the ledger before its request: a closed window or a crash never resends anyone, and a batch
// whose outcome is unknown is listed for the user to check, never sent again.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { batchViews } from '../../campaign/batchStates';
import { CampaignRecord, campaignsDir, osUser } from '../../campaign/campaignRecord';
import type { CampaignPlan } from '../../campaign/planTypes';
import { runCampaign, type CampaignRunResult } from '../../campaign/sendLoop';
import { BaasSmsError } from '../../core/errors';
import { COMMANDS } from '../constants';
import { t } from '../l10n';
import type { CampaignDeps } from './campaignDeps';
import { outcomeText, progressText } from './campaignText';

/** Campaigns running in this window: one run per campaign at a time. */
const running = new Set<string>();

export function isRunning(id: string): boolean {
  return running.has(id);
}

/** Records the confirmed plan (who, when, where, how) before its first request, then runs it. */
export function startCampaign(plan: CampaignPlan, deps: CampaignDeps): Promise<CampaignRunResult | undefined> {
  const record = CampaignRecord.create(campaignsDir(deps.ledgerFile), {
    started_by: osUser(), started_at: new Date().toISOString(), host: os.hostname(), sandbox: deps.settings().sandbox, pace_ms: plan.schedule.pace_ms, plan,
  });
  record.append({ t: 'run', at: record.start.started_at, by: record.start.started_by, action: 'start' });
  deps.logger.info(`campaign ${plan.campaign_id} started: ${plan.batch_count} batches to ${plan.counts.valid_recipients} recipients${record.start.sandbox ? ' [sandbox]' : ''}`);
  return runWithProgress(record, deps);
}

export function resumeCampaign(record: CampaignRecord, deps: CampaignDeps): Promise<CampaignRunResult | undefined> {
  // Refused before the audit line: a resume that does not run must not be recorded as one.
  if (running.has(record.id)) return Promise.reject(alreadyRunning(record.id));
  record.append({ t: 'run', at: new Date().toISOString(), by: osUser(), action: 'resume' });
  deps.logger.info(`campaign ${record.id} resumed`);
  return runWithProgress(record, deps);
}

async function runWithProgress(record: CampaignRecord, deps: CampaignDeps): Promise<CampaignRunResult | undefined> {
  if (running.has(record.id)) throw alreadyRunning(record.id);
  running.add(record.id);
  const { plan } = record.start;
  const total = plan.batch_count;
  const recipients = plan.batches.reduce((sum, b) => sum + b.recipients.length, 0);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('BaaS SMS: campaign {0}{1}', record.id, record.start.sandbox ? ` [${t('sandbox')}]` : ''), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancelled = token.onCancellationRequested(() => {
          controller.abort();
          progress.report({ message: t('stopping after the batch under way…') });
        });
        // Batches already settled in an earlier run count as done from the start.
        const done = new Set<number>();
        let recipientsDone = 0;
        for (const view of await batchViews(deps.ledger, plan.batches, record.events())) {
          if (view.state === 'open') continue;
          done.add(view.batch.index);
          recipientsDone += view.batch.recipients.length;
        }
        progress.report({ message: progressText(t, done.size, total, recipientsDone, recipients), increment: (100 * done.size) / Math.max(total, 1) });
        try {
          return await runCampaign(plan, {
            sendService: deps.sendService, ledger: deps.ledger, record, paceMs: record.start.pace_ms, signal: controller.signal,
            onProgress: (p) => {
              // A personalised list is mostly one-recipient batches (tens of thousands): counted as they go.
              const fresh = !done.has(p.batch.index);
              if (fresh) recipientsDone += p.batch.recipients.length;
              done.add(p.batch.index);
              deps.logger.info(`campaign ${record.id}: batch ${p.batch.index} (${p.batch.recipients.length} recipients) ${p.outcome}${p.error ? `: ${p.error.code}` : ''} — ${p.done}/${p.total}`);
              progress.report({ message: progressText(t, done.size, total, recipientsDone, recipients), increment: fresh ? 100 / Math.max(total, 1) : 0 });
            },
          });
        } finally {
          cancelled.dispose();
        }
      },
    );
    announce(record, result, deps);
    return result;
  } finally {
    running.delete(record.id);
  }
}

/** The outcome, with the next step as buttons; not awaited (a notification waits for the user). */
function announce(record: CampaignRecord, result: CampaignRunResult, deps: CampaignDeps): void {
  const stop = record.events().filter((e) => e.t === 'stop').pop();
  const text = outcomeText(t, record.id, result, record.start.plan.batch_count, stop?.t === 'stop' ? stop.detail : undefined);
  deps.logger[text.severity === 'info' ? 'info' : 'warn'](text.message);
  const resume = t('Resume Campaign');
  const report = t('Export Delivery Report');
  const show = text.severity === 'info' ? vscode.window.showInformationMessage : text.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(text.message, ...(text.resumable ? [resume] : []), report).then((picked) => {
    if (picked === resume) void vscode.commands.executeCommand(COMMANDS.resumeCampaign, record.id);
    if (picked === report) void vscode.commands.executeCommand(COMMANDS.exportCampaignReport, record.id);
  });
}

function alreadyRunning(id: string): BaasSmsError {
  return new BaasSmsError('INVALID_INPUT', { field: 'campaign', params: { detail: `campaign ${id} is already running in this window` } });
}
