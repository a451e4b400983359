// Errors reach the user here, at the UI edge: the coded message in their language, the hint, and a
// button for the next step (Set API Key, Open Settings, Show History…).
import * as vscode from 'vscode';
import { toBaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { Logger } from '../core/logger';
import { t } from './l10n';
import { nextStepsFor } from './nextSteps';

export async function showError(error: unknown, locale: Locale, logger: Logger): Promise<void> {
  const coded = toBaasSmsError(error);
  const { code, message, hint } = coded.describe(locale);
  logger.warn(`${code}: ${coded.describe('en').message}`);
  const steps = nextStepsFor(code, t);
  const text = `[${code}] ${message} ${hint}`;
  const show = code === 'CONFIRMATION_DECLINED' || code === 'CANCELLED' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
  const picked = await show(text, ...steps.map((s) => s.label));
  const step = steps.find((s) => s.label === picked);
  if (step) await vscode.commands.executeCommand(step.command, ...(step.args ?? []));
}
