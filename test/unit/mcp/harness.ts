// A real MCP Client connected in memory to createServer(), whose send service talks to a real BaaS
// emulator on 127.0.0.1:0 (live mode with a canary key) or to the built-in sandbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../../../src/core/logger';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { createServer } from '../../../src/mcp/server';
import { createSendingRuntime, type SendingRuntime } from '../../../src/sending/runtime';
import type { ConfirmSend } from '../../../src/sending/types';
import { DEFAULT_GUARD, DEFAULT_RULES, type ConfirmPolicy, type SendingSettings } from '../../../src/core/settings';

export const PROJECT = '123e4567-e89b-42d3-a456-426614174000';

export interface Harness {
  client: Client;
  emulator: BaasEmulator;
  runtime: SendingRuntime;
  settings: SendingSettings;
  apiKey: string;
  logs: string[];
  dir: string;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: boolean;
  confirm?: ConfirmSend;
  settings?: Partial<SendingSettings>;
  key?: string | null;
  deliveryDelayMs?: number;
  /** The standalone server's BAAS_CONFIRM policy (unset: no MCP-level confirmation). */
  confirmPolicy?: ConfirmPolicy;
  /** What the test client declares, e.g. `{ elicitation: {} }`. */
  clientCapabilities?: ClientCapabilities;
  /** Folders plan_campaign may read. */
  campaignRoots?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const apiKey = `canary-${randomBytes(12).toString('hex')}`;
  const emulator = await startEmulator({ apiKey, deliveryDelayMs: options.deliveryDelayMs ?? 50 });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-mcp-test-'));
  const logs: string[] = [];
  const logger: Logger = {
    debug: (m) => logs.push(`debug ${m}`),
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m) => logs.push(`error ${m}`),
  };
  const settings: SendingSettings = {
    sandbox: options.sandbox ?? false,
    projectId: PROJECT,
    defaultCallbackNumber: '02-1234-5678',
    baseUrl: emulator.url,
    timeoutMs: 2000,
    rules: DEFAULT_RULES,
    guard: { ...DEFAULT_GUARD, maxSendsPerMinute: 1000, maxRecipientsPerDay: 100_000, maxRecipientsPerSend: 1000 },
    locale: 'en',
    duplicateWindowSeconds: 60,
    ...options.settings,
  };
  const runtime = createSendingRuntime({
    settings: () => settings,
    apiKey: () => Promise.resolve(options.key === null ? undefined : (options.key ?? apiKey)),
    ledgerFile: path.join(dir, 'ledger.jsonl'),
    logger,
    sandboxDeliveryDelayMs: options.deliveryDelayMs ?? 50,
  });
  const campaignRoots = options.campaignRoots;
  const { server } = createServer({
    sendService: runtime.sendService, ledger: runtime.engine, settings: () => settings, logger, confirmSend: options.confirm, confirmPolicy: options.confirmPolicy,
    ...(campaignRoots ? { campaignRoots: () => campaignRoots } : {}),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' }, { capabilities: options.clientCapabilities ?? {} });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    client, emulator, runtime, settings, apiKey, logs, dir,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await runtime.dispose();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The coded error a failed tool call carries. */
export function errorOf(result: CallToolResult): { code: string; field?: string; message: string; hint: string; outcome?: string; send_id?: string } {
  if (!result.isError) throw new Error(`expected a tool error, got ${JSON.stringify(result.structuredContent)}`);
  const text = (result.content[0] as { text: string }).text;
  return (JSON.parse(text) as { error: ReturnType<typeof errorOf> }).error;
}

export function structured<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`tool error: ${(result.content[0] as { text: string }).text}`);
  return result.structuredContent as T;
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
