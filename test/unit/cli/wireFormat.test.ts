// The BUILT dist/server.js, live (a key, no sandbox), against a fake of the BaaS API that shares no code
// with src/emulator: a plain recorder that answers what each test sets (templates/fakeBaas.ts). What
// goes over the wire must be exactly what baas-api.md describes, and status is reported as it defines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { FakeBaas } from '../templates/fakeBaas';

const KEY = 'wire-format-test-key-4f9a2c';
const PROJECT = '123e4567-e89b-42d3-a456-426614174000';

describe('dist/server.js on the wire (live mode, an independent fake of the API)', function () {
  this.timeout(60_000);
  const fake = new FakeBaas();
  let dir: string;
  let client: Client;

  before(async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    const baseUrl = await fake.start();
    dir = mkdtempSync(path.join(tmpdir(), 'baas-wire-'));
    const env = { ...process.env, BAAS_API_KEY: KEY, PROJECT_ID: PROJECT, BAAS_API_BASE_URL: baseUrl, BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_SANDBOX: '',
      // This client has no elicitation: live sends go out unasked, as a user who set BAAS_CONFIRM=off chose.
      BAAS_CONFIRM: 'off' };
    client = new Client({ name: 'wire-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [path.resolve('dist/server.js')], env, stderr: 'ignore' }));
  });
  after(async () => {
    await client.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const structured = <T>(result: Awaited<ReturnType<Client['callTool']>>): T => {
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as T;
  };

  it('send_sms: exactly one POST /message/sms with both auth headers, channel_id 1 and the project id', async () => {
    fake.reset({ status: 200, body: { success: true, message: 'ok', data: { group_id: 777 } } });
    const answer = structured<{ group_id: number; sandbox: boolean }>(await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'u1' }], message: '인증번호 123456' } }));
    assert.equal(answer.group_id, 777);
    assert.equal(answer.sandbox, false);
    assert.equal(fake.requests.length, 1);
    const [request] = fake.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/message/sms');
    assert.equal(request.headers.authorization, `Bearer ${KEY}`);
    assert.equal(request.headers['x-api-key'], KEY);
    assert.match(String(request.headers['content-type']), /^application\/json/);
    assert.deepEqual(request.body, {
      recipients: [{ phone_number: '010-1234-5678', member_code: 'u1' }],
      message: '인증번호 123456',
      callback_number: '02-1234-5678',
      project_id: PROJECT,
      channel_id: 1,
    });
  });

  it('send_mms: exactly one POST /message/mms with channel_id 3, subject and img_url_list', async () => {
    fake.reset({ status: 200, body: { result: 'SUCCESS', data: { group_id: 778 }, message: 'ok' } });
    const answer = structured<{ group_id: number; message_type: string }>(await client.callTool({ name: 'send_mms', arguments: {
      recipients: [{ phone_number: '010-2222-3333', member_code: 'u2' }], message: '사진을 보내드립니다', subject: '안내', image_urls: ['https://example.com/a.jpg'],
    } }));
    assert.equal(answer.group_id, 778);
    assert.equal(answer.message_type, 'MMS');
    assert.equal(fake.requests.length, 1);
    const [request] = fake.requests;
    assert.equal(`${request.method} ${request.url}`, 'POST /message/mms');
    assert.equal(request.headers.authorization, `Bearer ${KEY}`);
    assert.equal(request.headers['x-api-key'], KEY);
    const body = request.body as Record<string, unknown>;
    assert.equal(body.channel_id, 3);
    assert.equal(body.subject, '안내');
    assert.deepEqual(body.img_url_list, ['https://example.com/a.jpg']);
    assert.equal(body.project_id, PROJECT);
  });

  it('get_message_status: GET /message/send_history/sms/{id}/messages, counted as baas-api.md defines', async () => {
    const rows = (results: string[]) => results.map((result, i) => ({ phone: `010-0000-000${i}`, name: `m${i}`, result, reason: result === '실패' ? '결번' : null }));
    const cases: Array<[string[], string, [number, number, number]]> = [
      [['성공', '전송중'], '전송중', [1, 0, 1]],
      [['성공', '성공'], '성공', [2, 0, 0]],
      [['실패', '실패'], '실패', [0, 2, 0]],
      [['성공', '실패'], '부분성공', [1, 1, 0]],
    ];
    for (const [results, status, [success, failed, pending]] of cases) {
      fake.reset({ status: 200, body: { success: true, message: 'ok', data: rows(results) } });
      const answer = structured<{ status: string; total_count: number; success_count: number; failed_count: number; pending_count: number }>(
        await client.callTool({ name: 'get_message_status', arguments: { group_id: 777 } }));
      assert.equal(fake.requests.length, 1);
      assert.equal(`${fake.requests[0].method} ${fake.requests[0].url}`, 'GET /message/send_history/sms/777/messages');
      assert.equal(fake.requests[0].headers['x-api-key'], KEY);
      assert.deepEqual([answer.status, answer.total_count, answer.success_count, answer.failed_count, answer.pending_count], [status, results.length, success, failed, pending], results.join(','));
    }
  });
});
