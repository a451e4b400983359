// Issue 12, item 3: a sandbox that remembers. Two processes of the BUILT dist/server.js on the same
// data: the first sends, the second (as a client that starts the server per call would) asks for the
// status and gets it; a group the sandbox never sent says why. The group file stays bounded, and
// sandbox sends stay out of live history by default.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { silentLogger } from '../../../src/core/logger';
import { SandboxGroupFile, sandboxGroupsPath } from '../../../src/sending/sandboxGroups';
import { errorOf, startHarness, structured } from '../mcp/harness';

const one = [{ phone_number: '010-1234-5678', member_code: 'u1' }];

describe('a sandbox that remembers (issue 12, item 3)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-sandbox-mem-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function sandboxProcess<T>(use: (call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>) => Promise<T>): Promise<T> {
    const env = { ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_SANDBOX_DELAY_MS: '20', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_API_KEY: '' };
    const client = new Client({ name: 'per-call', version: '1' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [path.resolve('dist/server.js'), '--sandbox'], env, stderr: 'ignore' }));
    try {
      return await use(async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult);
    } finally {
      await client.close();
    }
  }

  it('a group sent in one sandbox process is delivered, not unknown, in the next', async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    const groupId = await sandboxProcess(async (call) => structured<{ group_id: number }>(await call('send_sms', { recipients: one, message: 'hi' })).group_id);
    await new Promise((r) => setTimeout(r, 50));
    await sandboxProcess(async (call) => {
      const status = structured<{ status: string; sandbox: boolean }>(await call('get_message_status', { group_id: groupId }));
      assert.deepEqual([status.status, status.sandbox], ['성공', true]);
      const unknown = errorOf(await call('get_message_status', { group_id: 123 }));
      assert.equal(unknown.code, 'GROUP_NOT_FOUND');
      assert.match(unknown.message, /sandbox never sent group 123/);
      // A new send in the second process gets a new id, past the first process's.
      const next = structured<{ group_id: number }>(await call('send_sms', { recipients: one, message: 'again' })).group_id;
      assert.ok(next > groupId);
    });
    const kept = readFileSync(sandboxGroupsPath(path.join(dir, 'ledger.jsonl')), 'utf8');
    assert.doesNotMatch(kept, /"message"|hi|again/, 'the group file keeps no message text');
  });

  it('keeps the newest groups only, and says when a group is too old', () => {
    const file = new SandboxGroupFile(path.join(dir, 'l.sandbox-groups.jsonl'), 10, silentLogger);
    for (let id = 1; id <= 25; id++) file.record({ group_id: id, channel: 'sms', path: '/message/sms', recipients: one, committed_at: id });
    const lines = readFileSync(path.join(dir, 'l.sandbox-groups.jsonl'), 'utf8').trim().split('\n');
    assert.ok(lines.length <= 20, `${lines.length} lines`);
    assert.deepEqual(file.load().map((s) => s.group_id), [16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    assert.equal(file.recall(3), undefined);
    assert.equal(file.recall(20)?.group_id, 20);
    assert.match(file.explainUnknown(3), /newest 10 groups, and group 3 is older/);
  });

  it('get_send_history lists the current mode\'s sends by default; mode "all" lists both', async () => {
    const h = await startHarness();
    try {
      structured(await h.call('send_sms', { recipients: one, message: 'live one' }));
      h.settings.sandbox = true;
      structured(await h.call('send_sms', { recipients: one, message: 'sandbox one' }));
      const sandboxView = structured<{ mode: string; sends: Array<{ message: string }> }>(await h.call('get_send_history', {}));
      assert.deepEqual([sandboxView.mode, sandboxView.sends.map((s) => s.message)], ['sandbox', ['sandbox one']]);
      h.settings.sandbox = false;
      const liveView = structured<{ mode: string; sends: Array<{ message: string }> }>(await h.call('get_send_history', {}));
      assert.deepEqual([liveView.mode, liveView.sends.map((s) => s.message)], ['live', ['live one']]);
      const all = structured<{ sends: Array<{ message: string }> }>(await h.call('get_send_history', { mode: 'all' }));
      assert.deepEqual(all.sends.map((s) => s.message), ['sandbox one', 'live one']);
    } finally {
      await h.close();
    }
  });
});
