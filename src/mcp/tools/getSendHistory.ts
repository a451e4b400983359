// get_send_history: the sends this machine made, newest first, from the local send ledger (the BaaS
// API has no history endpoint). Optionally refreshes the delivery status of groups not yet final.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { LedgerEntry } from '../../ledger/sendLedger';
import { localeOf, type ServerDeps } from '../deps';
import { legacyApiKeyInput, legacyApiKeyNotes, notesOutput } from '../legacyApiKey';
import { runTool } from '../toolResult';
import { SANDBOX_PROJECT_ID } from '../../core/settings';

export const name = 'get_send_history';

const inputSchema = {
  project_id: z.string().optional().describe('Project UUID; defaults to PROJECT_ID. Sends of other projects are left out.'),
  offset: z.number().int().min(0).max(1_000_000).default(0).describe('Records to skip'),
  limit: z.number().int().min(1).max(100).default(20).describe('Records to return, at most 100'),
  message_type: z.enum(['SMS', 'MMS', 'ALL']).default('ALL').describe('SMS (SMS and LMS), MMS, or ALL'),
  refresh_status: z.boolean().default(false).describe('Ask the BaaS API for the current status of the returned groups that are still 전송중'),
  ...legacyApiKeyInput,
};

const sendRecord = z.object({
  send_id: z.string(),
  created_at: z.string(),
  kind: z.enum(['sms', 'mms']),
  message_type: z.enum(['SMS', 'LMS', 'MMS']),
  outcome: z.enum(['pending', 'sent', 'failed', 'unknown']).describe('sent: accepted by the API; failed: certainly not sent; unknown: may have gone out, check before re-sending'),
  group_id: z.number().int().nullable(),
  sandbox: z.boolean(),
  project_id: z.string(),
  recipient_count: z.number().int(),
  recipients: z.array(z.object({ phone_number: z.string(), member_code: z.string() })),
  message: z.string(),
  subject: z.string().nullable(),
  callback_number: z.string(),
  message_bytes: z.number().int(),
  estimated_cost_krw: z.number(),
  status: z.enum(['전송중', '성공', '실패', '부분성공']).nullable(),
  success_count: z.number().int().nullable(),
  failed_count: z.number().int().nullable(),
  pending_count: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const config = {
  title: 'Get send history',
  description:
    'The SMS/MMS sends made from this machine, newest first, with each one\'s outcome (sent / failed / unknown) and last known delivery status. ' +
    'Use it before re-sending anything whose outcome was unknown, and to answer "what did we send". Read-only and free.',
  inputSchema,
  outputSchema: {
    project_id: z.string().nullable(),
    offset: z.number().int(),
    limit: z.number().int(),
    message_type: z.enum(['SMS', 'MMS', 'ALL']),
    count: z.number().int(),
    has_more: z.boolean(),
    sends: z.array(sendRecord),
    ...notesOutput,
  },
  annotations: { readOnlyHint: true, openWorldHint: true },
};

export function historyRecord(e: LedgerEntry): z.infer<typeof sendRecord> {
  return {
    send_id: e.id,
    created_at: e.created_at,
    kind: e.kind,
    message_type: e.message_type,
    outcome: e.outcome,
    group_id: e.group_id ?? null,
    sandbox: e.sandbox,
    project_id: e.project_id,
    recipient_count: e.recipients.length,
    recipients: e.recipients,
    message: e.message,
    subject: e.subject ?? null,
    callback_number: e.callback_number,
    message_bytes: e.message_bytes,
    estimated_cost_krw: e.estimated_cost_krw,
    status: e.status?.status ?? null,
    success_count: e.status?.success_count ?? null,
    failed_count: e.status?.failed_count ?? null,
    pending_count: e.status?.pending_count ?? null,
    error: e.error ?? null,
  };
}

type Args = { project_id?: string; offset: number; limit: number; message_type: 'SMS' | 'MMS' | 'ALL'; refresh_status: boolean; baas_api_key?: unknown };

export function registerGetSendHistoryTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: Args, extra) =>
    runTool(localeOf(deps), deps.logger, async () => {
      const settings = deps.settings();
      const projectId = args.project_id ?? settings.projectId ?? (settings.sandbox ? SANDBOX_PROJECT_ID : undefined);
      const query = { project_id: projectId, message_type: args.message_type, offset: args.offset, limit: args.limit };
      let page = deps.ledger.list(query);
      if (args.refresh_status && (await deps.sendService.refreshOpenGroups(page.entries, extra.signal)) > 0) page = deps.ledger.list(query);
      return {
        project_id: projectId ?? null,
        offset: args.offset,
        limit: args.limit,
        message_type: args.message_type,
        count: page.entries.length,
        has_more: page.has_more,
        sends: page.entries.map(historyRecord),
      };
    }, legacyApiKeyNotes(args, localeOf(deps), deps.logger, name)));
}
