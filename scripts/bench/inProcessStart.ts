// In-process start, the extension's way of serving MCP, measured outside the extension host (the
// provider itself needs `vscode`): startMcpHttpHost({ createServer }) as resolveMcpServerDefinition
// does on its first call, then initialize and tools/list over the SDK's Streamable HTTP client
// transport. Only the client's transport is used, not its Client: the Client compiles every tool's
// output schema with Ajv when it lists tools, work of the client (VS Code's is not ours) that would
// dwarf the server's. The client's first use of fetch is paid before timing (warmClientSide).
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { silentLogger } from '../../src/core/logger';
import type { ServerDeps } from '../../src/mcp/deps';
import { startMcpHttpHost } from '../../src/mcp/httpHost';
import { createServer } from '../../src/mcp/server';
import { createSendingRuntime } from '../../src/sending/runtime';
import { DEFAULT_BASE_URL, DEFAULT_GUARD, DEFAULT_RULES, DEFAULT_TIMEOUT_MS, type SendingSettings } from '../../src/core/settings';

export interface BenchDeps {
  deps: ServerDeps;
  dispose(): Promise<void>;
}

/** What the extension builds at activation, in sandbox mode, with a ledger in a fresh folder. */
export function sandboxDeps(): BenchDeps {
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-bench-host-'));
  const settings: SendingSettings = {
    sandbox: true,
    baseUrl: DEFAULT_BASE_URL,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    rules: DEFAULT_RULES,
    guard: DEFAULT_GUARD,
    locale: 'en',
    duplicateWindowSeconds: 60,
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(undefined), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
  return {
    deps: { sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger: silentLogger },
    dispose: async () => {
      await runtime.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs one complete fetch POST against a throwaway loopback server, so that the client side's first
 * use of fetch (Node loading and compiling undici) is not counted as the server's start. None of our
 * code or the SDK's runs in it.
 */
export async function warmClientSide(): Promise<void> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).text();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * initialize → notifications/initialized → tools/list as raw JSON-RPC over the SDK's Streamable HTTP
 * client transport (which keeps the session id); resolves with the number of tools listed and the
 * hrtime of the tools/list answer (the session is ended after that, untimed).
 */
export async function initializeAndListTools(url: URL, headers: Record<string, string>): Promise<{ toolCount: number; answeredAt: bigint }> {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  const answers = new Map<number, (message: JSONRPCMessage) => void>();
  transport.onmessage = (message) => {
    const id = (message as { id?: number }).id;
    if (typeof id === 'number') answers.get(id)?.(message);
  };
  const request = async (id: number, method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const answer = new Promise<JSONRPCMessage>((resolve) => answers.set(id, resolve));
    await transport.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    const message = (await answer) as { result?: Record<string, unknown>; error?: unknown };
    if (!message.result) throw new Error(`${method} failed: ${JSON.stringify(message.error)}`);
    return message.result;
  };
  try {
    await transport.start();
    const init = await request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } });
    transport.setProtocolVersion(String(init.protocolVersion));
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    const list = await request(2, 'tools/list');
    return { toolCount: (list.tools as unknown[]).length, answeredAt: process.hrtime.bigint() };
  } finally {
    await transport.terminateSession().catch(() => undefined);
    await transport.close();
  }
}

/** startMcpHttpHost → initialize → tools/list answered, in ms; host and client are closed afterwards. */
export async function timeInProcessStart(deps: ServerDeps): Promise<{ ms: number; toolCount: number }> {
  const start = process.hrtime.bigint();
  const host = await startMcpHttpHost({ createServer: () => createServer(deps), logger: silentLogger });
  const { toolCount, answeredAt } = await initializeAndListTools(new URL(host.url), { Authorization: `Bearer ${host.token}` });
  await host.close();
  return { ms: Number(answeredAt - start) / 1e6, toolCount };
}
