// Every id the extension shares with package.json: commands, views, settings, the secret's key, the
// MCP provider and server names. Declared once here; test/unit/extension/manifest.test.ts keeps
// package.json in step with this file.

export const EXTENSION_ID = 'baas.baas-sms-mcp';

/** Settings section: every setting below is `baasSms.<key>`. */
export const CONFIG_SECTION = 'baasSms';

export const COMMANDS = {
  setApiKey: 'baasSms.setApiKey',
  clearApiKey: 'baasSms.clearApiKey',
  setProjectId: 'baasSms.setProjectId',
  sendSms: 'baasSms.sendSms',
  sendMms: 'baasSms.sendMms',
  checkStatus: 'baasSms.checkStatus',
  refreshHistory: 'baasSms.refreshHistory',
  insertSnippet: 'baasSms.insertSnippet',
  toggleSandbox: 'baasSms.toggleSandbox',
  showLog: 'baasSms.showLog',
  showQuickActions: 'baasSms.showQuickActions',
  setTeamLedger: 'baasSms.setTeamLedger',
  clearTeamLedger: 'baasSms.clearTeamLedger',
  sendCampaignFromFile: 'baasSms.sendCampaignFromFile',
  resumeCampaign: 'baasSms.resumeCampaign',
  exportCampaignReport: 'baasSms.exportCampaignReport',
  // Tree item actions: they take the clicked item, so they stay out of the command palette.
  refreshGroupStatus: 'baasSms.history.refreshGroupStatus',
  copyGroupId: 'baasSms.history.copyGroupId',
  loadMoreHistory: 'baasSms.history.loadMore',
} as const;

/** Commands that need a tree item as argument; hidden from the palette in package.json. */
export const ITEM_COMMANDS: readonly string[] = [COMMANDS.refreshGroupStatus, COMMANDS.copyGroupId, COMMANDS.loadMoreHistory];

export const VIEW_CONTAINER_ID = 'baasSms';
export const VIEWS = { history: 'baasSms.history' } as const;

/** contextValue of history tree items, matched by `viewItem ==` in package.json's menus. */
export const TREE_ITEM_CONTEXT = {
  /** A send the server accepted: it has a group id to refresh or copy. */
  group: 'baasSmsGroup',
  /** A send without a group id (failed before the server took it, or outcome unknown). */
  send: 'baasSmsSend',
  recipient: 'baasSmsRecipient',
  loadMore: 'baasSmsLoadMore',
  /** A campaign (its batches below): Resume Campaign, Export Delivery Report. The node carries `campaignId`. */
  campaign: 'baasSmsCampaign',
} as const;

/** Context keys set with `setContext`, used in `when` clauses of package.json. */
export const CONTEXT_KEYS = { apiKeySet: 'baasSms.apiKeySet' } as const;

/** Setting keys, relative to CONFIG_SECTION. */
export const SETTINGS = {
  projectId: 'projectId',
  callbackNumber: 'callbackNumber',
  sandbox: 'sandbox',
  smsByteLimit: 'smsByteLimit',
  priceSms: 'prices.sms',
  priceLms: 'prices.lms',
  priceMms: 'prices.mms',
  apiBaseUrl: 'apiBaseUrl',
  confirmSkipForSandbox: 'confirm.skipForSandbox',
  guardLiveSendingEnabled: 'guard.liveSendingEnabled',
  guardMaxRecipientsPerSend: 'guard.maxRecipientsPerSend',
  guardMaxSendsPerMinute: 'guard.maxSendsPerMinute',
  guardMaxRecipientsPerDay: 'guard.maxRecipientsPerDay',
  guardAllowList: 'guard.allowList',
  historyPollIntervalSeconds: 'history.pollIntervalSeconds',
  teamSenderLabel: 'team.senderLabel',
} as const;

/** The full id of a setting, e.g. `baasSms.projectId`. */
export function settingId(key: string): string {
  return `${CONFIG_SECTION}.${key}`;
}

/** SecretStorage key of the BaaS API key. Never a setting: settings files are plain text and synced. */
export const SECRET_API_KEY = 'baasSms.apiKey';
/** SecretStorage key of the team ledger's postgres:// connection string (it holds the database password). */
export const SECRET_TEAM_LEDGER = 'baasSms.teamLedgerUrl';

export const MCP_PROVIDER_ID = 'baasSms.mcp';
/** serverInfo.name of the in-process server (the standalone server reports another, so both can be configured). */
export const MCP_SERVER_NAME = 'baas-sms-vscode';
/** serverInfo.title that src/mcp/server.ts reports; a unit test keeps the two equal. */
export const MCP_SERVER_TITLE = 'BaaS SMS';

/** VS Code's tool-name prefix for a server label: lowercased, sanitised, at most 13 characters. */
function vscodeToolPrefix(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9_.-]+/g, '_').slice(0, 13);
}

/**
 * Whether `toolName` (as in `vscode.lm.tools`) is `tool` of this extension's MCP server. VS Code 1.139
 * names MCP tools `mcp_<prefix>_<tool>` with <prefix> from serverInfo.title, else serverInfo.name,
 * lowercased, sanitised and cut to 13 characters, plus a digit on a clash: `mcp_baas_sms_send_sms`.
 * Earlier versions used the name as it was, so every form is accepted.
 */
export function isOwnMcpTool(toolName: string, tool: string): boolean {
  if (!toolName.startsWith('mcp_') || !toolName.endsWith(`_${tool}`)) return false;
  const prefix = toolName.slice('mcp_'.length, -(tool.length + 1));
  // On a clash VS Code shortens the prefix to make room for the digit: `baas-sms-vsc2`.
  const base = prefix.replace(/\d{1,2}$/, '');
  const candidates = [MCP_SERVER_NAME, vscodeToolPrefix(MCP_SERVER_NAME), vscodeToolPrefix(MCP_SERVER_TITLE)];
  return candidates.some((c) => prefix === c || (base !== prefix && c.startsWith(base) && base.length >= c.length - 2));
}
export const WALKTHROUGH_ID = 'baasSms.gettingStarted';

/** Groups the history tree shows per page; a "Load more" item fetches the next page. */
export const HISTORY_PAGE_SIZE = 50;
/** Groups older than this are not polled any more, whatever their last status said. */
export const POLL_MAX_AGE_MS = 24 * 60 * 60 * 1000;
