// Issue 12, item 2 on the wire: the BUILT dist/server.js, live against the BaaS emulator on 127.0.0.1,
// with raw SDK Clients over real stdio — one that declares elicitation (decline → nothing reaches the
// API; accept → sent once) and one that does not (refused, naming BAAS_CONFIRM; with BAAS_CONFIRM=off
// sent, and said once on stderr). Also proves the bundle checks elicitation answers without Ajv.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type CallToolResult, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';

const KEY = 'stdio-confirm-test-key-7d1e';
const one = [{ phone_number: '010-1234-5678', member_code: 'u1' }];
const codeOf = (r: CallToolResult) => (JSON.parse((r.content[0] as { text: string }).text) as { error: { code: string; hint: string } }).error;

describe('dist/server.js asks before a live send (elicitation) or follows BAAS_CONFIRM', function () {
  this.timeout(60_000);
  let emulator: BaasEmulator;
  let dir: string;
  before(async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 });
  });
  after(() => emulator.close());
  beforeEach(() => { emulator.reset(); dir = mkdtempSync(path.join(tmpdir(), 'baas-confirm-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function connect(options: { elicit?: ElicitResult; env?: Record<string, string> }): Promise<{ client: Client; stderr: () => string; asked: () => number }> {
    const env = { ...process.env, BAAS_API_KEY: KEY, BAAS_API_BASE_URL: emulator.url, PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: path.join(dir, 'l.jsonl'), BAAS_SANDBOX: '', BAAS_CONFIRM: '', BAAS_LANG: 'en', ...options.env };
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.resolve('dist/server.js')], env, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const client = new Client({ name: 'raw', version: '1' }, { capabilities: options.elicit ? { elicitation: {} } : {} });
    let asked = 0;
    if (options.elicit) {
      const answer = options.elicit;
      client.setRequestHandler(ElicitRequestSchema, () => { asked++; return answer; });
    }
    await client.connect(transport);
    return { client, stderr: () => stderr, asked: () => asked };
  }
  const send = async (client: Client) => (await client.callTool({ name: 'send_sms', arguments: { recipients: one, message: 'hi' } })) as CallToolResult;

  it('declared elicitation, declined: CONFIRMATION_DECLINED and the emulator saw nothing', async () => {
    const { client, asked } = await connect({ elicit: { action: 'decline' } });
    try {
      assert.equal(codeOf(await send(client)).code, 'CONFIRMATION_DECLINED');
      assert.equal(asked(), 1);
      assert.equal(emulator.requests.length, 0);
    } finally { await client.close(); }
  });

  it('declared elicitation, accepted: sent once', async () => {
    const { client, asked } = await connect({ elicit: { action: 'accept', content: { confirm: true } } });
    try {
      const result = await send(client);
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.equal(asked(), 1);
      assert.equal(emulator.committedSends(), 1);
    } finally { await client.close(); }
  });

  it('no elicitation: refused by default, naming BAAS_CONFIRM; nothing reaches the API', async () => {
    const { client } = await connect({});
    try {
      const error = codeOf(await send(client));
      assert.equal(error.code, 'CONFIRMATION_REQUIRED');
      assert.match(error.hint, /BAAS_CONFIRM=off/);
      assert.equal(emulator.requests.length, 0);
    } finally { await client.close(); }
  });

  it('no elicitation, BAAS_CONFIRM=off: sent, and stderr says so once at start', async () => {
    const { client, stderr } = await connect({ env: { BAAS_CONFIRM: 'off' } });
    try {
      assert.ok(!(await send(client)).isError);
      assert.equal(emulator.committedSends(), 1);
      assert.equal(stderr().match(/BAAS_CONFIRM=off/g)?.length, 1, stderr());
    } finally { await client.close(); }
  });
});
