// The library entry (src/lib/) from source: createServer() configured from an environment as the
// command is, served to a real SDK client, its sends recorded in the ledger that environment names;
// and every MCP SDK server transport fits the McpTransport type its declarations use instead of the SDK's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { silentLogger } from '../../../src/core/logger';
import { createServer, type McpTransport } from '../../../src/lib';

describe('library: createServer()', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-lib-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the tools from the given environment (sandbox, callback number, ledger file) and records its sends there', async () => {
    const ledger = path.join(dir, 'ledger.jsonl');
    const server = createServer({ env: { BAAS_SANDBOX: '1', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: ledger, BAAS_SANDBOX_DELAY_MS: '10' }, logger: silentLogger, serverName: 'lib-test' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 't', version: '1' });
    await client.connect(clientSide);
    assert.equal(client.getServerVersion()?.name, 'lib-test');
    const sent = await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi' } });
    const out = sent.structuredContent as { sandbox: boolean; callback_number: string; send_id: string };
    assert.equal(out.sandbox, true, JSON.stringify(sent.content));
    assert.equal(out.callback_number, '02-1234-5678');
    await client.close();
    await server.close();
    const rows = readFileSync(ledger, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; outcome?: string });
    assert.ok(rows.some((r) => r.id === out.send_id && r.outcome === 'sent'), 'the send is settled in the ledger');
  });

  // The library built its own deps and left out BAAS_CONFIRM: a live send from a client that cannot ask went out unasked.
  it('asks before a live send as the command does: a client without elicitation is refused (CONFIRMATION_REQUIRED), nothing sent', async () => {
    const server = createServer({ env: { BAAS_API_KEY: 'lib-test-key-not-used-0123', PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000', BAAS_API_BASE_URL: 'http://127.0.0.1:9', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl') }, logger: silentLogger });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 't', version: '1' });
    await client.connect(clientSide);
    const sent = await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi' } });
    assert.equal(sent.isError, true);
    assert.match(JSON.stringify(sent.content), /CONFIRMATION_REQUIRED/);
    await client.close();
    await server.close();
  });

  it('the SDK\'s server transports fit McpTransport (checked by tsc; a mismatch fails npm run typecheck)', () => {
    const transports: McpTransport[] = [new StdioServerTransport(), new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }), InMemoryTransport.createLinkedPair()[1]];
    assert.equal(transports.length, 3);
  });
});
