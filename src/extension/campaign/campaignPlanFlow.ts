// From a contact list to a confirmed plan: read the list, ask the message, plan (every row judged,
// nothing sent), ask what the plan makes matter, write the plan files beside the campaign records,
// open the plan beside the editor, and ask the one modal question. A plan that is not ready is shown
// with its reasons and goes no further.
import * as vscode from 'vscode';
import { planCampaign, type CampaignPlanOptions } from '../../campaign/campaignPlan';
import { campaignsDir } from '../../campaign/campaignRecord';
import { writePlanFiles } from '../../campaign/planReport';
import type { CampaignPlan } from '../../campaign/planTypes';
import { formatKrw } from '../../sending/confirmationSummary';
import { t } from '../l10n';
import { askFromPlan, askMessage, contactFileOf, ensureCallbackNumber, headersOf } from './campaignInput';
import type { CampaignDeps } from './campaignDeps';
import { kst } from './campaignText';

/** The plan the user confirmed, or undefined (closed, refused, declined: already shown, nothing sent). */
export async function planAndConfirm(arg: unknown, deps: CampaignDeps): Promise<CampaignPlan | undefined> {
  const file = await contactFileOf(arg);
  if (file === undefined) return undefined;
  const { locale } = deps.settings();
  const message = await askMessage(await headersOf(file), locale);
  if (message === undefined || message.trim() === '') return undefined;
  if (!(await ensureCallbackNumber(deps.settings().defaultCallbackNumber, locale))) return undefined;
  const now = new Date();
  const plan = (options: Partial<CampaignPlanOptions>): Thenable<CampaignPlan> => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('BaaS SMS: planning the campaign…') },
    () => planCampaign({ file }, { message, now, rules: deps.settings().rules, locale, ...options }),
  );
  let options: Partial<CampaignPlanOptions> = {};
  let current = await plan(options);
  const answers = await askFromPlan(current);
  if (!answers) return undefined;
  if (answers.subject !== undefined || answers.nightConsent) current = await plan((options = { ...answers, campaignId: current.campaign_id }));
  for (;;) {
    const written = writePlanFiles(current, campaignsDir(deps.ledgerFile), locale);
    deps.logger.info(`campaign ${current.campaign_id} planned: ${current.counts.valid_recipients} recipients, ${current.batch_count} batches, ${current.ready ? 'ready' : `refused (${current.refusals.map((r) => r.code).join(', ')})`}; plan ${written.markdownFile}`);
    await showPlan(written.markdownFile);
    if (current.ready) return (await confirmPlan(current, deps)) ? current : undefined;
    // Only the campaign's own limit can be raised here, and only by the user's explicit choice.
    const raise = current.refusals.every((r) => r.code === 'CAMPAIGN_LIMIT_EXCEEDED') ? t('Set the Campaign Limit to {0}', current.counts.valid_recipients.toLocaleString('en')) : undefined;
    const choice = await vscode.window.showErrorMessage(
      t('BaaS SMS: campaign {0} cannot be sent. Nothing was sent.', current.campaign_id),
      { modal: true, detail: current.refusals.map((r) => `• ${r.code}: ${r.message} ${r.hint}`).join('\n') },
      ...(raise ? [raise] : []),
    );
    if (!raise || choice !== raise) return undefined;
    current = await plan((options = { ...options, maxRecipients: current.counts.valid_recipients, campaignId: current.campaign_id }));
  }
}

async function showPlan(markdownFile: string): Promise<void> {
  const uri = vscode.Uri.file(markdownFile);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No Markdown preview (the built-in extension disabled): the file itself, read-only in spirit.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }
}

/** The modal in the style of every send's confirmation: only its explicit button sends. */
async function confirmPlan(plan: CampaignPlan, deps: CampaignDeps): Promise<boolean> {
  const sandbox = deps.settings().sandbox;
  // The sender number and project are the settings' (every batch uses them): a gap is shown now, not at batch 1.
  const first = plan.batches[0];
  const preview = deps.sendService.preview({ kind: plan.template.kind, recipients: first.recipients.slice(0, 1), message: first.message, callback_number: '', ...(plan.template.subject !== undefined ? { subject: plan.template.subject } : {}) },
    // As each batch is sent: the night-time rule is the run's (it stops at 21:00), not a refusal here.
    { isAdvertisement: plan.advertising.is_advertisement, nightConsent: true });
  const n = (v: number): string => v.toLocaleString('en');
  const { counts, schedule } = plan;
  const ad = plan.advertising;
  const lines = [
    sandbox ? t('Mode: SANDBOX (free; no phone receives it)') : t('Mode: LIVE (paid; real phones receive it)'),
    t('Rows read: {0} · valid recipients: {1} · invalid rows: {2} · duplicates dropped: {3}', n(counts.rows_read), n(counts.valid_recipients), n(counts.invalid_rows), n(counts.duplicates_dropped)),
    t('Messages: SMS {0} · LMS {1} · MMS {2}', n(plan.messages_by_type.SMS), n(plan.messages_by_type.LMS), n(plan.messages_by_type.MMS)) + (plan.tipped_into_lms > 0 ? t(' ({0} become LMS only because of their values)', n(plan.tipped_into_lms)) : ''),
    t('Estimated cost: {0} KRW', formatKrw(plan.estimated_cost_krw)),
    t('Batches: {0}, one every {1} s; estimated end {2}', n(plan.batch_count), (schedule.pace_ms / 1000).toLocaleString('en'), kst(schedule.estimated_end_at)),
    t('Campaign limit: {0} recipients (separate from the per-send limit)', n(plan.limit.max_recipients)),
    t('Sender number: {0}', preview.callback_number),
    ...(ad.is_advertisement ? [ad.night_consent ? t('Advertisement: the recipients consented to night-time advertising') : t('Advertisement: stops at 21:00 KST and continues at 08:00')] : []),
    '',
    t('The plan is open beside this dialog. Cancel stops between batches; nobody is ever sent to twice.'),
  ];
  const button = sandbox ? t('Send Campaign in Sandbox') : t('Send Campaign (Live)');
  const question = sandbox
    ? t('Send campaign {0} to {1} recipient(s) in the sandbox?', plan.campaign_id, n(counts.valid_recipients))
    : t('Send campaign {0} to {1} recipient(s)? This is a LIVE send: it is paid and reaches real phones.', plan.campaign_id, n(counts.valid_recipients));
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: lines.join('\n') }, button);
  deps.logger.info(`campaign ${plan.campaign_id} (${sandbox ? 'sandbox' : 'LIVE'}, ${counts.valid_recipients} recipients) ${choice === button ? 'confirmed' : 'declined'} by the user`);
  return choice === button;
}
