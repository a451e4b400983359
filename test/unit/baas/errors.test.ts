// Each error class the client reports, from a real exchange with the emulator (or a real port with
// no listener), with the outcome a send is recorded under.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BaasClient, type BaasClientOptions } from '../../../src/baas/client';
import { BaasSmsError } from '../../../src/core/errors';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { refusedPort, rejectsWith, sms } from './fixture';

const KEY = 'errors-test-key-42';

describe('BaasClient: errors', () => {
  let emulator: BaasEmulator;
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  const client = (extra: Partial<BaasClientOptions> = {}) => new BaasClient({ apiKey: KEY, baseUrl: emulator.url, retryBaseDelayMs: 1, ...extra });
  const send = (c = client(), key = 'idem') => c.sendSms(sms(), { idempotencyKey: key });

  it('MISSING_API_KEY for an empty, blank or missing key, before any request', () => {
    for (const apiKey of ['', '   ', undefined as unknown as string]) {
      assert.throws(() => new BaasClient({ apiKey, baseUrl: emulator.url }), (e: unknown) => e instanceof BaasSmsError && e.code === 'MISSING_API_KEY' && e.outcome === 'not_sent');
    }
    assert.equal(emulator.requests.length, 0);
  });

  it('INVALID_INPUT for a base URL that is not http(s) or carries credentials', () => {
    for (const baseUrl of ['ftp://x', 'not a url', 'https://user:pass@api.aiapp.link']) {
      assert.throws(() => new BaasClient({ apiKey: KEY, baseUrl }), (e: unknown) => e instanceof BaasSmsError && e.code === 'INVALID_INPUT' && e.field === 'baseUrl');
    }
  });

  it('INVALID_INPUT for an idempotency key an HTTP header cannot carry, before any request', async () => {
    for (const key of ['', '주문-1', 'a b', 'x'.repeat(256)]) await rejectsWith(send(client(), key), 'INVALID_INPUT');
    assert.equal(emulator.requests.length, 0);
  });

  it('AUTHENTICATION_FAILED on 401 (wrong key): not sent, not retried, server code kept', async () => {
    const error = await rejectsWith(send(client({ apiKey: 'wrong-key' })), 'AUTHENTICATION_FAILED');
    assert.equal(error.status, 401);
    assert.equal(error.serverCode, 'AUTHENTICATION_FAILED');
    assert.ok(error.serverMessage);
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.requests.length, 1);
    await rejectsWith(client({ apiKey: 'wrong-key' }).getGroupStatus(1), 'AUTHENTICATION_FAILED');
  });

  it('AUTHENTICATION_FAILED on 403 too', async () => {
    emulator.setFaults({ mode: 'status', status: 403, count: 1 });
    const error = await rejectsWith(send(), 'AUTHENTICATION_FAILED');
    assert.equal(error.status, 403);
  });

  it('API_ERROR for a 422 validation refusal, with the first field and every detail kept', async () => {
    const error = await rejectsWith(client().sendSms(sms({ callback_number: '12', message: '' }), { idempotencyKey: 'v' }), 'API_ERROR');
    assert.equal(error.status, 422);
    assert.equal(error.serverCode, 'VALIDATION_ERROR');
    assert.equal(error.field, 'message');
    assert.match(String(error.params.detail), /message: required; callback_number: /);
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.committedSends(), 0);
    assert.equal(error.describe('en').field, 'message');
    assert.equal(error.describe('ko').server_code, 'VALIDATION_ERROR');
  });

  it('INVALID_PHONE_NUMBER passed through from the server, naming the recipient it refers to', async () => {
    emulator.setFaults({ mode: 'status', status: 422, errorCode: 'INVALID_PHONE_NUMBER', message: '잘못된 번호', detail: [{ field: 'recipients[1].phone_number', reason: 'unknown' }], count: 1 });
    const body = sms({ recipients: [{ phone_number: '010-1111-1111', member_code: 'a' }, { phone_number: '010-2222-2222', member_code: 'b' }] });
    const error = await rejectsWith(client().sendSms(body, { idempotencyKey: 'p' }), 'INVALID_PHONE_NUMBER');
    assert.equal(error.field, 'recipients[1].phone_number');
    assert.equal(error.params.input, '010-2222-2222');
    assert.equal(error.serverMessage, '잘못된 번호');
    assert.equal(error.outcome, 'not_sent');
  });

  it('MESSAGE_TOO_LONG passed through from the server, with the EUC-KR byte count', async () => {
    emulator.setFaults({ mode: 'status', status: 400, errorCode: 'MESSAGE_TOO_LONG', message: '메시지가 너무 깁니다', count: 1 });
    const error = await rejectsWith(client().sendSms(sms({ message: '가나다' }), { idempotencyKey: 'm' }), 'MESSAGE_TOO_LONG');
    assert.equal(error.params.actual, 6);
    assert.equal(error.params.max, 2000);
    assert.equal(error.serverMessage, '메시지가 너무 깁니다');
  });

  it('API_ERROR for HTTP 200 with success:false (legacy envelope)', async () => {
    emulator.setFaults({ mode: 'status', status: 200, errorCode: 'BAD_REQUEST', message: '잘못된 요청', count: 1 });
    const error = await rejectsWith(send(), 'API_ERROR');
    assert.equal(error.status, 200);
    assert.equal(error.serverCode, 'BAD_REQUEST');
    assert.equal(error.outcome, 'not_sent');
  });

  // EXTERNAL_*: BaaS had passed the message on to the carrier when something failed, so it may have
  // reached the phone. Recorded "not sent", it freed the idempotency key and a repeat sent again.
  for (const code of ['EXTERNAL_SERVER_ERROR', 'EXTERNAL_API_ERROR']) {
    it(`OUTCOME_UNKNOWN for HTTP 200 with success:false and ${code} to a send`, async () => {
      emulator.setFaults({ mode: 'status', status: 200, errorCode: code, message: '발송 실패', count: 1 });
      const error = await rejectsWith(send(), 'OUTCOME_UNKNOWN');
      assert.equal(error.status, 200);
      assert.equal(error.serverCode, code);
      assert.equal(error.outcome, 'unknown');
    });
  }

  it('TIMEOUT when the answer is later than timeoutMs: outcome unknown, and the emulator did commit', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 1000, count: 1 });
    const started = Date.now();
    const error = await rejectsWith(send(client({ timeoutMs: 150 }), 't1'), 'TIMEOUT');
    assert.ok(Date.now() - started < 900);
    assert.equal(error.params.timeoutMs, 150);
    assert.equal(error.outcome, 'unknown');
    assert.equal(emulator.commitsFor('t1'), 1);
    assert.equal(emulator.requests.length, 1, 'a timeout is never retried');
  });

  it('TIMEOUT of a send the server never committed is still unknown to the client (it cannot tell)', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 1000, commit: 'never', count: 1 });
    const error = await rejectsWith(send(client({ timeoutMs: 100 }), 't2'), 'TIMEOUT');
    assert.equal(error.outcome, 'unknown');
    assert.equal(emulator.commitsFor('t2'), 0);
  });

  it('CANCELLED before the request starts: not sent, nothing reaches the server', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectsWith(client().sendSms(sms(), { idempotencyKey: 'c0', signal: controller.signal }), 'CANCELLED');
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.requests.length, 0);
  });

  // Cutting the request off here turned a send that went out into an unknown one without its group
  // id (an MCP client's Stop, a closed team-server request, a shutdown all cancel like this).
  it('a send cancelled while its answer is on the way still gets it: the group id is kept, committed once', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 300, count: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const accepted = await client().sendSms(sms(), { idempotencyKey: 'c1', signal: controller.signal });
    assert.ok(controller.signal.aborted);
    assert.ok(accepted.group_id > 0);
    assert.equal(emulator.commitsFor('c1'), 1);
  });

  it('CANCELLED works for status reads too', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 2000, match: 'status', count: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(client().getGroupStatus(10001, { signal: controller.signal }), 'CANCELLED');
  });

  it('NETWORK_ERROR when nothing listens on the port: not sent', async () => {
    const port = await refusedPort();
    const error = await rejectsWith(new BaasClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, retryBaseDelayMs: 1 }).sendSms(sms(), { idempotencyKey: 'n' }), 'NETWORK_ERROR');
    assert.equal(error.outcome, 'not_sent');
    assert.match(error.message, /refused/);
  });

  it('NETWORK_ERROR when the host name does not resolve: not sent', async () => {
    const error = await rejectsWith(new BaasClient({ apiKey: KEY, baseUrl: 'http://baas-emulator.invalid', retryBaseDelayMs: 1 }).sendSms(sms(), { idempotencyKey: 'd' }), 'NETWORK_ERROR');
    assert.equal(error.outcome, 'not_sent');
    assert.match(error.message, /not found/);
  });

  for (const status of [500, 502, 504]) {
    it(`OUTCOME_UNKNOWN on HTTP ${status} to a send: the emulator committed, the client says unknown`, async () => {
      emulator.setFaults({ mode: 'status', status, count: 1 });
      const error = await rejectsWith(send(client(), `s${status}`), 'OUTCOME_UNKNOWN');
      assert.equal(error.status, status);
      assert.equal(error.serverCode, 'EXTERNAL_SERVER_ERROR');
      assert.equal(error.outcome, 'unknown');
      assert.equal(emulator.commitsFor(`s${status}`), 1);
    });
  }

  it('OUTCOME_UNKNOWN when the connection drops after the commit', async () => {
    emulator.setFaults({ mode: 'drop_after_commit', count: 1 });
    const error = await rejectsWith(send(client(), 'dac'), 'OUTCOME_UNKNOWN');
    assert.equal(error.outcome, 'unknown');
    assert.equal(emulator.commitsFor('dac'), 1);
  });

  it('OUTCOME_UNKNOWN when the connection drops before the commit: the client cannot know, nothing was committed', async () => {
    emulator.setFaults({ mode: 'drop_before_commit', count: 1 });
    const error = await rejectsWith(send(client(), 'dbc'), 'OUTCOME_UNKNOWN');
    assert.equal(error.outcome, 'unknown');
    assert.equal(emulator.commitsFor('dbc'), 0);
  });
});

describe('BaasClient: answers the emulator never gives (a real odd server)', () => {
  let server: Server;
  let url = '';
  let reply: { status: number; body: string } = { status: 200, body: '' };
  before(async () => {
    server = createServer((_req, res) => { res.writeHead(reply.status, { 'content-type': 'text/html' }); res.end(reply.body); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const send = () => new BaasClient({ apiKey: KEY, baseUrl: url, maxRetries: 0 }).sendSms(sms(), { idempotencyKey: 'odd' });

  it('a 200 with no group id is OUTCOME_UNKNOWN: the send went out but cannot be followed', async () => {
    reply = { status: 200, body: '{"success":true,"data":{}}' };
    assert.equal((await rejectsWith(send(), 'OUTCOME_UNKNOWN')).outcome, 'unknown');
  });

  it('a 200 that is not JSON is OUTCOME_UNKNOWN for a send, API_ERROR for a read', async () => {
    reply = { status: 200, body: '<html>ok</html>' };
    assert.equal((await rejectsWith(send(), 'OUTCOME_UNKNOWN')).outcome, 'unknown');
    await rejectsWith(new BaasClient({ apiKey: KEY, baseUrl: url }).getGroupStatus(1), 'API_ERROR');
  });

  it('a gateway HTML 502 is OUTCOME_UNKNOWN for a send', async () => {
    reply = { status: 502, body: '<html>Bad Gateway</html>' };
    const error = await rejectsWith(send(), 'OUTCOME_UNKNOWN');
    assert.equal(error.status, 502);
  });

  it('a group id given as a numeric string is accepted', async () => {
    reply = { status: 200, body: '{"success":true,"message":"ok","data":{"group_id":"777"}}' };
    assert.deepEqual(await send(), { group_id: 777, server_message: 'ok' });
  });
});
