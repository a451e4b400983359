// The "endpoint matrix" figure: raw HTTP requests (node:http, so Host and Origin can be forged) to
// the in-process MCP host with its token required, each with the status item 5 of issue 4 demands,
// plus where the host listens and whether a DELETE really ends a session.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { silentLogger } from '../../../src/core/logger';
import { startMcpHttpHost, type McpHttpHost } from '../../../src/mcp/httpHost';
import { createServer } from '../../../src/mcp/server';
import { createSendingRuntime } from '../../../src/sending/runtime';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface MatrixRow {
  variant: string;
  expected: number;
  actual: number | string;
  ok: boolean;
}

export interface EndpointFigure {
  rows: MatrixRow[];
  /** What server.address() says, and what a connect to each other address of this machine did. */
  listening: { address: string; nonLoopbackAttempts: Array<{ address: string; result: string }>; ssLine?: string };
  sessionEndedByDelete: boolean;
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'matrix', version: '0' } } });

export function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; host?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.host ?? '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/mcp', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      // A GET's SSE stream stays open, silent until there is news: its status is all a row needs.
      if (options.method === 'GET' && String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        res.destroy();
        return;
      }
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = (): void => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', reject);
    if (options.chunked && options.body !== undefined) {
      // No Content-Length: the host must stop reading at its limit, not trust a header.
      const body = Buffer.from(options.body);
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(options.body);
  });
}

export async function runEndpointMatrix(): Promise<EndpointFigure> {
  const settings: SendingSettings = {
    sandbox: true, baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000, rules: DEFAULT_RULES, guard: DEFAULT_GUARD,
    locale: 'en', duplicateWindowSeconds: 60, defaultCallbackNumber: '02-1234-5678',
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(undefined), ledgerFile: `${os.tmpdir()}/baas-matrix-${process.pid}.jsonl`, logger: silentLogger, sandboxDeliveryDelayMs: 20 });
  const deps = { sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger: silentLogger };
  const host = await startMcpHttpHost({ createServer: () => createServer(deps), logger: silentLogger });
  try {
    return await measure(host);
  } finally {
    await host.close();
    await runtime.dispose();
  }
}

async function measure(host: McpHttpHost): Promise<EndpointFigure> {
  const port = host.port;
  const good = { host: `127.0.0.1:${port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const rows: MatrixRow[] = [];
  const row = async (variant: string, expected: number, options: Parameters<typeof rawRequest>[1]): Promise<RawAnswer | undefined> => {
    try {
      const answer = await rawRequest(port, options);
      rows.push({ variant, expected, actual: answer.status, ok: answer.status === expected });
      return answer;
    } catch (error) {
      rows.push({ variant, expected, actual: (error as NodeJS.ErrnoException).code ?? String(error), ok: false });
      return undefined;
    }
  };
  const without = (name: string): Record<string, string> => Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));
  const big = Buffer.alloc(2 * 1024 * 1024, 0x20);

  await row('POST initialize without a token', 401, { headers: without('authorization'), body: INITIALIZE });
  await row('POST initialize with a wrong token', 401, { headers: { ...good, authorization: `Bearer ${'x'.repeat(host.token.length)}` }, body: INITIALIZE });
  await row('token as a query parameter instead of the header', 401, { path: `/mcp?token=${host.token}`, headers: without('authorization'), body: INITIALIZE });
  await row('foreign Host (evil.example)', 403, { headers: { ...good, host: `evil.example:${port}` }, body: INITIALIZE });
  await row('Host localhost on another port', 403, { headers: { ...good, host: `localhost:${port + 1}` }, body: INITIALIZE });
  await row('Host [::1]:port', 403, { headers: { ...good, host: `[::1]:${port}` }, body: INITIALIZE });
  await row('foreign Origin (http://evil.example)', 403, { headers: { ...good, origin: 'http://evil.example' }, body: INITIALIZE });
  await row('Origin: null', 403, { headers: { ...good, origin: 'null' }, body: INITIALIZE });
  await row('Origin look-alike (http://127.0.0.1:port.evil.example)', 403, { headers: { ...good, origin: `http://127.0.0.1:${port}.evil.example` }, body: INITIALIZE });
  await row('Origin https://127.0.0.1:port (other scheme)', 403, { headers: { ...good, origin: `https://127.0.0.1:${port}` }, body: INITIALIZE });
  await row('GET without a session', 400, { method: 'GET', headers: { ...good, accept: 'text/event-stream' } });
  await row('PUT', 405, { method: 'PUT', headers: good, body: INITIALIZE });
  await row('PATCH', 405, { method: 'PATCH', headers: good, body: INITIALIZE });
  await row('OPTIONS', 405, { method: 'OPTIONS', headers: good });
  await row('OPTIONS preflight from a foreign Origin', 403, { method: 'OPTIONS', headers: { ...good, origin: 'http://evil.example' } });
  await row('oversized body (2 MiB, Content-Length)', 413, { headers: good, body: big });
  await row('oversized body (2 MiB, chunked, no Content-Length)', 413, { headers: good, body: big, chunked: true });
  await row('other path (/other)', 404, { path: '/other', headers: good, body: INITIALIZE });
  await row('other path (/mcp/x)', 404, { path: '/mcp/x', headers: good, body: INITIALIZE });
  await row('body that is not JSON', 400, { headers: good, body: '{not json' });
  await row('unknown session id', 404, { headers: { ...good, 'mcp-session-id': 'no-such-session' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }) });
  await row('correct POST initialize', 200, { headers: good, body: INITIALIZE });
  await row('correct POST initialize, Origin http://127.0.0.1:port', 200, { headers: { ...good, origin: `http://127.0.0.1:${port}` }, body: INITIALIZE });
  await row('correct POST initialize, Host and Origin localhost:port', 200, { headers: { ...good, host: `localhost:${port}`, origin: `http://localhost:${port}` }, body: INITIALIZE });

  // A session, used, then ended by DELETE: afterwards its id is unknown.
  const opened = await rawRequest(port, { headers: good, body: INITIALIZE });
  const sid = String(opened.headers['mcp-session-id'] ?? '');
  const withSession = { ...good, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' };
  await rawRequest(port, { headers: withSession, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  await row('GET with the session (SSE stream)', 200, { method: 'GET', headers: { ...withSession, accept: 'text/event-stream' } });
  await row('POST ping in the session', 200, { headers: withSession, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) });
  const before = host.sessionCount();
  await row('DELETE with the session id', 200, { method: 'DELETE', headers: withSession });
  await row('POST in the deleted session', 404, { headers: withSession, body: JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'ping' }) });
  const sessionEndedByDelete = sid !== '' && host.sessionCount() === before - 1;

  return { rows, listening: await listening(host), sessionEndedByDelete };
}

async function listening(host: McpHttpHost): Promise<EndpointFigure['listening']> {
  const address = new URL(host.url).hostname;
  // Link-local IPv6 needs its interface named to be reachable at all.
  const others = Object.entries(os.networkInterfaces()).flatMap(([name, list]) => (list ?? [])
    .filter((i) => !i.internal)
    .map((i) => (i.family === 'IPv6' && i.address.startsWith('fe80:') ? `${i.address}%${name}` : i.address)));
  const attempts: Array<{ address: string; result: string }> = [];
  for (const other of [...others, '::1']) attempts.push({ address: other, result: await tryConnect(other, host.port) });
  let ssLine: string | undefined;
  try {
    ssLine = execFileSync('ss', ['-Hltn', `sport = :${host.port}`], { encoding: 'utf8' }).trim().replace(/\s+/g, ' ');
  } catch {
    ssLine = undefined; // no ss on this machine
  }
  return { address, nonLoopbackAttempts: attempts, ssLine };
}

function tryConnect(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}
