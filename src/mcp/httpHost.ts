// Serves createServer() over Streamable HTTP: on a loopback port for the VS Code extension (which
// connects from its own process) and the conformance suite, or as a team server (`--http --host`).
// Only an expected client gets in: the bearer token (per start, or BAAS_MCP_TOKEN; else 401), an
// allowed Host and Origin (else 403, `Origin: null` included), POST/GET/DELETE on /mcp only (else
// 404/405), bodies up to a limit (else 413). With sessions, one McpServer + transport per session,
// never shared between clients; stateless (the team server), one per request, so any instance behind
// a load balancer can answer any request and nothing needs pinning.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../core/logger';
import { maskPhonesInText } from '../core/redact';

export interface McpHttpHostOptions {
  createServer: () => { server: McpServer; cleanup: () => Promise<void> };
  logger: Logger;
  /** Fixed port; 0 (default) takes a free one. */
  port?: number;
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** The bearer token clients must send; default a random one per start. */
  token?: string;
  /** Host header values accepted besides this address (e.g. `sms.example.com`, `sms.example.com:8443`). */
  allowedHosts?: string[];
  /** One server per request and no sessions (the team server). */
  stateless?: boolean;
  /** Log each tool call (tool name, masked numbers, client address) at info. */
  logToolCalls?: boolean;
  /** Require the bearer token (default true). Only the conformance harness turns it off. */
  requireToken?: boolean;
  maxBodyBytes?: number;
}

export interface McpHttpHost {
  url: string;
  port: number;
  token: string;
  /** Sessions open now. */
  sessionCount(): number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

export async function startMcpHttpHost(options: McpHttpHostOptions): Promise<McpHttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const bind = options.host ?? '127.0.0.1';
  const expected = Buffer.from(`Bearer ${token}`);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; cleanup: () => Promise<void> }>();
  // Known once listening (the port may be 0 until then); no request is handled before.
  let allowed = { hosts: [] as string[], origins: [] as string[] };

  const deny = (res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
  };
  const tokenOk = (req: http.IncomingMessage): boolean => {
    if (options.requireToken === false) return true;
    const got = Buffer.from(req.headers.authorization ?? '');
    return got.length === expected.length && timingSafeEqual(got, expected);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const { hosts, origins } = allowed;
    if (!hosts.includes((req.headers.host ?? '').toLowerCase())) return deny(res, 403, 'Forbidden host');
    const origin = req.headers.origin?.toLowerCase();
    if (origin !== undefined && !origins.includes(origin)) return deny(res, 403, 'Forbidden origin');
    if (!tokenOk(req)) return deny(res, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp') return deny(res, 404, 'Not found');
    if (!['POST', 'GET', 'DELETE'].includes(req.method ?? '')) return deny(res, 405, 'Method not allowed', { allow: 'POST, GET, DELETE' });

    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBody);
      if (raw === 'too-large') return deny(res, 413, `Body larger than ${maxBody} bytes`, { connection: 'close' });
      try {
        body = JSON.parse(raw);
      } catch {
        return deny(res, 400, 'Parse error: body is not JSON');
      }
    }
    if (options.logToolCalls) logToolCall(options.logger, body, req.socket.remoteAddress);
    if (options.stateless) return serveStateless(options, req, res, body, deny);
    const sid = req.headers['mcp-session-id'];
    const session = typeof sid === 'string' ? sessions.get(sid) : undefined;
    if (session) return session.transport.handleRequest(req, res, body);
    if (sid !== undefined) return deny(res, 404, 'Unknown session');
    if (req.method !== 'POST' || !isInitializeRequest(body)) return deny(res, 400, 'No session: send initialize first');

    const { server, cleanup } = options.createServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => { sessions.set(id, { transport, cleanup }); },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void cleanup();
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // Refused (406, 415, a bad initialize): no session was opened, so nothing will ever close this one.
    if (transport.sessionId === undefined) await transport.close();
  };

  const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error(`MCP HTTP request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) deny(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, bind, resolve);
  });
  const { port } = httpServer.address() as { port: number };
  allowed = allowedHosts(bind, port, options.allowedHosts ?? []);
  const url = `http://${bind.includes(':') ? `[${bind}]` : bind}:${port}/mcp`;
  options.logger.info(`MCP server listening on ${url}`);

  return {
    url,
    port,
    token,
    sessionCount: () => sessions.size,
    close: async () => {
      for (const { transport } of [...sessions.values()]) await transport.close().catch(() => undefined);
      sessions.clear();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/**
 * Host header values accepted — this address and port, localhost for a loopback bind, the configured
 * names — and Origins: http:// for this address, http:// or https:// for a configured name (a team
 * server usually sits behind a TLS proxy).
 */
function allowedHosts(bind: string, port: number, extra: string[]): { hosts: string[]; origins: string[] } {
  const own = bind === '0.0.0.0' || bind === '::' ? [] : [`${bind.includes(':') ? `[${bind}]` : bind}:${port}`];
  const loopback = bind === '127.0.0.1' || bind === '::1' || bind === 'localhost' ? [`127.0.0.1:${port}`, `localhost:${port}`] : [];
  // A configured name without a port also matches it with this port.
  const configured = extra.flatMap((h) => (h.includes(':') && !h.startsWith('[') ? [h] : [h, `${h}:${port}`])).map((h) => h.toLowerCase());
  const local = [...own, ...loopback];
  return {
    hosts: [...local, ...configured],
    origins: [...local.map((h) => `http://${h}`), ...configured.flatMap((h) => [`http://${h}`, `https://${h}`])],
  };
}

type Deny = (res: http.ServerResponse, status: number, message: string, headers?: Record<string, string>) => void;

/** A fresh server and transport for this one request, closed when its answer is done. */
async function serveStateless(options: McpHttpHostOptions, req: http.IncomingMessage, res: http.ServerResponse, body: unknown, deny: Deny): Promise<void> {
  if (req.method !== 'POST') return deny(res, 405, 'Method not allowed: this server is stateless (POST only)', { allow: 'POST' });
  const { server, cleanup } = options.createServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close().catch(() => undefined);
    void cleanup().catch(() => undefined);
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

/** One line per tool call, with every phone number in its arguments masked and no message text. */
function logToolCall(logger: Logger, body: unknown, from: string | undefined): void {
  for (const message of Array.isArray(body) ? body : [body]) {
    const call = message as { method?: unknown; params?: { name?: unknown; arguments?: unknown } } | null;
    if (call?.method !== 'tools/call' || typeof call.params?.name !== 'string') continue;
    const numbers = maskPhonesInText(JSON.stringify(call.params.arguments ?? {})).match(/(\+82[- ]?|0)1[016789]-\*+-\d{4}/g) ?? [];
    const shown = numbers.slice(0, 3).join(', ') + (numbers.length > 3 ? ` and ${numbers.length - 3} more` : '');
    logger.info(`tool call ${call.params.name}${shown ? ` to ${shown}` : ''} from ${from ?? 'unknown address'}`);
  }
}

/** The request body as text, or 'too-large' once it passes `limit` bytes (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
