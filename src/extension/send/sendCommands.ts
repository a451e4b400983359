// Send SMS… and Send MMS… from the palette: recipients, message (with a live byte/type counter),
// sender number, and for MMS subject and images, each step checked by the core rules as the user
// types. The whole send is checked again before the confirmation; a problem found then reopens the
// step it is about. The send itself goes through the same service and confirmation as an agent's.
import * as vscode from 'vscode';
import { toBaasSmsError, type BaasSmsError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { MessageKind, SendInput } from '../../core/types';
import type { SendService } from '../../sending/sendService';
import type { ConfirmSend, SendResult } from '../../sending/types';
import { COMMANDS, VIEWS } from '../constants';
import { askStep, BACK } from './inputStep';
import { t } from '../l10n';
import { checkCallbackNumber, checkImageUrls, checkMessage, checkRecipients, checkSubject, type StepCheck } from './sendInputChecks';
import { showError } from '../showError';
import type { SendingSettings } from '../../core/settings';

export interface SendCommandDeps {
  sendService: SendService;
  settings: () => SendingSettings;
  confirm: ConfirmSend;
  logger: Logger;
}

export function registerSendCommands(deps: SendCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.sendSms, () => sendFromPalette('sms', deps)),
    vscode.commands.registerCommand(COMMANDS.sendMms, () => sendFromPalette('mms', deps)),
  );
}

type Field = 'recipients' | 'message' | 'callback_number' | 'subject' | 'image_urls';

interface Draft {
  text: Record<Field, string>;
  input: SendInput;
}

/** Resolves with the send's result, or undefined when the user stopped or the send failed (already shown). */
async function sendFromPalette(kind: MessageKind, deps: SendCommandDeps): Promise<SendResult | undefined> {
  const locale = deps.settings().locale;
  const draft: Draft = {
    text: { recipients: selectedText(), message: '', callback_number: deps.settings().defaultCallbackNumber ?? '', subject: '', image_urls: '' },
    input: { kind, recipients: [], message: '', callback_number: '' },
  };
  let reopen: { field: Field; error: BaasSmsError } | undefined;
  do {
    if (!(await askSteps(kind, draft, deps, reopen))) return undefined;
    const problem = checkWholeSend(draft.input, deps);
    if (problem === 'shown') return undefined;
    reopen = problem;
  } while (reopen);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('BaaS SMS: sending…') },
      () => deps.sendService.send(draft.input, { origin: 'command', confirm: deps.confirm }),
    );
    const text = result.sandbox
      ? t('BaaS SMS: {0} sent to {1} recipient(s) in the sandbox as group {2}.', result.preview.message_type, result.preview.recipients.length, result.group_id)
      : t('BaaS SMS: {0} sent to {1} recipient(s) as group {2}.', result.preview.message_type, result.preview.recipients.length, result.group_id);
    void vscode.window.showInformationMessage(text, t('Show History')).then((picked) => {
      if (picked) void vscode.commands.executeCommand(`${VIEWS.history}.focus`);
    });
    return result;
  } catch (error) {
    void showError(error, locale, deps.logger);
    return undefined;
  }
}

/**
 * The whole send through the rules (what the steps cannot see alone: the project id, the advertising
 * check). A problem with a field reopens its step; any other is shown with its next step.
 */
function checkWholeSend(input: SendInput, deps: SendCommandDeps): { field: Field; error: BaasSmsError } | 'shown' | undefined {
  try {
    deps.sendService.preview(input);
    return undefined;
  } catch (error) {
    const coded = toBaasSmsError(error);
    const field = fieldOf(coded.field);
    if (field) return { field, error: coded };
    void showError(coded, deps.settings().locale, deps.logger);
    return 'shown';
  }
}

/** Runs the steps from the first (or from the one to fix); false when the user closed the input. */
async function askSteps(kind: MessageKind, draft: Draft, deps: SendCommandDeps, reopen?: { field: Field; error: BaasSmsError }): Promise<boolean> {
  const fields: Field[] = kind === 'mms' ? ['recipients', 'message', 'callback_number', 'subject', 'image_urls'] : ['recipients', 'message', 'callback_number'];
  const title = kind === 'mms' ? t('BaaS SMS: Send MMS') : t('BaaS SMS: Send SMS');
  const stepTitles: Record<Field, string> = {
    recipients: t('Recipients'),
    message: t('Message'),
    callback_number: t('Sender Number'),
    subject: t('Subject'),
    image_urls: t('Images'),
  };
  const describe = (e: BaasSmsError): string => {
    const d = e.describe(deps.settings().locale);
    return `${d.code}: ${d.message} ${d.hint}`;
  };
  let index = reopen ? fields.indexOf(reopen.field) : 0;
  while (index < fields.length) {
    const field = fields[index];
    const answer = await askStep<unknown>({
      title: `${title} · ${stepTitles[field]}`,
      step: index + 1,
      totalSteps: fields.length,
      value: draft.text[field],
      placeholder: placeholderOf(field),
      initialError: reopen?.field === field ? reopen.error : undefined,
      check: (value) => checkField(field, value, kind, draft, deps.settings()),
      describe,
    });
    if (answer === undefined) return false;
    if (answer === BACK) {
      index = Math.max(index - 1, 0);
      continue;
    }
    draft.text[field] = answer.text;
    apply(draft.input, field, answer.value);
    index++;
  }
  return true;
}

function checkField(field: Field, value: string, kind: MessageKind, draft: Draft, settings: SendingSettings): StepCheck<unknown> {
  switch (field) {
    case 'recipients':
      return checkRecipients(value, t);
    case 'message':
      return checkMessage(value, kind, settings.rules, draft.input.recipients.length, t);
    case 'callback_number':
      return checkCallbackNumber(value, t);
    case 'subject':
      return checkSubject(value, t);
    case 'image_urls':
      return checkImageUrls(value, t);
  }
}

function apply(input: SendInput, field: Field, value: unknown): void {
  if (field === 'recipients') input.recipients = value as SendInput['recipients'];
  else if (field === 'image_urls') input.image_urls = value as string[];
  else if (field === 'callback_number') input.callback_number = value as string;
  else input[field] = value as string;
}

function placeholderOf(field: Field): string {
  switch (field) {
    case 'recipients':
      return t('010-1234-5678, 010-2345-6789 or 010-1234-5678,member_code (the member code defaults to the number)');
    case 'message':
      return t('The message text');
    case 'callback_number':
      return t('Sender number, e.g. 02-1234-5678');
    case 'subject':
      return t('MMS subject (up to 40 bytes)');
    case 'image_urls':
      return t('Image URLs (https://…), separated by spaces; up to 5, or none');
  }
}

/** `recipients[2].phone_number` → recipients: the step an error found by the whole-send check belongs to. */
function fieldOf(path: string | undefined): Field | undefined {
  const head = path?.split(/[.[]/)[0];
  return head === 'recipients' || head === 'message' || head === 'callback_number' || head === 'subject' || head === 'image_urls' ? head : undefined;
}

/** Recipients selected in the editor (one per line), as a starting value; only if they pass the rules. */
function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return '';
  const text = editor.document.getText(editor.selection).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(', ');
  return checkRecipients(text, t).error ? '' : text;
}
