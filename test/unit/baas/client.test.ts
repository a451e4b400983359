// BaasClient against the emulator on 127.0.0.1:0: what goes over the wire for each endpoint, both
// answer envelopes, and group status as baas-api.md defines it.
import { strict as assert } from 'node:assert';
import { BaasClient, API_PREFIXED_BAAS_PATHS } from '../../../src/baas/client';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { mms, PROJECT_ID, rejectsWith, sms } from './fixture';

const KEY = 'test-key-0123456789';

describe('BaasClient: endpoints', () => {
  let emulator: BaasEmulator;
  let clock = 0;
  before(async () => { emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 1000, now: () => clock }); });
  after(() => emulator.close());
  beforeEach(() => { emulator.reset(); clock = 5_000_000; });
  const client = (extra: Partial<ConstructorParameters<typeof BaasClient>[0]> = {}) => new BaasClient({ apiKey: KEY, baseUrl: emulator.url, ...extra });

  it('sendSms: one POST /message/sms with both auth headers, JSON, Idempotency-Key, User-Agent, channel_id 1', async () => {
    const accepted = await client({ userAgent: 'baas-sms-mcp/test' }).sendSms(sms(), { idempotencyKey: 'idem-sms' });
    assert.equal(accepted.group_id, 10001);
    assert.equal(typeof accepted.server_message, 'string');
    assert.equal(emulator.requests.length, 1);
    const [req] = emulator.requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/message/sms');
    assert.equal(req.headers.authorization, 'Bearer [REDACTED]');
    assert.equal(req.headers['x-api-key'], '[REDACTED]');
    assert.match(req.headers['content-type'], /^application\/json/);
    assert.equal(req.headers['idempotency-key'], 'idem-sms');
    assert.equal(req.headers['user-agent'], 'baas-sms-mcp/test');
    assert.deepEqual(req.body, { ...sms(), channel_id: 1 });
    assert.equal(emulator.commitsFor('idem-sms'), 1);
  });

  it('sendMms: one POST /message/mms with subject, img_url_list and channel_id 3', async () => {
    const accepted = await client().sendMms(mms(), { idempotencyKey: 'idem-mms' });
    assert.equal(accepted.group_id, 10001);
    const [req] = emulator.requests;
    assert.equal(req.path, '/message/mms');
    assert.deepEqual(req.body, { ...mms(), channel_id: 3 });
    assert.equal((req.body as { project_id: string }).project_id, PROJECT_ID);
  });

  it('uses another path generation when given one, and keeps a base URL path prefix', async () => {
    await client({ paths: API_PREFIXED_BAAS_PATHS }).sendSms(sms(), { idempotencyKey: 'a' });
    assert.equal(emulator.requests[0].path, '/api/message/sms');
    await rejectsWith(client({ baseUrl: `${emulator.url}/gateway/` }).sendSms(sms(), { idempotencyKey: 'b' }), 'API_ERROR');
    assert.equal(emulator.requests[1].path, '/gateway/message/sms');
  });

  it('getGroupStatus: GET …/send_history/sms/{id}/messages, 전송중 until the delay, then 부분성공 with counts', async () => {
    const c = client();
    const { group_id } = await c.sendSms(sms({ recipients: [
      { phone_number: '010-1234-5678', member_code: 'a' },
      { phone_number: '010-0000-0000', member_code: 'b' },
    ] }), { idempotencyKey: 'x' });
    const early = await c.getGroupStatus(group_id);
    assert.equal(emulator.requests[1].method, 'GET');
    assert.equal(emulator.requests[1].path, `/message/send_history/sms/${group_id}/messages`);
    assert.equal(emulator.requests[1].headers['x-api-key'], '[REDACTED]');
    assert.deepEqual({ ...early, messages: undefined }, { group_id, status: '전송중', total_count: 2, success_count: 0, failed_count: 0, pending_count: 2, messages: undefined });
    clock += 1000;
    const late = await c.getGroupStatus(group_id);
    assert.equal(late.status, '부분성공');
    assert.deepEqual([late.success_count, late.failed_count, late.pending_count], [1, 1, 0]);
    assert.deepEqual(late.messages, [
      { phone: '010-1234-5678', name: 'a', status: '성공', reason: null },
      { phone: '010-0000-0000', name: 'b', status: '실패', reason: '결번' },
    ]);
  });

  const finals: Array<[string, string[], string]> = [
    ['성공 when nothing failed', ['010-1111-2222', '010-3333-4444'], '성공'],
    ['실패 when nothing succeeded', ['010-0000-0000', '010-0000-0001'], '실패'],
    ['전송중 while one is still pending', ['010-1111-2222', '010-0000-0002'], '전송중'],
  ];
  for (const [what, phones, expected] of finals) {
    it(`getGroupStatus: ${what}`, async () => {
      const c = client();
      const { group_id } = await c.sendSms(sms({ recipients: phones.map((p, i) => ({ phone_number: p, member_code: `m${i}` })) }), { idempotencyKey: `final-${phones.join(',')}` });
      clock += 1000;
      assert.equal((await c.getGroupStatus(group_id)).status, expected);
    });
  }

  it('getGroupStatus: an unknown group is GROUP_NOT_FOUND, a bad id INVALID_GROUP_ID without a request', async () => {
    const error = await rejectsWith(client().getGroupStatus(424242), 'GROUP_NOT_FOUND');
    assert.equal(error.status, 404);
    assert.equal(error.serverCode, 'RECIPIENT_NOT_FOUND');
    assert.match(error.message, /424242/);
    await rejectsWith(client().getGroupStatus(0), 'INVALID_GROUP_ID');
    await rejectsWith(client().getGroupStatus(1.5), 'INVALID_GROUP_ID');
    assert.equal(emulator.requests.length, 1);
  });
});

describe('BaasClient: the newer {result,…} envelope', () => {
  let emulator: BaasEmulator;
  before(async () => { emulator = await startEmulator({ envelope: 'result', deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  const client = () => new BaasClient({ apiKey: KEY, baseUrl: emulator.url });

  it('reads SUCCESS answers for sends and status', async () => {
    const { group_id } = await client().sendSms(sms(), { idempotencyKey: 'r1' });
    assert.equal(group_id, 10001);
    const status = await client().getGroupStatus(group_id);
    assert.equal(status.status, '성공');
  });

  it('reads FAIL answers, keeping the server code and message', async () => {
    const error = await rejectsWith(client().sendSms(sms({ callback_number: '1' }), { idempotencyKey: 'r2' }), 'API_ERROR');
    assert.equal(error.status, 422);
    assert.equal(error.serverCode, 'VALIDATION_ERROR');
    assert.equal(error.field, 'callback_number');
    assert.equal(error.outcome, 'not_sent');
  });

  it('treats HTTP 200 with result FAIL as a failure', async () => {
    emulator.setFaults({ mode: 'status', status: 200, errorCode: 'VALIDATION_ERROR', message: '입력 오류', count: 1 });
    const error = await rejectsWith(client().sendSms(sms(), { idempotencyKey: 'r3' }), 'API_ERROR');
    assert.equal(error.status, 200);
    assert.equal(error.serverCode, 'VALIDATION_ERROR');
    assert.equal(error.serverMessage, '입력 오류');
    assert.equal(error.outcome, 'not_sent');
  });
});

describe('BaasClient: body', () => {
  let emulator: BaasEmulator;
  before(async () => { emulator = await startEmulator({ deliveryDelayMs: 0 }); });
  after(() => emulator.close());

  it('sends exactly the API fields, whatever else the caller passes', async () => {
    const extra = { ...mms(), preview: { cost: 1 }, recipients: [{ phone_number: '010-1234-5678', member_code: 'u', note: 'x' }] };
    await new BaasClient({ apiKey: KEY, baseUrl: emulator.url }).sendMms(extra, { idempotencyKey: 'f' });
    assert.deepEqual(Object.keys(emulator.requests[0].body as Record<string, unknown>).sort(), ['callback_number', 'channel_id', 'img_url_list', 'message', 'project_id', 'recipients', 'subject']);
    assert.deepEqual((emulator.requests[0].body as { recipients: unknown[] }).recipients, [{ phone_number: '010-1234-5678', member_code: 'u' }]);
  });
});
