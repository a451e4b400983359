// The SDK answers arguments that fail a tool's zod schema with a bare "Input validation error" text.
// This gives those the same coded shape as every other tool error (INVALID_INPUT, the field, a hint).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { BaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';

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
