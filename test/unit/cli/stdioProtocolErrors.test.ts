// Issue 12, item 5: the BUILT dist/server.js over real stdio answers what it cannot take with the
// JSON-RPC 2.0 error the spec names, instead of silence or a silent exit 0: a line over the SDK's
// 10 MiB buffer, a batch, "jsonrpc":"1.0", an object id, text that is not JSON; a leading BOM is
// ignored. After each, the server still serves.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SERVER = path.resolve('dist/server.js');
interface Reply { jsonrpc: string; id: unknown; result?: unknown; error?: { code: number; message: string } }

describe('dist/server.js answers malformed stdio input with JSON-RPC errors', function () {
  this.timeout(60_000);
  let dir: string;
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  const replies = (): Reply[] => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Reply);
  const waitFor = async (test: (r: Reply[]) => boolean, what: string): Promise<Reply[]> => {
    for (let waited = 0; waited < 20_000; waited += 20) {
      if (test(replies())) return replies();
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) waiting for ${what}; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${what}; stdout: ${stdout.slice(0, 500)}`);
  };
  const byId = (id: unknown) => (r: Reply[]) => r.some((m) => m.id === id);

  before(() => { execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' }); });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baas-stdio-err-'));
    stdout = '';
    stderr = '';
    child = spawn(process.execPath, [SERVER, '--sandbox'], { env: { ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'l.jsonl'), BAAS_API_KEY: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  });
  afterEach(async () => {
    if (child.exitCode === null) {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const init = (id: number | string = 1) => JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });

  it('a line over 10 MiB gets an Invalid Request error, is logged to stderr, and the server serves on', async () => {
    child.stdin.write('\uFEFF' + init(1) + '\n');
    await waitFor(byId(1), 'initialize answer (after a BOM)');
    child.stdin.write(`{"jsonrpc":"2.0","id":2,"method":"ping","params":{"pad":"${'x'.repeat(11 * 1024 * 1024)}"}}\n`);
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) + '\n');
    const r = await waitFor(byId(3), 'ping after the oversized line');
    const error = r.find((m) => m.id === null && m.error);
    assert.equal(error?.error?.code, -32600);
    assert.match(error?.error?.message ?? '', /10485760 bytes/);
    assert.match(stderr, /over 10485760 bytes was dropped/);
    assert.equal(child.exitCode, null, 'still running');
  });

  it('a batch, "jsonrpc":"1.0", an object id and non-JSON each get the error the spec names', async () => {
    child.stdin.write(init('a') + '\n');
    await waitFor(byId('a'), 'initialize answer');
    child.stdin.write(JSON.stringify([{ jsonrpc: '2.0', id: 10, method: 'ping' }, { jsonrpc: '2.0', id: 11, method: 'ping' }]) + '\n');
    child.stdin.write('[]\n');
    child.stdin.write(JSON.stringify({ jsonrpc: '1.0', id: 12, method: 'ping' }) + '\n');
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: { n: 1 }, method: 'ping' }) + '\n');
    child.stdin.write('not json\n');
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 13, method: 'ping' }) + '\n');
    const r = await waitFor((all) => byId(13)(all) && all.filter((m) => m.id === null).length >= 3, 'all answers');
    const errorOf = (id: unknown) => r.filter((m) => m.id === id).map((m) => m.error?.code);
    assert.deepEqual(errorOf(10), [-32600]);
    assert.deepEqual(errorOf(11), [-32600]);
    assert.deepEqual(errorOf(12), [-32600]);
    assert.deepEqual(errorOf(null).sort(), [-32700, -32600, -32600].sort());
    assert.ok(r.find((m) => m.id === 13)?.result, 'serves on');
    for (const m of r) assert.equal(m.jsonrpc, '2.0');
  });
});
