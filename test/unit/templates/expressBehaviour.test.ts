// The Express templates (JS and TS), rendered and run for real: real express, a real HTTP client, and a
// real HTTP server standing in for the BaaS API. Checks what the brief promises, not just that it compiles.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Router } from 'express';
import { findTemplate } from '../../../src/templates';
import { FakeBaas } from './fakeBaas';
import { createTempProject, replaceOnce, type TempProject } from './renderedTemplates';

const KEY = 'sk-test-SECRET-7f3a9c';
const PROJECT = '6f1d2c3b-0000-4000-8000-000000000001';

interface ExpressModule {
  smsRouter: Router;
  checkVerificationCode(phone: string, code: string): boolean;
}

for (const id of ['express-sms-js', 'express-sms-ts']) {
  describe(`templates: ${id} against a fake BaaS server`, function () {
    this.timeout(20_000);
    const baas = new FakeBaas();
    let project: TempProject;
    let app: Server;
    let appUrl: string;
    let mod: ExpressModule;
    const savedEnv = { ...process.env };

    before(async () => {
      const template = findTemplate(id);
      assert.ok(template);
      process.env.BAAS_API_BASE_URL = `${await baas.start()}/`; // trailing slash must be tolerated
      process.env.BAAS_API_KEY = KEY;
      process.env.PROJECT_ID = PROJECT;
      project = createTempProject();
      // Shorten the timeout so the "no answer" case runs in well under a second.
      const file = project.write(template, (code) => replaceOnce(code, 'const REQUEST_TIMEOUT_MS = 10000;', 'const REQUEST_TIMEOUT_MS = 300;'));
      mod = require(file) as ExpressModule; // eslint-disable-line @typescript-eslint/no-require-imports
      const server = express();
      server.use(mod.smsRouter);
      await new Promise<void>((resolve) => {
        app = server.listen(0, '127.0.0.1', () => resolve());
      });
      appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    });
    after(async () => {
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
      await baas.stop();
      project.remove();
      process.env = savedEnv;
    });

    async function post(body: unknown): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
      const response = await fetch(`${appUrl}/api/sms/verification`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      assert.ok(!text.includes(KEY), 'the API key reached the client');
      return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
    }

    it('sends one SMS with both auth headers, an idempotency key and the documented body', async () => {
      baas.reset({ status: 200, body: { success: true, message: 'ok', data: { group_id: 12345 } } });
      const res = await post({ phone: '+82 10 1234 5678', memberCode: 'user-7' });
      assert.deepEqual([res.status, res.json], [200, { ok: true, groupId: 12345 }]);
      assert.equal(baas.requests.length, 1);
      const [sent] = baas.requests;
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, '/message/sms');
      assert.equal(sent.headers['x-api-key'], KEY);
      assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
      assert.match(String(sent.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
      assert.match(String(sent.headers['content-type']), /^application\/json/);
      const body = sent.body as { message: string };
      assert.deepEqual({ ...body, message: '' }, {
        recipients: [{ phone_number: '010-1234-5678', member_code: 'user-7' }],
        message: '',
        callback_number: '02-1234-5678',
        project_id: PROJECT,
        channel_id: 1,
      });
      const code = /^\[MyApp\] 인증번호는 (\d{6})입니다\.$/.exec(body.message)?.[1];
      assert.ok(code, body.message);
      assert.equal(mod.checkVerificationCode('010-1234-5678', code === '000000' ? '000001' : '000000'), false);
      assert.equal(mod.checkVerificationCode('01012345678', code), true);
      assert.equal(mod.checkVerificationCode('01012345678', code), false, 'a code works once');
    });

    it('accepts the newer {result: "SUCCESS"} envelope', async () => {
      baas.reset({ status: 200, body: { result: 'SUCCESS', data: { groupId: 'g-9' } } });
      const res = await post({ phone: '010-9999-8888' });
      assert.deepEqual(res.json, { ok: true, groupId: 'g-9' });
    });

    it('refuses a number that is not a Korean mobile number without calling the API', async () => {
      baas.reset({ status: 200, body: { success: true, data: { group_id: 1 } } });
      for (const phone of ['02-123-4567', '010-123-456', '', 12345]) {
        const res = await post({ phone });
        assert.deepEqual([res.status, res.json.code], [400, 'INVALID_PHONE_NUMBER']);
      }
      assert.equal(baas.requests.length, 0);
    });

    const failures: Array<[string, number, unknown, number, string]> = [
      ['401 → 502 AUTHENTICATION_FAILED', 401, { success: false, message: 'bad key' }, 502, 'AUTHENTICATION_FAILED'],
      ['429 → 429 RATE_LIMIT_EXCEEDED', 429, { success: false, message: 'slow down' }, 429, 'RATE_LIMIT_EXCEEDED'],
      ['a failure envelope keeps the server code', 400, { success: false, message: 'unknown project', error_code: 'INVALID_PROJECT' }, 502, 'INVALID_PROJECT'],
      ['a FAIL envelope on HTTP 200 keeps the server code', 200, { result: 'FAIL', message: 'no such member', errorCode: 'RECIPIENT_NOT_FOUND' }, 502, 'RECIPIENT_NOT_FOUND'],
      ['a 500 without JSON → API_ERROR', 500, '<html>oops</html>', 502, 'API_ERROR'],
      ['an unreadable 200 → OUTCOME_UNKNOWN', 200, 'not json', 502, 'OUTCOME_UNKNOWN'],
    ];
    for (const [title, status, answer, clientStatus, code] of failures) {
      it(title, async () => {
        baas.reset({ status, body: answer });
        const res = await post({ phone: '010-1234-5678' });
        assert.deepEqual([res.status, res.json.ok, res.json.code], [clientStatus, false, code]);
        assert.equal(typeof res.json.message, 'string');
        if (code === 'INVALID_PROJECT') assert.equal(res.json.message, 'unknown project');
        assert.equal(baas.requests.length, 1, 'no retry');
      });
    }

    it('a timeout tells the client the outcome is unknown and does not retry', async () => {
      baas.reset('hang');
      const res = await post({ phone: '010-1234-5678' });
      assert.deepEqual([res.status, res.json.code], [504, 'OUTCOME_UNKNOWN']);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(baas.requests.length, 1, 'the send was retried');
    });

    it('makes no request at all when the key is missing', async () => {
      baas.reset({ status: 200, body: { success: true, data: { group_id: 1 } } });
      delete process.env.BAAS_API_KEY;
      const logged: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => logged.push(args.join(' '));
      try {
        const res = await post({ phone: '010-1234-5678' });
        assert.deepEqual([res.status, res.json.code], [500, 'SMS_NOT_CONFIGURED']);
        assert.equal(baas.requests.length, 0);
        assert.deepEqual(logged, ['BAAS_API_KEY is not set: no SMS request was made.'], 'the server log says why');
      } finally {
        console.error = consoleError;
        process.env.BAAS_API_KEY = KEY;
      }
    });

    it('GET /api/sms/status/:groupId summarises the group with masked numbers', async () => {
      baas.reset({ status: 200, body: { success: true, data: [
        { phone: '010-1234-5678', name: '홍길동', result: '성공', reason: null },
        { phone: '010-2222-3333', name: '김철수', result: '실패', reason: '결번' },
      ] } });
      const response = await fetch(`${appUrl}/api/sms/status/77`);
      const json = (await response.json()) as Record<string, unknown>;
      assert.equal(baas.requests[0].method, 'GET');
      assert.equal(baas.requests[0].url, '/message/send_history/sms/77/messages');
      assert.equal(baas.requests[0].headers['x-api-key'], KEY);
      assert.deepEqual(json, {
        ok: true, groupId: '77', status: '부분성공', total: 2, success: 1, failed: 1, pending: 0,
        messages: [
          { phone: '010-****-5678', result: '성공', reason: null },
          { phone: '010-****-3333', result: '실패', reason: '결번' },
        ],
      });
      baas.reset({ status: 200, body: { success: true, data: [{ phone: '010-1234-5678', result: '전송중' }] } });
      assert.equal(((await (await fetch(`${appUrl}/api/sms/status/78`)).json()) as { status: string }).status, '전송중');
      assert.equal((await fetch(`${appUrl}/api/sms/status/${encodeURIComponent('../x')}`)).status, 400);
    });
  });
}
