// The confirmation a model cannot give itself: before every send (an agent's tool call or a command)
// a modal shows what will go out, and only its explicit Send button lets it through. Tests replace
// the dialog through the extension's test API, because code-server's smoke-test driver auto-confirms
// dialogs; the product path is always the modal.
import * as vscode from 'vscode';
import type { ConfirmSend, SendPreview } from '../../sending/types';
import { confirmationText } from './confirmationText';
import { t } from '../l10n';
import type { OutputLogger } from '../outputLogger';

export class SendConfirmation {
  private override: ConfirmSend | undefined;

  constructor(private readonly skipForSandbox: () => boolean, private readonly logger: OutputLogger) {}

  /** Handed to the MCP server and to every command send. Resolves true only on the Send button. */
  readonly confirm: ConfirmSend = async (preview: SendPreview) => {
    if (preview.sandbox && this.skipForSandbox()) return true;
    const accepted = this.override ? await this.override(preview) : await this.showModal(preview);
    this.logger.info(`${preview.sandbox ? 'sandbox' : 'LIVE'} ${preview.message_type} to ${preview.recipients.length} recipient(s) ${accepted ? 'confirmed' : 'declined'} by the user`);
    return accepted;
  };

  /** Test-only: answer confirmations with `fn` instead of the modal; `undefined` restores the modal. */
  setOverride(fn: ConfirmSend | undefined): void {
    this.override = fn;
  }

  private async showModal(preview: SendPreview): Promise<boolean> {
    const text = confirmationText(preview, t);
    const choice = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.sendButton);
    return choice === text.sendButton;
  }
}
