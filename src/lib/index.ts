// The `baas-sms-mcp` package as a library (dist/lib/): what the earlier Python package offered as
// `from baas_sms_mcp import main`, plus the parts an app can use on their own — the MCP server for a
// transport of its own, the BaaS API client, and the rules that check and price a send.
export { main } from '../cli/main';
export { createServer, type BaasSmsMcpServer, type CreateServerOptions, type McpTransport } from './createServer';
export { BaasClient, DEFAULT_BAAS_BASE_URL, type BaasClientOptions, type MmsRequest, type SendAccepted, type SendOptions, type SmsRequest } from '../baas/client';
export { prepareSend, type PrepareSendOptions } from '../messaging/prepareSend';
export { BaasSmsError } from '../core/errors';
export { DEFAULT_RULES, type GroupStatus, type PreparedSend, type Recipient, type RulesConfig, type SendInput } from '../core/types';
export type { Logger } from '../core/logger';
export { VERSION } from '../core/version';
