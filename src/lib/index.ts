// The `baas-sms-mcp` package as a library (dist/lib/): what the earlier Python package offered as
// `from baas_sms_mcp import main`, plus the parts an app can use on their own — the MCP server for a
// transport of its own, the BaaS API client, and the rules that check and price a send.
export { main } from '../cli/main';
export { createServer, type BaasSmsMcpServer, type CreateServerOptions, type McpTransport } from './createServer';
export { BaasClient, type BaasClientOptions, type MmsRequest, type SendAccepted, type SendRequestOptions, type SmsRequest } from '../baas/client';
export { DEFAULT_BASE_URL as DEFAULT_BAAS_BASE_URL, DEFAULT_RULES } from '../core/settings';
export { prepareSend, type PrepareSendOptions } from '../messaging/prepareSend';
export { BaasSmsError } from '../core/errors';
export type { GroupStatus, PreparedSend, Recipient, RulesConfig, SendInput } from '../core/types';
export type { Logger } from '../core/logger';
export { VERSION } from '../core/version';
