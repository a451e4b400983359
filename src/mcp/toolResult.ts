// The one place tool outcomes become MCP results: successes carry `structuredContent` (checked
// against the tool's output schema) and a JSON text copy; every failure is an `isError` result whose
// text holds a stable code, the field, what happened and what to do, in the user's language. Either
// may carry `notes` on how the call was read (legacyApiKey.ts).
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toBaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { Logger } from '../core/logger';

export function toolSuccess<T extends Record<string, unknown>>(structured: T): CallToolResult & { structuredContent: T } {
  return { content: [{ type: 'text', text: JSON.stringify(structured, null, 2) }], structuredContent: structured };
}

export function toolError(error: unknown, locale: Locale, logger?: Logger, notes?: string[]): CallToolResult {
  const described = toBaasSmsError(error);
  if (described.code === 'INTERNAL_ERROR') logger?.error(`internal error in a tool: ${described.message}`);
  const { sendId } = described.params;
  const body = {
    success: false,
    error: {
      ...described.describe(locale),
      ...(described.outcome ? { outcome: described.outcome === 'not_sent' ? 'not_sent' : 'unknown' } : {}),
      ...(typeof sendId === 'string' ? { send_id: sendId } : {}),
    },
    ...(notes ? { notes } : {}),
  };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(body, null, 2) }] };
}

/** Runs a tool body, turning whatever it throws into a coded tool error. */
export async function runTool<T extends Record<string, unknown>>(locale: Locale, logger: Logger | undefined, body: () => Promise<T> | T, notes?: string[]): Promise<CallToolResult> {
  try {
    const result = await body();
    return toolSuccess(notes ? { ...result, notes } : result);
  } catch (error) {
    return toolError(error, locale, logger, notes);
  }
}
