// Serves createServer() over Streamable HTTP on a loopback port, for the VS Code extension (which
// connects from its own process) and for the conformance suite. Only this machine's own client gets
// in: a per-start bearer token (else 401), this address as Host and Origin (else 403, `Origin: null`
// included), POST/GET/DELETE on /mcp only (else 404/405), bodies up to a limit (else 413), and one
// McpServer + transport per session, never shared between clients.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../core/logger';

export interface McpHttpHostOptions {
  createServer: () => { server: McpServer; cleanup: () => Promise<void> };
  logger: Logger;
  /** Fixed port for tests; 0 (default) takes a free one. */
  port?: number;
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
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; cleanup: () => Promise<void> }>();
  let port = 0;

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
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!hosts.includes(req.headers.host ?? '')) return deny(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return deny(res, 403, 'Forbidden origin');
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
    httpServer.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (httpServer.address() as { port: number }).port;
  options.logger.info(`MCP server listening on http://127.0.0.1:${port}/mcp`);

  return {
    url: `http://127.0.0.1:${port}/mcp`,
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
