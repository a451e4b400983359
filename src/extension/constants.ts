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
} as const;

/** The full id of a setting, e.g. `baasSms.projectId`. */
export function settingId(key: string): string {
  return `${CONFIG_SECTION}.${key}`;
}

/** SecretStorage key of the BaaS API key. Never a setting: settings files are plain text and synced. */
export const SECRET_API_KEY = 'baasSms.apiKey';

export const MCP_PROVIDER_ID = 'baasSms.mcp';
/** serverInfo.name of the in-process server: VS Code names its tools `mcp_<name>_<tool>`. */
export const MCP_SERVER_NAME = 'baas-sms-vscode';
export const MCP_TOOL_PREFIX = `mcp_${MCP_SERVER_NAME}_`;
export const WALKTHROUGH_ID = 'baasSms.gettingStarted';

/** Groups the history tree shows per page; a "Load more" item fetches the next page. */
export const HISTORY_PAGE_SIZE = 50;
/** Groups older than this are not polled any more, whatever their last status said. */
export const POLL_MAX_AGE_MS = 24 * 60 * 60 * 1000;
