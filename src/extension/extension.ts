// Entry point. Builds the services once (logger, key store, one sending runtime, the MCP host), hands
// them to small register* helpers that each return a Disposable, and (under a test runner only)
// returns the test-facing API.
import * as vscode from 'vscode';
import { createSendingRuntime } from '../sending/runtime';
import type { BaasSmsExtensionApi } from './api';
import { ApiKeyStore } from './settings/apiKeyStore';
import { CONFIG_SECTION, MCP_SERVER_NAME } from './constants';
import { HistoryService } from './history/historyService';
import { HistoryTreeProvider } from './history/historyTreeProvider';
import { announceFinished, registerHistoryView } from './history/historyView';
import { registerKeyCommands } from './settings/keyCommands';
import { t } from './l10n';
import { McpHostController } from './mcp/mcpHostController';
import { BaasMcpProvider, registerMcpProvider } from './mcp/mcpProvider';
import { workspaceCampaignRoots } from './mcp/workspaceRoots';
import { registerModeCommands } from './settings/modeCommands';
import { OutputLogger } from './outputLogger';
import { registerSendCommands } from './send/sendCommands';
import { registerCampaignCommands } from './campaign/campaignCommands';
import { SendConfirmation } from './send/sendConfirmation';
import { ledgerFileFor, pollCapMs, sendingSettingsFrom, skipConfirmationForSandbox } from './settings/sendingSettings';
import { registerSnippetCommand } from './snippets/snippetCommand';
import { registerStatusBar } from './settings/statusBar';
import { registerStatusCommand } from './history/statusCommand';
import { SwitchingLedgerEngine } from './teamLedger/switchingEngine';
import { registerTeamLedger } from './teamLedger/teamLedgerCommands';
import type { SendingSettings } from '../core/settings';

export function activate(context: vscode.ExtensionContext): BaasSmsExtensionApi | undefined {
  const channel = vscode.window.createOutputChannel(t('BaaS SMS'), { log: true });
  const logger = new OutputLogger(channel);
  const apiKeys = new ApiKeyStore(context.secrets, (key) => logger.addSecret(key));
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(CONFIG_SECTION);
  const settings = (): SendingSettings => sendingSettingsFrom(config(), vscode.env.language);
  // One engine for sends, the MCP host and the history: the file until a team ledger is set (then PostgreSQL).
  let ledger: SwitchingLedgerEngine | undefined;
  const runtime = createSendingRuntime({
    settings, apiKey: () => apiKeys.get(), ledgerFile: ledgerFileFor(context.globalStorageUri.fsPath, process.env), logger,
    routeEngine: (file) => (ledger = new SwitchingLedgerEngine(file, logger, (count) => reportInterruptedSends(count, logger))),
  });
  const engine = ledger!;
  const confirmation = new SendConfirmation(() => skipConfirmationForSandbox(config()), logger);
  const mcpHost = new McpHostController(
    { sendService: runtime.sendService, ledger: engine, settings, logger, confirmSend: confirmation.confirm, serverName: MCP_SERVER_NAME, campaignRoots: workspaceCampaignRoots },
    logger,
  );
  const mcpProvider = new BaasMcpProvider(mcpHost, apiKeys, settings);
  const locale = (): SendingSettings['locale'] => settings().locale;
  const history = new HistoryService({
    ledger: engine, ledgerFile: runtime.engine.file, sendService: runtime.sendService, logger, locale,
    pollCapMs: () => pollCapMs(config()), onGroupFinished: announceFinished,
  });
  const historyTree = new HistoryTreeProvider(history);

  const teamLedger = registerTeamLedger({ secrets: context.secrets, engine, logger, locale });
  context.subscriptions.push(
    channel,
    apiKeys,
    { dispose: () => void engine.close().then(() => runtime.dispose()) },
    mcpHost,
    registerMcpProvider(mcpProvider, apiKeys),
    registerHistoryView(historyTree, history, runtime.sendService, locale, logger),
    registerKeyCommands(apiKeys),
    registerSendCommands({ sendService: runtime.sendService, settings, confirm: confirmation.confirm, logger }),
    registerStatusCommand(runtime.sendService, engine, settings, logger),
    registerCampaignCommands({ sendService: runtime.sendService, ledger: engine, ledgerFile: runtime.engine.file, settings, logger }),
    teamLedger,
    registerSnippetCommand(locale),
    registerModeCommands(apiKeys, logger),
    registerStatusBar(apiKeys, () => settings().sandbox),
  );
  reportInterruptedSends(runtime.ledger.recoverInterrupted().length, logger);

  // The API reaches past the confirmation (the runtime, the confirm override): other extensions
  // must never get it, so it exists only when VS Code runs the extension's tests.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    runtime,
    mcpHost: () => mcpHost.start(),
    historyProvider: historyTree,
    historyService: history,
    testing: {
      setConfirmOverride: (fn) => confirmation.setOverride(fn),
      logLines: () => logger.lines(),
      setApiKey: (key) => (key === undefined ? apiKeys.clear() : apiKeys.store(key)),
      setTeamLedger: (url) => teamLedger.use(url),
      mcpProvider,
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}

function reportInterruptedSends(count: number, logger: OutputLogger): void {
  if (count === 0) return;
  logger.warn(`${count} send(s) were interrupted before their answer in an earlier session: outcome unknown, see the history`);
  void vscode.window.showWarningMessage(
    t('BaaS SMS: {0} send(s) were interrupted before the server answered. They may have gone out: check the history before sending again.', count),
  );
}
