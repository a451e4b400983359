// The loopback MCP host builds one McpServer per session; an initialize the transport refuses opens
// no session, so its server must be closed at once rather than kept for the life of the host.
import assert from 'node:assert/strict';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { silentLogger } from '../../../src/core/logger';
import { startMcpHttpHost } from '../../../src/mcp/httpHost';

describe('MCP HTTP host sessions (real HTTP on 127.0.0.1:0)', () => {
  it('closes the server of an initialize that opened no session', async () => {
    let created = 0;
    let cleaned = 0;
    const host = await startMcpHttpHost({
      logger: silentLogger,
      createServer: () => {
        created++;
        const server = new McpServer({ name: 't', version: '0' });
        return { server, cleanup: async () => { cleaned++; await server.close(); } };
      },
    });
    try {
      const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'c', version: '0' } } };
      // Streamable HTTP requires Accept to name both JSON and SSE; the transport answers 406 without a session.
      const res = await fetch(host.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(initialize),
      });
      assert.equal(res.status, 406);
      assert.equal(host.sessionCount(), 0);
      assert.deepEqual([created, cleaned], [1, 1]);
    } finally {
      await host.close();
    }
  });
});
