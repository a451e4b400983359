// send_mms: a message with a subject and up to five images to up to 1000 recipients.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { previewCardToolMeta } from '../app/previewCard';
import { localeOf, type ServerDeps } from '../deps';
import { legacyApiKeyInput, legacyApiKeyNotes, notesOutput } from '../legacyApiKey';
import { commonSendInput, RECIPIENT_LIMITS_NOTE, sendOutput } from '../schemas';
import { runTool } from '../toolResult';
import { sendAnswer, sendInput, sendOptions } from '../sendAnswer';

export const name = 'send_mms';

const inputSchema = {
  ...commonSendInput,
  subject: z.string().describe('MMS subject, at most 40 EUC-KR bytes (20 Hangul)'),
  image_urls: z.array(z.string()).optional().describe('Up to 5 public http(s) URLs of JPG images'),
  ...legacyApiKeyInput,
};

export const config = {
  title: 'Send MMS',
  description:
    'Send a multimedia message (subject, text up to 2000 EUC-KR bytes, up to 5 image URLs) to Korean mobile numbers through the BaaS API. ' +
    'A live send is PAID (MMS costs most) and IRREVERSIBLE. Use it only when the user asked for it; call preview_message first. ' +
    RECIPIENT_LIMITS_NOTE +
    'Use send_sms for plain text. If the answer is an error with outcome "unknown", do NOT send again: check get_send_history first.',
  inputSchema,
  outputSchema: { ...sendOutput, ...notesOutput },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  _meta: previewCardToolMeta,
};

export type SendMmsArgs = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerSendMmsTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: SendMmsArgs, extra) =>
    runTool(localeOf(deps), deps.logger, async () =>
      sendAnswer(await deps.sendService.send(sendInput('mms', args), sendOptions(args, extra, deps, server)), deps.settings().rules.smsByteLimit),
      legacyApiKeyNotes(args, localeOf(deps), deps.logger, name)));
}
