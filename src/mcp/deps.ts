// What the MCP server's tools are built from. The stdio command and the VS Code extension each build
// these once and share them with everything else they host (commands, the history tree).
import type { Locale } from '../core/locale';
import type { Logger } from '../core/logger';
import type { SendLedger } from '../ledger/sendLedger';
import type { SendService } from '../sending/sendService';
import type { ConfirmSend } from '../sending/types';
import type { SendingSettings } from '../core/settings';

export interface ServerDeps {
  sendService: SendService;
  ledger: SendLedger;
  settings: () => SendingSettings;
  logger: Logger;
  /** Asked before every send: the extension's modal. The stdio server relies on its MCP client's own confirmation. */
  confirmSend?: ConfirmSend;
  /** serverInfo.name: VS Code names the tools mcp_<name>_<tool>, so keep it unique per host. */
  serverName?: string;
}

export function localeOf(deps: ServerDeps): Locale {
  return deps.settings().locale;
}
