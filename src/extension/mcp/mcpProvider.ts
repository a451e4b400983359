// The MCP server definition VS Code sees. `provide` is called eagerly when the provider registers, so
// it only describes the server; `resolve` (called when VS Code really starts it) checks for a key,
// starts the loopback host and fills in its address and token. The definition changes with the key,
// the project id and the mode, so VS Code re-reads it then.
import * as vscode from 'vscode';
import { VERSION } from '../../core/version';
import type { ApiKeyStore } from '../settings/apiKeyStore';
import { COMMANDS, MCP_PROVIDER_ID, SETTINGS, settingId, CONFIG_SECTION } from '../constants';
import { t } from '../l10n';
import type { McpHostController } from './mcpHostController';
import type { SendingSettings } from '../../core/settings';

/** Stands in for the address until `resolve` starts the host; never connected to. */
const UNRESOLVED_URI = 'http://127.0.0.1/mcp';

export class BaasMcpProvider implements vscode.McpServerDefinitionProvider<vscode.McpHttpServerDefinition>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeMcpServerDefinitions = this.changed.event;

  constructor(
    private readonly host: McpHostController,
    private readonly apiKeys: ApiKeyStore,
    private readonly settings: () => SendingSettings,
  ) {}

  provideMcpServerDefinitions(): vscode.McpHttpServerDefinition[] {
    return [new vscode.McpHttpServerDefinition(t('BaaS SMS'), vscode.Uri.parse(UNRESOLVED_URI), {}, VERSION)];
  }

  async resolveMcpServerDefinition(definition: vscode.McpHttpServerDefinition): Promise<vscode.McpHttpServerDefinition | undefined> {
    if (!(await this.readyToSend())) return undefined;
    const host = await this.host.start();
    definition.uri = vscode.Uri.parse(host.url);
    definition.headers = { Authorization: `Bearer ${host.token}` };
    return definition;
  }

  /** Tells VS Code to read the definition again (key, project or mode changed). */
  refresh(): void {
    this.changed.fire();
  }

  /** Live mode needs a key: offer to set one or to use the sandbox; false if the user walks away. */
  private async readyToSend(): Promise<boolean> {
    if (this.settings().sandbox || (await this.apiKeys.has())) return true;
    const setKey = t('Set API Key');
    const useSandbox = t('Use Sandbox');
    const choice = await vscode.window.showWarningMessage(
      t('BaaS SMS has no API key, so its tools cannot send live messages.'),
      { modal: true, detail: t('Set the key from your BaaS console, or use the sandbox: it is free and nothing leaves this machine.') },
      setKey,
      useSandbox,
    );
    if (choice === setKey) return (await vscode.commands.executeCommand<boolean>(COMMANDS.setApiKey)) === true;
    if (choice === useSandbox) {
      await vscode.workspace.getConfiguration(CONFIG_SECTION).update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
      return true;
    }
    return false;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the provider and re-announces the definition when the key, project id or mode change. */
export function registerMcpProvider(provider: BaasMcpProvider, apiKeys: ApiKeyStore): vscode.Disposable {
  return vscode.Disposable.from(
    provider,
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
    apiKeys.onDidChange(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId(SETTINGS.projectId)) || e.affectsConfiguration(settingId(SETTINGS.sandbox))) provider.refresh();
    }),
  );
}
