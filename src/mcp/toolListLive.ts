// The tools/list answer exactly as the SDK's McpServer gives it (raw JSON-RPC over an in-memory
// transport, no client parsing in between), for the build (esbuild.mjs writes src/mcp/toolList.json from it)
// and the test that keeps that file fresh. Never bundled into the server: only the build runs it.
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from './deps';
import { createServer } from './server';

/** `live`: the SDK's own conversion; else what createServer answers by default (src/mcp/toolList.json). */
export async function toolListAnswer({ live }: { live: boolean }): Promise<unknown> {
  // Listing tools runs none of them: nothing in deps is touched.
  const { server } = createServer({} as ServerDeps, { liveToolList: live });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const answers = new Map<number, (message: JSONRPCMessage) => void>();
  clientSide.onmessage = (message) => answers.get((message as { id: number }).id)?.(message);
  await clientSide.start();
  const request = (id: number, method: string, params?: Record<string, unknown>) => new Promise<JSONRPCMessage>((resolve) => {
    answers.set(id, resolve);
    void clientSide.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  });
  await request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'tool-list', version: '0' } });
  const answer = (await request(2, 'tools/list')) as { result?: unknown; error?: unknown };
  await server.close();
  if (!answer.result) throw new Error(`tools/list failed: ${JSON.stringify(answer.error)}`);
  // As it goes over the wire: the in-memory transport passes objects, with properties set to undefined.
  return JSON.parse(JSON.stringify(answer.result)) as unknown;
}

/** The file's text: the answer as pretty JSON with a final newline. */
export async function toolListFileText(): Promise<string> {
  return `${JSON.stringify(await toolListAnswer({ live: true }), null, 2)}\n`;
}
