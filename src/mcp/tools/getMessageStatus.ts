// get_message_status: delivery of one message group, per recipient, from the BaaS API.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BaasSmsError } from '../../core/errors';
import { localeOf, type ServerDeps } from '../deps';
import { legacyApiKeyInput, legacyApiKeyNotes, notesOutput } from '../legacyApiKey';
import { groupStatusFields } from '../schemas';
import { runTool } from '../toolResult';

export const name = 'get_message_status';

const inputSchema = {
  group_id: z.union([z.number(), z.string()]).describe('The group_id that send_sms or send_mms returned'),
  ...legacyApiKeyInput,
};

export const config = {
  title: 'Get message status',
  description:
    'Delivery status of a message group sent with send_sms or send_mms: per recipient 전송중 (sending), 성공 (delivered) or 실패 (failed, with a reason), ' +
    'and the group as 전송중, 성공, 실패 or 부분성공 (partly delivered). Status can change for minutes after a send: poll with growing pauses and stop once pending_count is 0. Free and read-only.',
  inputSchema,
  outputSchema: {
    ...groupStatusFields,
    send_id: z.string().optional(),
    sandbox: z.boolean(),
    ...notesOutput,
  },
  annotations: { readOnlyHint: true, openWorldHint: true },
};

export function parseGroupId(value: number | string): number {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new BaasSmsError('INVALID_GROUP_ID', { field: 'group_id', params: { input: String(value) } });
  return n;
}

export function registerGetMessageStatusTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: { group_id: number | string; baas_api_key?: unknown }, extra) =>
    runTool(localeOf(deps), deps.logger, async () => ({ ...(await deps.sendService.getStatus(parseGroupId(args.group_id), { signal: extra.signal })) }),
      legacyApiKeyNotes(args, localeOf(deps), deps.logger, name)));
}
