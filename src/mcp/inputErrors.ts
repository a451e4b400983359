// The SDK answers arguments that fail a tool's zod schema with a bare "Input validation error" text.
// This gives those the same coded shape as every other tool error (INVALID_INPUT, the field, a hint).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { BaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';

type Validate = (tool: unknown, args: unknown, toolName: string) => Promise<unknown>;

/** Makes `server` throw coded BaasSmsErrors for invalid tool arguments; `toolError` renders them. */
export function codeInputErrors(server: McpServer, locale: () => Locale): void {
  const target = server as unknown as { validateToolInput: Validate };
  const original = target.validateToolInput.bind(server);
  target.validateToolInput = async (tool, args, toolName) => {
    try {
      return await original(tool, args, toolName);
    } catch (error) {
      if (!(error instanceof McpError)) throw error;
      const detail = error.message.replace(/^MCP error -?\d+: /, '').replace(/^Input validation error: Invalid arguments for tool \S+: /, '');
      const field = /"path":\s*\[([^\]]*)\]/.exec(detail)?.[1]?.replace(/[\s"]/g, '').replace(/,(\d+)/g, '[$1]').replace(/,/g, '.');
      const coded = new BaasSmsError('INVALID_INPUT', { field: field || undefined, params: { detail: summarise(detail) } });
      throw new Error(JSON.stringify({ success: false, error: coded.describe(locale()) }, null, 2));
    }
  };
}

function summarise(detail: string): string {
  try {
    const issues = JSON.parse(detail) as Array<{ message?: string; path?: unknown[] }>;
    return issues.map((i) => `${(i.path ?? []).join('.') || '(arguments)'}: ${i.message ?? 'invalid'}`).join('; ');
  } catch {
    return detail.slice(0, 500);
  }
}
