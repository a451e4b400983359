// Built stdio servers (dist/server.js) for the durability and team tests: started with a ledger (a
// file or a PostgreSQL URL) against an emulator, initialised, and called with send_sms.
import { RawStdioSession, buildServer, type JsonRpcMessage } from '../../support/reliability/builtServer';

export const API_KEY = 'team-test-key-0123456789';
export const PROJECT_ID = '123e4567-e89b-42d3-a456-426614174000';

export interface Ledger { file?: string; url?: string }

let nextId = 1;

export async function startServer(emulatorUrl: string, ledger: Ledger, extraEnv: NodeJS.ProcessEnv = {}): Promise<RawStdioSession> {
  buildServer();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BAAS_API_KEY: API_KEY,
    PROJECT_ID,
    BAAS_API_BASE_URL: emulatorUrl,
    BAAS_CALLBACK_NUMBER: '02-1234-5678',
    BAAS_TIMEOUT_MS: '3000',
    BAAS_MAX_SENDS_PER_MINUTE: '100000',
    BAAS_LOG_LEVEL: 'warn',
    // These clients cannot ask a user (no elicitation): the tests send without a confirmation.
    BAAS_CONFIRM: 'off',
    ...(ledger.file ? { BAAS_LEDGER_FILE: ledger.file } : {}),
    ...(ledger.url ? { BAAS_LEDGER_URL: ledger.url } : {}),
    ...extraEnv,
  };
  const session = new RawStdioSession([], env);
  const init = await session.request(nextId++, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'team-test', version: '0' } });
  if (!init.result) throw new Error(`initialize failed: ${JSON.stringify(init)} ${session.stderr.toString()}`);
  session.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return session;
}

export interface SendAnswer { isError: boolean; code?: string; outcome?: string; sendId?: string; groupId?: number; deduplicated?: boolean; text: string }

/** One send_sms call; resolves with what the tool answered. */
export async function sendSms(session: RawStdioSession, args: Record<string, unknown>, timeoutMs = 60_000): Promise<SendAnswer> {
  const answer: JsonRpcMessage = await session.request(nextId++, 'tools/call', { name: 'send_sms', arguments: { recipients: [{ phone_number: '010-1234-5678', member_code: 'm1' }], message: 'team test', ...args } }, timeoutMs);
  const result = answer.result as { isError?: boolean; content?: Array<{ text: string }>; structuredContent?: { send_id?: string; group_id?: number; deduplicated?: boolean } } | undefined;
  if (!result) throw new Error(`tools/call failed: ${JSON.stringify(answer)}`);
  const text = (result.content ?? []).map((c) => c.text).join('\n');
  if (result.isError) {
    const { error } = JSON.parse(text) as { error: { code: string; send_id?: string; outcome?: string } };
    return { isError: true, code: error.code, sendId: error.send_id, outcome: error.outcome, text };
  }
  const structured = result.structuredContent ?? {};
  return { isError: false, sendId: structured.send_id, groupId: structured.group_id, deduplicated: structured.deduplicated, text };
}
