// What esbuild.mjs puts in each bundle, and that the extension's two bundles work together: activation
// loads dist/extension.js without the MCP SDK, zod or Ajv; dist/mcpHost.js (loaded when VS Code starts
// the server) and dist/server.js carry the SDK and zod but leave out Ajv, which only elicitation uses.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { silentLogger } from '../../../src/core/logger';
import type * as McpHostModule from '../../../src/extension/mcp/mcpHostModule';
import type { ServerDeps } from '../../../src/mcp/deps';
import { createSendingRuntime, type SendingRuntime } from '../../../src/sending/runtime';
import { DEFAULT_BASE_URL, DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

// Built into a folder of its own with esbuild.mjs's options, so dist/ (maybe a release build) is left alone.
let out: string;
const dist = (name: string): string => path.join(out, name);
// Strings each library cannot do without: zod's base type, the Streamable HTTP session header, Ajv's option.
const MARKERS = { zod: '$ZodType', sdk: 'mcp-session-id', ajv: 'strictSchema' };

describe('bundles (esbuild.mjs)', function () {
  this.timeout(60_000);
  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'baas-bundles-build-'));
    const { bundleOptions } = await import('../../../esbuild.mjs');
    await Promise.all(Object.values(bundleOptions({ outdir: out })).map((options) => esbuild.build({ ...options, logLevel: 'error' })));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('dist/extension.js holds neither the MCP SDK, zod nor Ajv: activation does not load them', () => {
    const code = readFileSync(dist('extension.js'), 'utf8');
    for (const [library, marker] of Object.entries(MARKERS)) assert.ok(!code.includes(marker), `${library} is in dist/extension.js`);
  });

  it('dist/mcpHost.js and dist/server.js hold the SDK and zod, and no Ajv', () => {
    for (const name of ['mcpHost.js', 'server.js']) {
      const code = readFileSync(dist(name), 'utf8');
      assert.ok(code.includes(MARKERS.zod) && code.includes(MARKERS.sdk), `${name} lacks the SDK or zod`);
      assert.ok(!code.includes(MARKERS.ajv), `Ajv is in ${name}`);
    }
  });

  describe('dist/mcpHost.js serving tools for a runtime built from another copy of the core', () => {
    let dir: string;
    let runtime: SendingRuntime;
    let client: Client;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'baas-bundles-'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the extension loads it
      const { createServer } = require(dist('mcpHost.js')) as typeof McpHostModule;
      const settings: SendingSettings = {
        sandbox: true,
        projectId: '123e4567-e89b-42d3-a456-426614174000',
        baseUrl: DEFAULT_BASE_URL,
        timeoutMs: 2000,
        rules: DEFAULT_RULES,
        guard: DEFAULT_GUARD,
        locale: 'en',
        duplicateWindowSeconds: 60,
      };
      runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(undefined), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger, sandboxDeliveryDelayMs: 10 });
      const deps: ServerDeps = { sendService: runtime.sendService, ledger: runtime.engine, settings: () => settings, logger: silentLogger, confirmSend: () => Promise.resolve(false) };
      const { server } = createServer(deps);
      const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
      await server.connect(serverSide);
      client = new Client({ name: 'bundles-test', version: '1' });
      await client.connect(clientSide);
    });
    after(async () => {
      await client.close();
      await runtime.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('lists the seven tools', async () => {
      assert.equal((await client.listTools()).tools.length, 7);
    });

    it("keeps the code of an error thrown by the other copy's SendService (not INTERNAL_ERROR)", async () => {
      const result = await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi', callback_number: '02-1234-5678' } });
      assert.equal(result.isError, true);
      const text = (result.content as Array<{ text: string }>)[0].text;
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'CONFIRMATION_DECLINED', text);
    });
  });
});
