// plan_campaign: a campaign's plan from a contact list (a .csv/.xlsx file inside the allowed roots,
// or rows given inline) and a #{변수} template. Read-only: it reads the list, judges every row and
// returns the figures; it writes nothing and sends nothing. Sending is a person's act (the CLI or
// VS Code), and the result says so.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { resolveInsideRoots } from '../../campaign/allowedRoots';
import type { CampaignSource } from '../../campaign/campaignPlan';
import { loadCampaign } from '../../campaign/loadCampaign';
import { summarizePlan } from '../../campaign/planSummary';
import { BaasSmsError } from '../../core/errors';
import { localeOf, type ServerDeps } from '../deps';
import { planCampaignOutput } from './planCampaignOutput';
import { runTool } from '../toolResult';

export const name = 'plan_campaign';

/** Rows an agent may pass inline; longer lists belong in a file. */
export const MAX_INLINE_ROWS = 5_000;

const inputSchema = {
  file_path: z.string().optional().describe('A .csv (UTF-8 or CP949, detected) or .xlsx contact list inside the workspace; relative paths start at the workspace. Give this or rows.'),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).max(MAX_INLINE_ROWS).optional()
    .describe('The contacts as objects, column → value, e.g. [{"이름":"홍길동","휴대폰":"010-1234-5678"}]. Give this or file_path.'),
  message: z.string().describe('The message; #{column} is filled from that column per row, e.g. "#{이름}님, 주문이 발송되었습니다."'),
  subject: z.string().optional().describe('MMS subject; giving it (or images) makes the campaign MMS'),
  image_urls: z.array(z.string()).optional().describe('MMS image URLs (at most 5)'),
  phone_column: z.string().optional().describe('The phone column (header or 1-based number); found by header (전화번호, 휴대폰, 연락처, phone, mobile…) when omitted'),
  member_code_column: z.string().optional().describe('The member-code column; when there is none, each number is its own member code'),
  max_recipients: z.number().int().min(1).optional().describe("The campaign's own limit on recipients (default 10,000); the plan is refused above it"),
  pace_ms: z.number().int().min(0).max(3_600_000).optional().describe('Pause between batches when sending (default 1000), for the time estimate'),
  is_advertisement: z.boolean().optional().describe('Whether this is an advertisement (정보통신망법 제50조); detected from the text when omitted'),
  night_time_consent: z.boolean().optional().describe('Recipients gave separate consent to advertising 21:00–08:00 KST. Only set when the user says so.'),
};

export const config = {
  title: 'Plan campaign',
  description:
    'Plan a personalised SMS/LMS/MMS campaign from a contact list without sending anything: rows read, valid recipients, invalid rows with their row ' +
    'number and reason, duplicates dropped, messages by type (and rows a long value tips into LMS), unsendable characters, estimated cost in KRW, the ' +
    'advertising-law check including the 21:00–08:00 KST stop, the campaign limit and the batches (identical texts, at most 1,000 per request). ' +
    'Sending is a human action: show the user the plan and tell them to send it with the `baas-sms-mcp campaign` command or in VS Code.',
  inputSchema,
  outputSchema: planCampaignOutput,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

type Args = z.infer<z.ZodObject<typeof inputSchema>>;

export function registerPlanCampaignTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: Args) =>
    runTool(localeOf(deps), deps.logger, async () => {
      const settings = deps.settings();
      // Loaded on first use: the stdio server starts without the CSV and spreadsheet readers.
      const plan = await loadCampaign().planCampaign(sourceOf(args, deps), {
        message: args.message,
        subject: args.subject,
        imageUrls: args.image_urls,
        phoneColumn: args.phone_column,
        memberCodeColumn: args.member_code_column,
        maxRecipients: args.max_recipients,
        paceMs: args.pace_ms,
        isAdvertisement: args.is_advertisement,
        nightConsent: args.night_time_consent,
        rules: settings.rules,
        locale: settings.locale,
      });
      return {
        ...summarizePlan(plan),
        next_step: settings.locale === 'ko'
          ? '발송은 사람이 합니다: 사용자에게 이 계획을 보여 주고, `baas-sms-mcp campaign plan`으로 계획 파일을 만든 뒤 CLI나 VS Code에서 직접 확인하고 보내도록 안내하세요. 이 도구는 보낼 수 없습니다.'
          : 'Sending is a human action: show the user this plan; they write it with `baas-sms-mcp campaign plan` and confirm and send it themselves from the CLI or VS Code. No tool sends a campaign.',
      };
    }));
}

function sourceOf(args: Args, deps: ServerDeps): CampaignSource {
  if ((args.file_path === undefined) === (args.rows === undefined)) {
    throw new BaasSmsError('INVALID_INPUT', { field: 'file_path', params: { detail: 'give either file_path or rows, not both or neither' } });
  }
  if (args.rows !== undefined) return { rows: args.rows };
  return { file: resolveInsideRoots(args.file_path!, deps.campaignRoots?.() ?? []) };
}
