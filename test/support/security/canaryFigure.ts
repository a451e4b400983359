// The "secret canary" figure: a random key, used live against the emulator through the built stdio
// server and through the in-process HTTP host, over sends that succeed, fail (401, 500, a server that
// echoes the key back in its error, a timeout, 429) or are refused as bad input, plus status and history.
// Afterwards stdout, stderr, logs, every tool result, every HTTP answer and the ledger file are searched
// for the key in every encoded form.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Logger } from '../../../src/core/logger';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { startMcpHttpHost } from '../../../src/mcp/httpHost';
import { createServer } from '../../../src/mcp/server';
import { createSendingRuntime } from '../../../src/sending/runtime';
import { RawStdioSession } from '../reliability/builtServer';
import { canaryKey, findLeaks, type LeakReport } from './secretNeedles';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

export const CANARY_PROJECT = '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const TIMEOUT_MS = 400;

export interface CanaryRun extends LeakReport {
  path: 'stdio (dist/server.js)' | 'HTTP host (startMcpHttpHost)';
  toolCalls: number;
  /** Tool results by outcome code ('ok' or the error code), to show the scenario really ran. */
  outcomes: Record<string, number>;
}

type CallTool = (name: string, args: Record<string, unknown>) => Promise<unknown>;

/** The calls both paths make; faults are set on the emulator between them. Returns each result as JSON. */
async function scenario(call: CallTool, emulator: BaasEmulator, secret: string): Promise<string[]> {
  const results: string[] = [];
  const run = async (name: string, args: Record<string, unknown>): Promise<unknown> => {
    const result = await call(name, args);
    results.push(JSON.stringify(result));
    return result;
  };
  const to = (n: number) => [{ phone_number: `010-5555-${String(n).padStart(4, '0')}`, member_code: `c${n}` }];
  const ok = (await run('send_sms', { recipients: to(1), message: 'canary ok' })) as { structuredContent?: { group_id?: number } };
  await run('send_mms', { recipients: to(2), message: 'canary mms', subject: '제목', image_urls: ['https://example.com/a.jpg'] });
  const faults: Array<[string, Parameters<BaasEmulator['setFaults']>[0]]> = [
    ['401', { mode: 'status', status: 401 }],
    ['500', { mode: 'status', status: 500 }],
    // A server that echoes the key in every field of its error answer: the client must cut it out.
    ['echo', {
      mode: 'status', status: 400,
      errorCode: `BAD_KEY_${secret}`,
      message: `key ${secret} / ${Buffer.from(secret).toString('base64')} / ${encodeURIComponent(secret)}`,
      detail: [{ field: secret, reason: Buffer.from(`Bearer ${secret}`).toString('base64url') }],
    }],
    ['reset', { mode: 'drop_after_commit' }],
    ['timeout', { mode: 'latency', latencyMs: 3 * TIMEOUT_MS }],
    ['429', { mode: 'rate_limit', retryAfterSeconds: 60 }],
  ];
  for (const [label, plan] of faults) {
    emulator.setFaults(plan);
    await run('send_sms', { recipients: to(10 + results.length), message: `canary ${label}` });
  }
  emulator.setFaults(null);
  await run('send_sms', { recipients: [{ phone_number: '011-123', member_code: 'x' }], message: 'bad phone' });
  await run('send_sms', { recipients: 'not a list', message: 5 });
  await run('preview_message', { recipients: to(3), message: '(광고) 할인 이벤트' });
  await run('get_message_status', { group_id: ok.structuredContent?.group_id ?? 1 });
  await run('get_message_status', { group_id: 987654321 });
  emulator.setFaults({ mode: 'status', status: 500, match: 'status', message: `status failed for ${secret}` });
  await run('get_message_status', { group_id: ok.structuredContent?.group_id ?? 1 });
  emulator.setFaults(null);
  await run('get_send_history', { refresh_status: true, limit: 100 });
  await run('get_integration_code', { framework: 'express' });
  return results;
}

function outcomesOf(results: string[]): Record<string, number> {
  const outcomes: Record<string, number> = {};
  for (const text of results) {
    const r = JSON.parse(text) as { isError?: boolean; content?: Array<{ text?: string }> };
    let code = 'ok';
    if (r.isError) {
      try {
        code = (JSON.parse(r.content?.[0]?.text ?? '') as { error: { code: string } }).error.code;
      } catch {
        code = 'uncoded';
      }
    }
    outcomes[code] = (outcomes[code] ?? 0) + 1;
  }
  return outcomes;
}

/** The built stdio server, configured only through its environment as an MCP client would. */
export async function runStdioCanary(): Promise<CanaryRun> {
  const secret = canaryKey(randomBytes(16).toString('hex'));
  const emulator = await startEmulator({ apiKey: secret, deliveryDelayMs: 20 });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-canary-'));
  const ledgerFile = path.join(dir, 'ledger.jsonl');
  const session = new RawStdioSession([], {
    ...process.env,
    BAAS_API_KEY: secret,
    BAAS_API_BASE_URL: emulator.url,
    PROJECT_ID: CANARY_PROJECT,
    BAAS_CALLBACK_NUMBER: '02-1234-5678',
    BAAS_LEDGER_FILE: ledgerFile,
    BAAS_LOG_LEVEL: 'debug',
    BAAS_TIMEOUT_MS: String(TIMEOUT_MS),
    BAAS_SANDBOX: '',
  });
  try {
    await session.request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'canary', version: '0' } });
    session.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    for (const [i, method] of ['tools/list', 'prompts/list', 'resources/list'].entries()) await session.request(2 + i, method);
    let id = 100;
    const call: CallTool = async (name, args) => (await session.request(id++, 'tools/call', { name, arguments: args })).result;
    const results = await scenario(call, emulator, secret);
    await session.close();
    return {
      path: 'stdio (dist/server.js)',
      toolCalls: results.length,
      outcomes: outcomesOf(results),
      ...findLeaks(secret, {
        stdout: session.stdout.toString('utf8'),
        stderr: session.stderr.toString('utf8'),
        'tool results': results.join('\n'),
        ledger: existsSync(ledgerFile) ? readFileSync(ledgerFile, 'utf8') : '',
      }),
    };
  } finally {
    if (session.child.exitCode === null) session.child.kill();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The extension's path: createServer() behind startMcpHttpHost, reached by a real SDK client over HTTP. */
export async function runHttpCanary(): Promise<CanaryRun> {
  const secret = canaryKey(randomBytes(16).toString('hex'));
  const emulator = await startEmulator({ apiKey: secret, deliveryDelayMs: 20, envelope: 'result' });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-canary-http-'));
  const ledgerFile = path.join(dir, 'ledger.jsonl');
  // Raw messages as the core hands them to its Logger, before any sink could redact them.
  const logs: string[] = [];
  const logger: Logger = { debug: (m) => logs.push(m), info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
  const settings: SendingSettings = {
    sandbox: false,
    projectId: CANARY_PROJECT,
    defaultCallbackNumber: '02-1234-5678',
    baseUrl: emulator.url,
    timeoutMs: TIMEOUT_MS,
    rules: DEFAULT_RULES,
    guard: { ...DEFAULT_GUARD, maxSendsPerMinute: 1000 },
    locale: 'ko',
    duplicateWindowSeconds: 60,
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(secret), ledgerFile, logger });
  const deps = { sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger };
  const host = await startMcpHttpHost({ createServer: () => createServer(deps), logger });
  const bodies: string[] = [];
  const reading: Promise<unknown>[] = [];
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    reading.push(response.clone().text().then((text) => bodies.push(text), () => undefined));
    return response;
  };
  const client = new Client({ name: 'canary-http', version: '0' });
  const transport = new StreamableHTTPClientTransport(new URL(host.url), {
    requestInit: { headers: { authorization: `Bearer ${host.token}` } },
    fetch: recordingFetch,
  });
  try {
    await client.connect(transport);
    await client.listTools();
    const results = await scenario((name, args) => client.callTool({ name, arguments: args }), emulator, secret);
    await transport.terminateSession();
    await client.close();
    // Streams still open (the GET stream) end with the session; give them a moment to finish.
    await Promise.race([Promise.all(reading), new Promise((r) => setTimeout(r, 3000))]);
    return {
      path: 'HTTP host (startMcpHttpHost)',
      toolCalls: results.length,
      outcomes: outcomesOf(results),
      ...findLeaks(secret, {
        'HTTP answers': bodies.join('\n'),
        'logger messages': logs.join('\n'),
        'tool results': results.join('\n'),
        ledger: existsSync(ledgerFile) ? readFileSync(ledgerFile, 'utf8') : '',
      }),
    };
  } finally {
    await client.close().catch(() => undefined);
    await host.close();
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
