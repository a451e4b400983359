// What activate() returns, only when VS Code runs the extension's tests (ExtensionMode.Test): the
// in-host suite (test/vscode/suite) reaches the running services through it. It can bypass the send
// confirmation, so an installed extension gets `undefined` instead; it may change with any release.
import type { McpHttpHost } from '../mcp/httpHost';
import type { SendingRuntime } from '../sending/runtime';
import type { ConfirmSend } from '../sending/types';
import type { HistoryService } from './history/historyService';
import type { HistoryTreeProvider } from './history/historyTreeProvider';
import type { BaasMcpProvider } from './mcp/mcpProvider';

export interface BaasSmsExtensionApi {
  /** The one ledger + guard + send service behind agent tool calls, commands and the tree. */
  runtime: SendingRuntime;
  /** The in-process MCP host, started on first call (as VS Code's resolve does). */
  mcpHost(): Promise<Pick<McpHttpHost, 'url' | 'port' | 'token'>>;
  historyProvider: HistoryTreeProvider;
  /** What the tree shows and keeps current: the ledger followed, open groups polled. */
  historyService: HistoryService;
  testing: {
    /**
     * Answers send confirmations with `fn` instead of the modal (code-server's smoke-test driver
     * auto-confirms dialogs, so "declined" cannot be shown there otherwise); `undefined` restores it.
     */
    setConfirmOverride(fn: ConfirmSend | undefined): void;
    /** Lines written to the "BaaS SMS" log channel, after masking and redaction. */
    logLines(): string[];
    /** Stores or clears the API key through the same SecretStorage wrapper the commands use. */
    setApiKey(key: string | undefined): Promise<void>;
    /** Set Team Ledger… after its input box (connects, stores in SecretStorage, switches), or Clear Team Ledger for undefined. */
    setTeamLedger(url: string | undefined): Promise<boolean>;
    mcpProvider: BaasMcpProvider;
  };
}
