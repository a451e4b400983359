// The BUILT dist/server.js over real stdio: a real SDK client session, and raw bytes — malformed,
// oversized, half-valid — after which every stdout line must still be one JSON-RPC message.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const SERVER = path.resolve('dist/server.js');

describe('dist/server.js over stdio (built bundle)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    assert.match(readFileSync(SERVER, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
  });
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-stdio-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_SANDBOX_DELAY_MS: '20', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_API_KEY: '' });

  it('serves a real SDK client in sandbox mode: list tools, send, status', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER, '--sandbox'], env: env(), stderr: 'pipe' });
    const client = new Client({ name: 't', version: '1' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'send_sms'));
      // The bundle keeps only iconv-lite's CP949 table (esbuild.mjs): byte counts must still be right.
      const preview = await client.callTool({ name: 'preview_message', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: '안녕 hi 똠' } });
      assert.equal((preview.structuredContent as { message_bytes: number }).message_bytes, 10);
      const emoji = await client.callTool({ name: 'preview_message', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi 😀' } });
      assert.match((emoji.content as Array<{ text: string }>)[0].text, /UNSENDABLE_CHARACTERS[\s\S]*U\+1F600/);
      const sent = await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi' } });
      assert.ok(!sent.isError, JSON.stringify(sent.content));
      const groupId = (sent.structuredContent as { group_id: number }).group_id;
      await new Promise((r) => setTimeout(r, 80));
      const status = await client.callTool({ name: 'get_message_status', arguments: { group_id: groupId } });
      assert.equal((status.structuredContent as { status: string }).status, '성공');
    } finally {
      await client.close();
    }
  });

  it('writes only JSON-RPC lines to stdout, also after malformed and oversized input; logs go to stderr', async () => {
    const child = spawn(process.execPath, [SERVER, '--sandbox'], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const send = (line: string) => child.stdin.write(line + '\n');
    send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }));
    send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    send('this is not json');
    send('{"jsonrpc":"2.0","id":2,"method":');
    send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'send_sms', arguments: { recipients: 'x' } } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'no/such/method' }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'send_sms', arguments: { recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'x'.repeat(300_000) } } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'tools/list' }));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to id 6; stdout so far: ${stdout.slice(0, 500)}`)), 20_000);
      const check = () => { if (/"id":6\b/.test(stdout)) { clearTimeout(timer); resolve(); } else setTimeout(check, 20); };
      check();
    });
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
    const lines = stdout.split('\n').filter((l) => l.length > 0);
    assert.ok(lines.length >= 5);
    for (const line of lines) {
      const message = JSON.parse(line) as { jsonrpc?: string };
      assert.equal(message.jsonrpc, '2.0', line.slice(0, 200));
    }
    const byId = new Map(lines.map((l) => JSON.parse(l) as { id?: number; result?: { isError?: boolean; content?: Array<{ text: string }> }; error?: unknown }).map((m) => [m.id, m]));
    assert.ok(byId.get(3)?.result?.isError, 'bad arguments are a tool error');
    assert.match(byId.get(3)?.result?.content?.[0].text ?? '', /INVALID_INPUT/);
    assert.ok(byId.get(4)?.error, 'unknown method is a JSON-RPC error');
    assert.match(byId.get(5)?.result?.content?.[0].text ?? '', /MESSAGE_TOO_LONG/);
    assert.match(stderr, /\[baas-sms info\] ready/);
  });

  it('prints usage for --help and never starts serving', () => {
    const out = execFileSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.match(out, /baas-sms-mcp --sandbox/);
  });
});
