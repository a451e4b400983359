// The confirmation of a live send in MCP clients other than VS Code. A client that declares
// elicitation shows the user a form with the same summary as the VS Code modal; anything but an
// accepted, ticked form declines, and nothing is sent. A client without elicitation cannot ask, so
// the user's policy decides: refuse (BAAS_CONFIRM=ask, the default) or send within the spend guard
// (BAAS_CONFIRM=off). Sandbox sends are free and reach no phone: never asked.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import koBundle from '../../../l10n/bundle.l10n.ko.json';
import { BaasSmsError } from '../../core/errors';
import type { Locale } from '../../core/locale';
import type { Logger } from '../../core/logger';
import type { ConfirmPolicy } from '../../core/settings';
import { untranslated, type Translate } from '../../core/translate';
import { confirmationText } from '../../sending/confirmationSummary';
import type { ConfirmSend, SendPreview } from '../../sending/types';

export type { ConfirmPolicy } from '../../core/settings';

export interface ElicitContext {
  server: McpServer;
  policy: ConfirmPolicy;
  locale: Locale;
  logger: Logger;
  requestId: RequestId;
  signal: AbortSignal;
}

const KO = koBundle as Record<string, string>;
const translateFor = (locale: Locale): Translate => (locale === 'ko' ? (message, ...args) => untranslated(KO[message] ?? message, ...args) : untranslated);

export function elicitingConfirm(ctx: ElicitContext): ConfirmSend {
  return async (preview) => {
    if (preview.sandbox) return true;
    const elicitation = ctx.server.server.getClientCapabilities()?.elicitation;
    if (elicitation?.form) return askTheUser(ctx, preview);
    if (ctx.policy === 'off') return true;
    throw new BaasSmsError('CONFIRMATION_REQUIRED', { outcome: 'not_sent' });
  };
}

/** The form: the modal's summary and one box to tick. Only accept with the box ticked sends. */
export function confirmationForm(preview: SendPreview, locale: Locale) {
  const text = confirmationText(preview, translateFor(locale));
  return {
    mode: 'form' as const,
    message: `${text.message}\n\n${text.detail}`,
    requestedSchema: {
      type: 'object' as const,
      properties: {
        confirm: {
          type: 'boolean' as const,
          title: text.sendButton,
          description: locale === 'ko' ? '체크하고 승인하면 발송합니다. 거절하거나 취소하면 아무것도 보내지 않습니다.' : 'Tick and accept to send; decline or cancel sends nothing.',
          default: false,
        },
      },
      required: ['confirm'],
    },
  };
}

async function askTheUser(ctx: ElicitContext, preview: SendPreview): Promise<boolean> {
  try {
    const answer = await ctx.server.server.elicitInput(confirmationForm(preview, ctx.locale), { relatedRequestId: ctx.requestId, signal: ctx.signal });
    const yes = answer.action === 'accept' && answer.content?.confirm === true;
    ctx.logger.info(`live send ${yes ? 'confirmed' : `not confirmed (${answer.action})`} through the client's elicitation`);
    return yes;
  } catch (error) {
    if (ctx.signal.aborted) throw new BaasSmsError('CANCELLED', { outcome: 'not_sent' });
    // No answer (timed out, the client failed) is no confirmation.
    ctx.logger.warn(`the confirmation form got no answer: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
