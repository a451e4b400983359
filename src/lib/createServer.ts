// The library's createServer(): the MCP server of the `baas-sms-mcp` command, configured from an
// environment as the command is (BAAS_API_KEY, PROJECT_ID, BAAS_SANDBOX…), for an app that connects
// it to a transport of its own. Its types name no MCP SDK type: the package bundles the SDK and has
// no dependencies, so its declarations must not send a consumer's compiler looking for one.
import { createStderrLogger } from '../cli/stderrLogger';
import { standaloneServer } from '../cli/standaloneServer';
import type { Logger } from '../core/logger';
import { createServer as createMcpServer } from '../mcp/server';

/**
 * What connect() needs of a transport: the MCP SDK's `Transport` interface. Every transport of the
 * SDK (StdioServerTransport, StreamableHTTPServerTransport, InMemoryTransport) fits it.
 */
export interface McpTransport {
  start(): Promise<void>;
  send(message: object, options?: object): Promise<void>;
  close(): Promise<void>;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK types it as a JSON-RPC message generic
  onmessage?: (message: any, extra?: any) => void;
  sessionId?: string;
}

export interface CreateServerOptions {
  /** Where the settings and the key come from, as for the command. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Serve against the built-in emulator (no key, no network, no cost), as `--sandbox` does. */
  sandbox?: boolean;
  /** Default: stderr, as the command logs (phone numbers masked, the key cut out). */
  logger?: Logger;
  /** serverInfo.name. Default "baas-sms". */
  serverName?: string;
}

export interface BaasSmsMcpServer {
  /** Serves MCP on the transport (one transport per server, as in the SDK); LEDGER_UNAVAILABLE if the ledger cannot be used. */
  connect(transport: McpTransport): Promise<void>;
  /** Closes the transport and waits for sends in flight to be recorded in the ledger. */
  close(): Promise<void>;
}

export function createServer(options: CreateServerOptions = {}): BaasSmsMcpServer {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createStderrLogger(env);
  const { runtime, deps, open } = standaloneServer(env, { sandbox: options.sandbox ?? false }, logger);
  // Opened (a PostgreSQL ledger connected and migrated) before the first message is served.
  const opened = open();
  opened.catch(() => undefined);
  const { server, cleanup } = createMcpServer({ ...deps, serverName: options.serverName });
  return {
    connect: async (transport) => {
      await opened;
      await server.connect(transport);
    },
    close: async () => {
      await cleanup();
      await runtime.dispose();
    },
  };
}
