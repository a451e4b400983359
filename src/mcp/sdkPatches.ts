// Where this server bends the MCP SDK, all in one place. Written against @modelcontextprotocol/sdk
// 1.32 (the 1.x line); test/unit/mcp/sdkPatches.test.ts fails when an SDK upgrade breaks what each
// patch assumes, rather than letting it stop working quietly.
//
// 1. codeInputErrors: the SDK answers arguments that fail a tool's zod schema with a bare "Input
//    validation error" text; this wraps McpServer's private validateToolInput(tool, args, toolName) so
//    they get the coded shape of every other tool error (INVALID_INPUT, the field, a hint).
// 2. noElicitationValidator: the SDK's Server checks elicitation answers with a validator, by default
//    an Ajv instance built for every server; these tools never elicit, so this one refuses, and the
//    bundles leave Ajv out (esbuild.mjs), so the server starts without compiling it.
// 3. answerToolListFromFile: tools/list answered from src/mcp/toolList.json, which every build writes
//    from the SDK's own answer (esbuild.mjs). The SDK converts every tool's zod schemas to JSON Schema on
//    each tools/list; in a fresh process that first conversion is ~17 ms of cold code, most of the stdio
//    server's start-up beyond a bare SDK server's. The list never changes at run time.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, McpError, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { BaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';
import TOOL_LIST from './toolList.json';

/** The SDK line these patches were written and tested against. */
export const PATCHED_SDK_VERSION = { major: 1, minMinor: 32 };

type Validate = (tool: unknown, args: unknown, toolName: string) => Promise<unknown>;
interface Issue { path: PropertyKey[]; message: string }
type SafeParse = (value: unknown) => { success: boolean; error?: { issues: Issue[] } };

/** Makes `server` throw coded BaasSmsErrors for invalid tool arguments; `toolError` renders them. */
export function codeInputErrors(server: McpServer, locale: () => Locale): void {
  const target = server as unknown as { validateToolInput: Validate };
  const original = target.validateToolInput.bind(server);
  target.validateToolInput = async (tool, args, toolName) => {
    try {
      return await original(tool, args, toolName);
    } catch (error) {
      if (!(error instanceof McpError)) throw error;
      // Parse again to get the issues as data rather than the SDK's prose.
      const schema = (tool as { inputSchema?: { safeParse?: SafeParse } }).inputSchema;
      const issues = schema?.safeParse?.(args ?? {}).error?.issues ?? [];
      const first = issues[0];
      const coded = new BaasSmsError('INVALID_INPUT', {
        field: first && first.path.length > 0 ? fieldPath(first.path) : undefined,
        params: { detail: issues.length > 0 ? issues.slice(0, 5).map((i) => `${fieldPath(i.path) || '(arguments)'}: ${i.message}`).join('; ') : error.message.slice(0, 500) },
      });
      throw new Error(JSON.stringify({ success: false, error: coded.describe(locale()) }, null, 2), { cause: error });
    }
  };
}

/** `['recipients', 0, 'phone_number']` → `recipients[0].phone_number`, as the other errors name fields. */
function fieldPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

export const noElicitationValidator: jsonSchemaValidator = {
  getValidator: () => {
    throw new Error('baas-sms-mcp never asks the client for input (elicitation), so it has no answers to validate');
  },
};

/** Call after every tool is registered: replaces the SDK's converting tools/list handler. */
export function answerToolListFromFile(server: McpServer): void {
  server.server.setRequestHandler(ListToolsRequestSchema, () => TOOL_LIST as unknown as ListToolsResult);
}
