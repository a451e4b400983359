// send_sms: one text to up to 1000 recipients; goes as SMS up to the byte threshold, LMS above it.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { previewCardToolMeta } from '../app/previewCard';
import { localeOf, type ServerDeps } from '../deps';
import { legacyApiKeyInput, legacyApiKeyNotes, notesOutput } from '../legacyApiKey';
import { commonSendInput, RECIPIENT_LIMITS_NOTE, sendOutput } from '../schemas';
import { runTool } from '../toolResult';
import { sendAnswer, sendInput, sendOptions } from '../sendAnswer';

export const name = 'send_sms';

export const config = {
  title: 'Send SMS',
  description:
    'Send a text message (SMS, or LMS when longer than the SMS byte limit) to Korean mobile numbers through the BaaS API. ' +
    'A live send is PAID and IRREVERSIBLE: a phone buzzes. Use it only when the user asked to send this text to these people; ' +
    'call preview_message first to show bytes, type, cost and warnings. Use send_mms for images. ' +
    RECIPIENT_LIMITS_NOTE +
    'After sending, use get_message_status with the returned group_id to see delivery. ' +
    'If the answer is an error with outcome "unknown", do NOT send again: check get_send_history first.',
  inputSchema: { ...commonSendInput, ...legacyApiKeyInput },
  outputSchema: { ...sendOutput, ...notesOutput },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  _meta: previewCardToolMeta,
};

export type SendSmsArgs = z.infer<z.ZodObject<typeof config.inputSchema>>;

export function registerSendSmsTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: SendSmsArgs, extra) =>
    runTool(localeOf(deps), deps.logger, async () =>
      sendAnswer(await deps.sendService.send(sendInput('sms', args), sendOptions(args, extra, deps, server)), deps.settings().rules.smsByteLimit),
      legacyApiKeyNotes(args, localeOf(deps), deps.logger, name)));
}
