// The cold-start baseline: the smallest real MCP SDK server (one trivial tool, stdio), bundled by the
// bench exactly like dist/server.js (cjs, node20, minified, one file) so that only our own work differs.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'bare', version: '1.0.0' });
server.registerTool('echo', { description: 'Echoes its text', inputSchema: { text: z.string() } }, ({ text }) => ({
  content: [{ type: 'text', text }],
}));
void server.connect(new StdioServerTransport());
