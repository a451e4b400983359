// createServer(): the MCP server with every tool, resource and prompt. Transport-free: the stdio
// command and the extension's in-process HTTP host each connect it to their own transport.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { VERSION } from '../core/version';
import { registerPreviewCardResource } from './app/previewCard';
import { formValidator } from './confirm/formValidator';
import type { ServerDeps } from './deps';
import { answerToolListFromFile, codeInputErrors } from './sdkPatches';
import { registerAnalyzeSendResultsPrompt } from './prompts/analyzeSendResults';
import { registerComposeMmsPrompt } from './prompts/composeMms';
import { registerComposeSmsPrompt } from './prompts/composeSms';
import { registerGetIntegrationCodeTool } from './tools/getIntegrationCode';
import { registerGetMessageStatusTool } from './tools/getMessageStatus';
import { registerGetSendHistoryTool } from './tools/getSendHistory';
import { registerPlanCampaignTool } from './tools/planCampaign';
import { registerPreviewMessageTool } from './tools/previewMessage';
import { registerSendMmsTool } from './tools/sendMms';
import { registerSendSmsTool } from './tools/sendSms';

export const DEFAULT_SERVER_NAME = 'baas-sms';

const INSTRUCTIONS =
  'Sends Korean SMS/MMS through the BaaS API. Sends are paid and reach real phones (unless the results say sandbox: true). ' +
  'Before a send: preview_message. After: get_message_status with the group_id, polling with growing pauses until nothing is pending. ' +
  'An error with outcome "unknown" means the message may have gone out: check get_send_history, never re-send blindly. ' +
  'For code that integrates SMS into an app, start from get_integration_code.';

/** `liveToolList`: answer tools/list with the SDK's own conversion (for `npm run tool-list` and its test), not toolList.json. */
export function createServer(deps: ServerDeps, options: { liveToolList?: boolean } = {}): { server: McpServer; cleanup: () => Promise<void> } {
  // Elicitation answers (the live-send confirmation) are checked by formValidator, not the SDK's Ajv,
  // which the bundles leave out to keep the cold start (esbuild.mjs).
  const server = new McpServer(
    { name: deps.serverName ?? DEFAULT_SERVER_NAME, title: 'BaaS SMS', version: VERSION },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} }, jsonSchemaValidator: formValidator },
  );
  codeInputErrors(server, () => deps.settings().locale);
  registerSendSmsTool(server, deps);
  registerSendMmsTool(server, deps);
  registerGetMessageStatusTool(server, deps);
  registerGetSendHistoryTool(server, deps);
  registerPreviewMessageTool(server, deps);
  registerGetIntegrationCodeTool(server, deps);
  registerPlanCampaignTool(server, deps);
  registerPreviewCardResource(server);
  registerComposeSmsPrompt(server);
  registerComposeMmsPrompt(server);
  registerAnalyzeSendResultsPrompt(server);
  if (!options.liveToolList) answerToolListFromFile(server);
  return { server, cleanup: () => server.close() };
}
