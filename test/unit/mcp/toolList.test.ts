// The server answers tools/list from src/mcp/toolList.json (no schema conversion at start-up); that
// file must be exactly what the SDK's own conversion gives for the tools as they are now.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toolListAnswer, toolListFileText } from '../../../src/mcp/toolListLive';
import { startHarness } from './harness';

describe('tools/list from src/mcp/toolList.json', () => {
  it('the committed file equals a fresh conversion by the SDK (run `npm run tool-list` if not)', async () => {
    assert.equal(readFileSync(path.resolve('src/mcp/toolList.json'), 'utf8'), await toolListFileText(), 'src/mcp/toolList.json is stale');
  });

  it('a server answers tools/list exactly as the SDK would', async () => {
    assert.deepEqual(await toolListAnswer({ live: false }), await toolListAnswer({ live: true }));
  });

  it('an SDK client accepts the answer: seven tools with their input and output schemas', async () => {
    const h = await startHarness({ sandbox: true });
    try {
      const { tools } = await h.client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['get_integration_code', 'get_message_status', 'get_send_history', 'plan_campaign', 'preview_message', 'send_mms', 'send_sms']);
      assert.ok(tools.every((t) => t.inputSchema.type === 'object' && t.outputSchema?.type === 'object'));
    } finally {
      await h.close();
    }
  });
});
