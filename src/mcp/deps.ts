// What the MCP server's tools are built from. The stdio command and the VS Code extension each build
// these once and share them with everything else they host (commands, the history tree).
import type { Locale } from '../core/locale';
import type { Logger } from '../core/logger';
import type { LedgerEngine } from '../ledger/engine/types';
import type { SendService } from '../sending/sendService';
import type { ConfirmSend } from '../sending/types';
import type { ConfirmPolicy, SendingSettings } from '../core/settings';

export interface ServerDeps {
  sendService: SendService;
  /** The file or the team's PostgreSQL. */
  ledger: LedgerEngine;
  settings: () => SendingSettings;
  logger: Logger;
  /** Asked before every send: the extension's modal. When set, it is the gate and no elicitation is made. */
  confirmSend?: ConfirmSend;
  /**
   * The standalone server's confirmation of live sends (BAAS_CONFIRM): elicited from clients that can,
   * and for the others refused (`ask`) or sent unasked within the spend guard (`off`). Unset: none.
   */
  confirmPolicy?: ConfirmPolicy;
  /** Folders plan_campaign may read contact lists from (the workspace; the standalone server's working folder). Absent: none, only inline rows. */
  campaignRoots?: () => string[];
  /** serverInfo.name: VS Code names the tools mcp_<name>_<tool>, so keep it unique per host. */
  serverName?: string;
}

export function localeOf(deps: ServerDeps): Locale {
  return deps.settings().locale;
}
