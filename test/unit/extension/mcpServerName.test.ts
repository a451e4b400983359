import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { silentLogger } from '../../../src/core/logger';
import { isOwnMcpTool, MCP_SERVER_NAME, MCP_SERVER_TITLE } from '../../../src/extension/constants';
import { sendingSettingsFrom } from '../../../src/extension/settings/sendingSettings';
import { createServer } from '../../../src/mcp/server';
import { createSendingRuntime } from '../../../src/sending/runtime';

describe('the extension\'s MCP server name and VS Code\'s tool names', () => {
  it('the server built as the extension builds it reports MCP_SERVER_NAME and MCP_SERVER_TITLE', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-ext-'));
    const settings = () => sendingSettingsFrom({ get: () => undefined }, 'en');
    const runtime = createSendingRuntime({ settings, apiKey: () => Promise.resolve(undefined), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
    const { server } = createServer({ sendService: runtime.sendService, ledger: runtime.ledger, settings, logger: silentLogger, serverName: MCP_SERVER_NAME });
    const client = new Client({ name: 'unit-test', version: '0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    try {
      await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
      const info = client.getServerVersion();
      assert.equal(info?.name, MCP_SERVER_NAME);
      assert.equal(info?.title, MCP_SERVER_TITLE);
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'send_sms'));
    } finally {
      await client.close();
      await runtime.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recognises the names VS Code gives the tools (from the title, else the name; cut to 13; a digit on a clash)', () => {
    for (const name of ['mcp_baas_sms_send_sms', 'mcp_baas_sms2_send_sms', 'mcp_baas-sms-vsco_send_sms', 'mcp_baas-sms-vsc2_send_sms', 'mcp_baas-sms-vscode_send_sms']) {
      assert.equal(isOwnMcpTool(name, 'send_sms'), true, name);
    }
    for (const name of ['mcp_baas_sms_send_mms', 'mcp_other_send_sms', 'send_sms', 'mcp_baas_send_sms', 'mcp_baas_sms_x_send_sms']) {
      assert.equal(isOwnMcpTool(name, 'send_sms'), false, name);
    }
  });
});
