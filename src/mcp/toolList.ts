// tools/list answered from src/mcp/toolList.json, which `npm run tool-list` writes from the SDK's own
// answer. The SDK converts every tool's zod input and output schemas to JSON Schema on each tools/list;
// in a fresh process that first conversion is ~17 ms of cold code, most of the stdio server's start-up
// beyond a bare SDK server's. The list never changes at run time (no tool is added, removed or
// disabled after createServer), and a test keeps the file equal to a live conversion.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import TOOL_LIST from './toolList.json';

/** Call after every tool is registered: replaces the SDK's converting tools/list handler. */
export function answerToolListFromFile(server: McpServer): void {
  server.server.setRequestHandler(ListToolsRequestSchema, () => TOOL_LIST as unknown as ListToolsResult);
}
