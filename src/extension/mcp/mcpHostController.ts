// Starts the in-process MCP server (Streamable HTTP on 127.0.0.1, per-start bearer token) the first
// time VS Code needs it, and stops it with the extension. Every session gets its own McpServer built
// from the one shared runtime, so agent sends, commands and the tree see the same ledger.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { ServerDeps } from '../../mcp/deps';
import type { McpHttpHost } from '../../mcp/httpHost';
import type * as McpHostModule from './mcpHostModule';
import type { OutputLogger } from '../outputLogger';

/** dist/mcpHost.js, built next to dist/extension.js (see esbuild.mjs and mcpHostModule.ts). */
function loadMcpHostModule(): typeof McpHostModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second bundle, loaded on first use
  return require(path.join(__dirname, 'mcpHost.js')) as typeof McpHostModule;
}

export class McpHostController implements vscode.Disposable {
  private host: Promise<McpHttpHost> | undefined;

  constructor(private readonly deps: ServerDeps, private readonly logger: OutputLogger) {}

  /** The running host, started on first call. A failed start is not cached: the next call retries. */
  start(): Promise<McpHttpHost> {
    this.host ??= Promise.resolve().then(() => {
      const { startMcpHttpHost, createServer } = loadMcpHostModule();
      return startMcpHttpHost({ createServer: () => createServer(this.deps), logger: this.logger });
    }).then(
      (host) => {
        this.logger.addSecret(host.token);
        return host;
      },
      (error: unknown) => {
        this.host = undefined;
        throw error;
      },
    );
    return this.host;
  }

  dispose(): void {
    const host = this.host;
    this.host = undefined;
    void host?.then((h) => h.close()).catch(() => undefined);
  }
}
