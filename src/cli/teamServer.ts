// `baas-sms-mcp --http --port N [--host H]`: the team server. MCP over Streamable HTTP, stateless (any
// instance behind a load balancer answers any request), behind a bearer token from BAAS_MCP_TOKEN —
// it will not start without one — with Host/Origin checked against BAAS_MCP_ALLOWED_HOSTS, and one
// log line per tool call with the numbers masked. `--insecure-test-no-token` (loopback only) is for
// the MCP conformance suite, which cannot send a token.
import type { Logger } from '../core/logger';
import type { McpHttpHost } from '../mcp/httpHost';
import type { createServer } from '../mcp/server';
import { DEFAULT_CONFIRM_POLICY, type ConfirmPolicy } from '../core/settings';

export const HTTP_FLAGS = ['--http', '--port', '--host', '--insecure-test-no-token'];
export const HTTP_VALUE_FLAGS = ['--port', '--host'];
/** Shorter tokens are guessable; the README shows how to make a long one. */
const MIN_TOKEN_LENGTH = 24;

export async function startTeamServer(
  argv: string[], env: NodeJS.ProcessEnv, serve: () => ReturnType<typeof createServer>, logger: Logger,
  mode: { confirmPolicy: ConfirmPolicy; sandbox: boolean } = { confirmPolicy: DEFAULT_CONFIRM_POLICY, sandbox: false },
): Promise<McpHttpHost> {
  const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const portText = value('--port') ?? '0';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new Error(`--port ${portText}: give a port number 0..65535`);
  const bind = value('--host') ?? '127.0.0.1';
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(bind);
  const allowedHosts = (env.BAAS_MCP_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startMcpHttpHost } = require('../mcp/httpHost') as typeof import('../mcp/httpHost');

  if (argv.includes('--insecure-test-no-token')) {
    if (!loopback) throw new Error('--insecure-test-no-token serves 127.0.0.1 only; a team server needs BAAS_MCP_TOKEN');
    const host = await startMcpHttpHost({ createServer: serve, logger, requireToken: false, port: Number(portText) });
    logger.warn(`test-only HTTP mode without a token: ${host.url}`);
    return host;
  }
  const token = env.BAAS_MCP_TOKEN?.trim();
  if (!token) throw new Error('--http needs BAAS_MCP_TOKEN: the bearer token every client must send (make one with `openssl rand -base64 32`)');
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`BAAS_MCP_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters: make a longer one (openssl rand -base64 32)`);
  if (!loopback && allowedHosts.length === 0) {
    logger.warn(`listening on ${bind} with no BAAS_MCP_ALLOWED_HOSTS: requests whose Host is not ${bind}:<port> are refused (403); set the names clients use`);
  }
  // Stateless: no session to call back on, so no client can be asked (elicitation) before a live send.
  if (mode.confirmPolicy !== 'off' && !mode.sandbox) {
    logger.warn('the team server is stateless and cannot ask a user before a live send: with BAAS_CONFIRM=ask every live send is refused (CONFIRMATION_REQUIRED); set BAAS_CONFIRM=off to send within the spend limits');
  }
  return startMcpHttpHost({ createServer: serve, logger, token, host: bind, port: Number(portText), allowedHosts, stateless: true, logToolCalls: true });
}
