// The few questions Send Campaign from File… asks: the contact list (given by the Explorer, or
// picked), the message with its #{column} variables (checked against the list's columns as it is
// typed), and only when the plan makes them matter, a subject (long messages) and night-time consent
// (an advertisement that would run into 21:00–08:00 KST).
import * as vscode from 'vscode';
import { chooseColumns } from '../../campaign/columns';
import { openContactFile } from '../../campaign/contactFile';
import { checkCampaignMessage } from '../../campaign/messageCheck';
import type { CampaignPlan } from '../../campaign/planTypes';
import { checkTemplateColumns } from '../../campaign/template';
import { toBaasSmsError } from '../../core/errors';
import type { Locale } from '../../core/locale';
import { CONFIG_SECTION, SETTINGS } from '../constants';
import { t } from '../l10n';
import { checkCallbackNumber } from '../send/sendInputChecks';

const TITLE = (): string => t('BaaS SMS: Send Campaign from File');

/** The file the Explorer gave, or one picked in the open dialog; undefined when the user closed it. */
export async function contactFileOf(arg: unknown): Promise<string | undefined> {
  if (arg instanceof vscode.Uri) return arg.fsPath;
  const picked = await vscode.window.showOpenDialog({
    title: TITLE(),
    canSelectMany: false,
    openLabel: t('Plan Campaign'),
    filters: { [t('Contact lists')]: ['csv', 'xlsx'] },
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.[0]?.fsPath;
}

/** The list's headers, read from its first rows only (the whole file is read by the plan). */
export async function headersOf(file: string): Promise<string[]> {
  const table = await openContactFile(file);
  try {
    return table.headers;
  } finally {
    table.close();
  }
}

export async function askMessage(headers: string[], locale: Locale): Promise<string | undefined> {
  let phone = -1;
  try {
    phone = chooseColumns(headers).phone;
  } catch {
    // No phone column found: the plan says so with the headers it saw; the message can still be typed.
  }
  const variables = headers.filter((h, i) => h.trim() !== '' && i !== phone);
  const example = variables[0] ?? '이름';
  return vscode.window.showInputBox({
    title: TITLE(),
    prompt: variables.length > 0
      ? t('The message for every row. #{column} fills in that row\'s value; columns: {0}', variables.map((v) => `#{${v}}`).join(', ').slice(0, 300))
      : t('The message for every row. #{column} fills in that row\'s value.'),
    placeHolder: t('e.g. {0} — #{column} is replaced row by row', `#{${example}}님, 주문하신 상품이 발송되었습니다.`),
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      try {
        checkTemplateColumns(checkCampaignMessage({ message: value }).template, headers);
        return undefined;
      } catch (error) {
        const d = toBaasSmsError(error).describe(locale);
        return `${d.code}: ${d.message} ${d.hint}`;
      }
    },
  });
}

/**
 * Every batch uses the default sender number (as the command line's BAAS_CALLBACK_NUMBER): with none
 * set, it is asked once and kept as baasSms.callbackNumber. False when the user closed the box.
 */
export async function ensureCallbackNumber(current: string | undefined, locale: Locale): Promise<boolean> {
  if (current) return true;
  const answer = await vscode.window.showInputBox({
    title: TITLE(),
    prompt: t('The sender number for every message (registered with the carrier); kept as your default sender number'),
    placeHolder: t('Sender number, e.g. 02-1234-5678'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const { error } = checkCallbackNumber(value, t);
      if (!error || value.trim() === '') return undefined;
      const d = error.describe(locale);
      return `${d.code}: ${d.message} ${d.hint}`;
    },
  });
  const checked = answer === undefined ? undefined : checkCallbackNumber(answer, t).value;
  if (checked === undefined) return false;
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(SETTINGS.callbackNumber, checked, vscode.ConfigurationTarget.Global);
  return true;
}

export interface PlanAnswers {
  subject?: string;
  nightConsent?: boolean;
}

/** Questions the first plan raises; undefined when the user closed one (nothing is sent then). */
export async function askFromPlan(plan: CampaignPlan): Promise<PlanAnswers | undefined> {
  const answers: PlanAnswers = {};
  const long = plan.messages_by_type.LMS;
  if (plan.ready && long > 0 && plan.template.kind === 'sms') {
    const subject = await vscode.window.showInputBox({
      title: TITLE(),
      prompt: t('{0} message(s) are long (LMS). Leave this empty to send them without a subject; a subject sends every message as MMS ({1} KRW each).', long, plan.rules.prices.MMS),
      placeHolder: t('Subject (optional)'),
      ignoreFocusOut: true,
    });
    if (subject === undefined) return undefined;
    if (subject.trim() !== '') answers.subject = subject.trim();
  }
  const nightly = plan.ready && plan.advertising.is_advertisement && !plan.advertising.night_consent && (plan.schedule.night_stops.length > 0 || plan.schedule.waits_until !== undefined);
  if (nightly) {
    const stop = { label: t('Stop at 21:00 KST and continue at 08:00'), description: t('the law\'s rule for advertising'), consent: false };
    const consent = { label: t('The recipients consented to night-time advertising'), description: t('send through the night'), consent: true };
    const picked = await vscode.window.showQuickPick([stop, consent], {
      title: TITLE(),
      placeHolder: t('This advertisement would run into 21:00–08:00 KST. Without separate consent it must stop then.'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.consent) answers.nightConsent = true;
  }
  return answers;
}
