// The Django template, rendered and run by python3 against a real HTTP server standing in for the BaaS
// API. Django itself is not installed here, so its few imports are stubbed (the service under test,
// send_sms, uses only the standard library; the views run with a stub request/response/cache).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { findTemplate } from '../../../src/templates';
import { FakeBaas } from './fakeBaas';
import { createTempProject, replaceOnce, type TempProject } from './renderedTemplates';

const run = promisify(execFile);
const KEY = 'sk-test-SECRET-py-41d2';
const PROJECT = '6f1d2c3b-0000-4000-8000-000000000002';

const DJANGO_STUBS: Record<string, string> = {
  'django/__init__.py': '',
  'django/core/__init__.py': '',
  'django/core/cache.py': 'class _Cache(dict):\n    def set(self, key, value, timeout=None):\n        self[key] = value\n    def delete(self, key):\n        self.pop(key, None)\ncache = _Cache()\n',
  'django/http.py': 'class HttpRequest:\n    def __init__(self, body=b"", method="POST"):\n        self.body, self.method = body, method\nclass JsonResponse:\n    def __init__(self, data, status=200):\n        self.data, self.status_code = data, status\n',
  'django/views/__init__.py': '',
  'django/views/decorators/__init__.py': '',
  'django/views/decorators/http.py': 'def require_POST(view):\n    return view\ndef require_GET(view):\n    return view\n',
};

// Runs one operation on the rendered module and prints its outcome as JSON.
const HARNESS = `
import importlib.util, json, sys
from django.core.cache import cache
from django.http import HttpRequest
spec = importlib.util.spec_from_file_location("sms", sys.argv[1])
sms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sms)
op = json.loads(sys.argv[2])
def response(r):
    return {"status": r.status_code, "data": r.data}
if op["call"] == "send_sms":
    try:
        print(json.dumps({"groupId": sms.send_sms(op["recipients"], op["message"])}))
    except sms.SmsError as error:
        print(json.dumps({"code": error.code, "status": error.status, "message": error.message}))
elif op["call"] == "verify":
    result = response(sms.send_verification_code(HttpRequest(json.dumps(op["body"]).encode())))
    stored = dict(cache)
    code = next(iter(stored.values()), None)
    result["checks"] = [sms.check_verification_code(op["body"]["phone"], "x"), code and sms.check_verification_code(op["body"]["phone"], code), code and sms.check_verification_code(op["body"]["phone"], code)]
    result["stored"] = len(stored)
    print(json.dumps(result))
elif op["call"] == "status":
    print(json.dumps(response(sms.message_status(HttpRequest(b"", "GET"), op["groupId"]))))
`;

describe('templates: django-sms against a fake BaaS server (Django stubbed)', function () {
  this.timeout(20_000);
  const baas = new FakeBaas();
  let project: TempProject;
  let file: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    const template = findTemplate('django-sms');
    assert.ok(template);
    env = { ...process.env, BAAS_API_BASE_URL: await baas.start(), BAAS_API_KEY: KEY, PROJECT_ID: PROJECT, PYTHONDONTWRITEBYTECODE: '1' };
    project = createTempProject();
    for (const [path, text] of Object.entries(DJANGO_STUBS)) {
      mkdirSync(dirname(join(project.dir, path)), { recursive: true });
      writeFileSync(join(project.dir, path), text);
    }
    writeFileSync(join(project.dir, 'harness.py'), HARNESS);
    file = project.write(template, (code) => replaceOnce(code, 'REQUEST_TIMEOUT_SECONDS = 10', 'REQUEST_TIMEOUT_SECONDS = 0.3'));
  });
  after(async () => {
    await baas.stop();
    project.remove();
  });

  // Async on purpose: the fake server lives in this process and must keep answering meanwhile.
  async function python(op: unknown, extraEnv: NodeJS.ProcessEnv = {}): Promise<Record<string, unknown>> {
    const { stdout } = await run('python3', ['-S', '-B', join(project.dir, 'harness.py'), file, JSON.stringify(op)], { cwd: project.dir, env: { ...env, ...extraEnv } });
    assert.ok(!stdout.includes(KEY), 'the API key reached the output');
    return JSON.parse(stdout) as Record<string, unknown>;
  }
  const recipients = [{ phone_number: '010-1234-5678', member_code: 'user-7' }];

  it('send_sms sends both auth headers, an idempotency key and the documented body', async () => {
    baas.reset({ status: 200, body: { success: true, data: { group_id: 4321 } } });
    assert.deepEqual(await python({ call: 'send_sms', recipients, message: '안녕하세요' }), { groupId: 4321 });
    assert.equal(baas.requests.length, 1);
    const [sent] = baas.requests;
    assert.deepEqual([sent.method, sent.url], ['POST', '/message/sms']);
    assert.equal(sent.headers['x-api-key'], KEY);
    assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
    assert.match(String(sent.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
    assert.deepEqual(sent.body, { recipients, message: '안녕하세요', callback_number: '02-1234-5678', project_id: PROJECT, channel_id: 1 });
  });

  it('accepts the newer {result: "SUCCESS"} envelope', async () => {
    baas.reset({ status: 200, body: { result: 'SUCCESS', data: { groupId: 'g-1' } } });
    assert.deepEqual(await python({ call: 'send_sms', recipients, message: 'hi' }), { groupId: 'g-1' });
  });

  const failures: Array<[string, number, unknown, number, string]> = [
    ['401 → 502 AUTHENTICATION_FAILED', 401, { success: false, message: 'bad key' }, 502, 'AUTHENTICATION_FAILED'],
    ['429 → 429 RATE_LIMIT_EXCEEDED', 429, { success: false }, 429, 'RATE_LIMIT_EXCEEDED'],
    ['a failure envelope keeps the server code and message', 422, { success: false, message: 'unknown project', error_code: 'INVALID_PROJECT' }, 502, 'INVALID_PROJECT'],
    ['a FAIL envelope on HTTP 200 keeps the server code', 200, { result: 'FAIL', errorCode: 'RECIPIENT_NOT_FOUND', message: 'no member' }, 502, 'RECIPIENT_NOT_FOUND'],
    ['a 500 without JSON → API_ERROR', 500, '<html>oops</html>', 502, 'API_ERROR'],
    ['an unreadable 200 → OUTCOME_UNKNOWN', 200, 'not json', 502, 'OUTCOME_UNKNOWN'],
  ];
  for (const [title, status, answer, errorStatus, code] of failures) {
    it(title, async () => {
      baas.reset({ status, body: answer });
      const result = await python({ call: 'send_sms', recipients, message: 'hi' });
      assert.deepEqual([result.code, result.status], [code, errorStatus]);
      if (code === 'INVALID_PROJECT') assert.equal(result.message, 'unknown project');
      assert.equal(baas.requests.length, 1, 'no retry');
    });
  }

  it('a timeout raises OUTCOME_UNKNOWN and does not retry', async () => {
    baas.reset('hang');
    const result = await python({ call: 'send_sms', recipients, message: 'hi' });
    assert.deepEqual([result.code, result.status], ['OUTCOME_UNKNOWN', 504]);
    assert.equal(baas.requests.length, 1);
  });

  it('makes no request when the key is missing', async () => {
    baas.reset({ status: 200, body: { success: true, data: { group_id: 1 } } });
    const result = await python({ call: 'send_sms', recipients, message: 'hi' }, { BAAS_API_KEY: '' });
    assert.deepEqual([result.code, result.status], ['SMS_NOT_CONFIGURED', 500]);
    assert.equal(baas.requests.length, 0);
  });

  it('the verification view normalises the phone, sends the code and accepts it once', async () => {
    baas.reset({ status: 200, body: { success: true, data: { group_id: 99 } } });
    const result = await python({ call: 'verify', body: { phone: '+82 10-1234-5678' } });
    assert.deepEqual(result, { status: 200, data: { ok: true, groupId: 99 }, checks: [false, true, false], stored: 1 });
    const body = baas.requests[0].body as { recipients: unknown; message: string };
    assert.deepEqual(body.recipients, [{ phone_number: '010-1234-5678', member_code: 'guest' }]);
    assert.match(body.message, /^\[MyApp\] 인증번호는 \d{6}입니다\.$/);
  });

  it('the verification view refuses a bad number without calling the API', async () => {
    baas.reset({ status: 200, body: { success: true, data: { group_id: 1 } } });
    const result = await python({ call: 'verify', body: { phone: '02-123-4567' } });
    assert.deepEqual([result.status, (result.data as { code: string }).code, result.stored], [400, 'INVALID_PHONE_NUMBER', 0]);
    assert.equal(baas.requests.length, 0);
  });

  it('the verification view forgets the code after a definite failure', async () => {
    baas.reset({ status: 401, body: {} });
    const result = await python({ call: 'verify', body: { phone: '010-1234-5678' } });
    assert.deepEqual([result.status, (result.data as { code: string }).code, result.stored], [502, 'AUTHENTICATION_FAILED', 0]);
  });

  it('the status view summarises the group with masked numbers', async () => {
    baas.reset({ status: 200, body: { success: true, data: [
      { phone: '010-1234-5678', name: '홍길동', result: '성공', reason: null },
      { phone: '010-2222-3333', name: '김철수', result: '실패', reason: '결번' },
    ] } });
    const result = await python({ call: 'status', groupId: '77' });
    assert.deepEqual([baas.requests[0].method, baas.requests[0].url], ['GET', '/message/send_history/sms/77/messages']);
    assert.deepEqual(result, { status: 200, data: {
      ok: true, groupId: '77', status: '부분성공', total: 2, success: 1, failed: 1, pending: 0,
      messages: [
        { phone: '010-****-5678', result: '성공', reason: null },
        { phone: '010-****-3333', result: '실패', reason: '결번' },
      ],
    } });
  });
});
