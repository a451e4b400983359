// preview_message: everything a send would do — normalised recipients, type, bytes, cost, warnings,
// and whether anything would stop it — without sending. The extension's confirmation shows the same.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BaasSmsError } from '../../core/errors';
import type { SendInput } from '../../core/types';
import type { AdvertisementOptions } from '../../sending/types';
import { previewCardToolMeta } from '../app/previewCard';
import { localeOf, type ServerDeps } from '../deps';
import { commonSendInput, previewFields } from '../schemas';
import { advertisementOptions, previewAnswer, sendInput } from '../sendAnswer';
import { runTool } from '../toolResult';

export const name = 'preview_message';

// A preview sends nothing, so it has no idempotency key.
const { recipients, message, callback_number, project_id, is_advertisement, night_time_consent } = commonSendInput;
const inputSchema = {
  kind: z.enum(['sms', 'mms']).default('sms').describe('sms for send_sms (SMS/LMS), mms for send_mms'),
  recipients, message, callback_number, project_id, is_advertisement, night_time_consent,
  subject: z.string().optional().describe('MMS subject (kind mms)'),
  image_urls: z.array(z.string()).optional().describe('MMS image URLs (kind mms)'),
};

export const config = {
  title: 'Preview message',
  description:
    'Check a message before sending it, free and without sending: normalised and de-duplicated recipients, SMS/LMS/MMS type, EUC-KR bytes, ' +
    'estimated cost in KRW, warnings (advertising rules, SMS becoming LMS, dropped duplicates) and whether a spend limit or a missing key would stop it. ' +
    'An advertisement that breaks the rules still gets its preview, with the findings in blocked_by. Errors name the field and what to fix. Call it before send_sms or send_mms and show the user the result.',
  inputSchema,
  outputSchema: {
    ...previewFields,
    kind: z.enum(['sms', 'mms']),
    would_send: z.boolean().describe('False when something below blocks the send now'),
    blocked_by: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
  },
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  _meta: previewCardToolMeta,
};

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerPreviewMessageTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: Args) =>
    runTool(localeOf(deps), deps.logger, async () => {
      const { preview, blocked } = await assessWithAdFindings(deps, sendInput(args.kind, args), advertisementOptions(args));
      const described = blocked?.describe(localeOf(deps));
      return {
        kind: preview.kind,
        ...previewAnswer(preview, deps.settings().rules.smsByteLimit),
        would_send: !blocked,
        blocked_by: described ? { code: described.code, message: described.message, hint: described.hint } : null,
      };
    }));
}

/**
 * An advertisement that breaks the rules is refused by the send, but its preview is still worth
 * having (bytes, type, cost): it is assessed with the advertising check off, and the findings become
 * what blocks it, as a missing key or a spend limit does. The "check skipped" warning that mode adds
 * would be false here, so it is dropped.
 */
async function assessWithAdFindings(deps: ServerDeps, input: SendInput, ad: AdvertisementOptions = {}) {
  try {
    return await deps.sendService.assess(input, ad);
  } catch (error) {
    if (!(error instanceof BaasSmsError) || error.code !== 'ADVERTISING_RULES') throw error;
    const { preview } = await deps.sendService.assess(input, { ...ad, isAdvertisement: false });
    return { preview: { ...preview, warnings: preview.warnings.filter((w) => w.code !== 'ADVERTISING_CHECK_SKIPPED') }, blocked: error };
  }
}
