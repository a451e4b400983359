// The emulator's API surface over real HTTP: paths, the key check, validation, group ids, delivery
// over (injected) time, the deterministic test numbers and both envelopes.
import { strict as assert } from 'node:assert';
import { startEmulator, EMULATOR_TEST_NUMBERS, type BaasEmulator } from '../../../src/emulator/emulator';
import { mmsBody, PROJECT_ID, request, smsBody } from './http';

describe('emulator: API', () => {
  let emulator: BaasEmulator;
  let clock = 0;
  beforeEach(async () => {
    clock = 1_000_000;
    emulator = await startEmulator({ deliveryDelayMs: 1500, now: () => clock });
  });
  afterEach(() => emulator.close());

  it('listens on 127.0.0.1 on a free port', () => {
    assert.equal(emulator.host, '127.0.0.1');
    assert.ok(emulator.port > 0);
    assert.equal(emulator.url, `http://127.0.0.1:${emulator.port}`);
  });

  for (const path of ['/message/sms', '/api/message/sms']) {
    it(`accepts an SMS on POST ${path} and hands out increasing group ids`, async () => {
      const first = await request(emulator.url, 'POST', path, { body: smsBody() });
      const second = await request(emulator.url, 'POST', path, { body: smsBody() });
      assert.equal(first.status, 200);
      assert.deepEqual(first.body, { success: true, message: first.body.message, data: { group_id: 10001 } });
      assert.equal(second.body.data.group_id, 10002);
      assert.equal(emulator.committedSends(), 2);
    });
  }

  for (const path of ['/message/mms', '/api/message/mms']) {
    it(`accepts an MMS on POST ${path}`, async () => {
      const answer = await request(emulator.url, 'POST', path, { body: mmsBody() });
      assert.equal(answer.status, 200);
      assert.equal(emulator.commits()[0].channel, 'mms');
      assert.equal(emulator.commits()[0].path, path);
    });
  }

  it('starts group ids at firstGroupId', async () => {
    const other = await startEmulator({ firstGroupId: 5000 });
    try {
      const answer = await request(other.url, 'POST', '/message/sms', { body: smsBody() });
      assert.equal(answer.body.data.group_id, 5000);
    } finally {
      await other.close();
    }
  });

  it('takes the key from X-API-KEY or Authorization: Bearer, and refuses neither with 401', async () => {
    assert.equal((await request(emulator.url, 'POST', '/message/sms', { key: 'k', body: smsBody() })).status, 200);
    assert.equal((await request(emulator.url, 'POST', '/message/sms', { key: null, bearer: 'k', body: smsBody() })).status, 200);
    const none = await request(emulator.url, 'POST', '/message/sms', { key: null, body: smsBody() });
    assert.equal(none.status, 401);
    assert.equal(none.body.success, false);
    assert.equal(none.body.error_code, 'AUTHENTICATION_FAILED');
    const empty = await request(emulator.url, 'POST', '/message/sms', { key: '', bearer: '', body: smsBody() });
    assert.equal(empty.status, 401);
    assert.equal(emulator.committedSends(), 2);
  });

  it('accepts only the configured key when apiKey is set, on sends and status reads', async () => {
    const strict = await startEmulator({ apiKey: 'the-key' });
    try {
      assert.equal((await request(strict.url, 'POST', '/message/sms', { key: 'other', body: smsBody() })).status, 401);
      assert.equal((await request(strict.url, 'GET', '/message/send_history/sms/10001/messages', { key: 'other' })).status, 401);
      const ok = await request(strict.url, 'POST', '/message/sms', { key: null, bearer: 'the-key', body: smsBody() });
      assert.equal(ok.status, 200);
      assert.equal(strict.committedSends(), 1);
    } finally {
      await strict.close();
    }
  });

  it('answers 400 BAD_REQUEST for a body that is not JSON, and commits nothing', async () => {
    const answer = await request(emulator.url, 'POST', '/message/sms', { raw: '{"recipients": [' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_code, 'BAD_REQUEST');
    assert.equal(emulator.committedSends(), 0);
  });

  const invalid: Array<[string, Record<string, unknown>, string, 'sms' | 'mms']> = [
    ['no recipients', { recipients: [] }, 'recipients', 'sms'],
    ['1001 recipients', { recipients: Array.from({ length: 1001 }, (_, i) => ({ phone_number: `010-1000-${String(i).padStart(4, '0')}`, member_code: 'm' })) }, 'recipients', 'sms'],
    ['a phone without hyphens', { recipients: [{ phone_number: '01012345678', member_code: 'm' }] }, 'recipients[0].phone_number', 'sms'],
    ['a landline recipient', { recipients: [{ phone_number: '02-1234-5678', member_code: 'm' }] }, 'recipients[0].phone_number', 'sms'],
    ['no member code', { recipients: [{ phone_number: '010-1234-5678' }] }, 'recipients[0].member_code', 'sms'],
    ['a bad callback number', { callback_number: '12345' }, 'callback_number', 'sms'],
    ['an empty message', { message: '' }, 'message', 'sms'],
    ['2001 characters', { message: '가'.repeat(2001) }, 'message', 'sms'],
    ['a project id that is not a UUID', { project_id: 'project-1' }, 'project_id', 'sms'],
    ['channel 3 on the SMS path', { channel_id: 3 }, 'channel_id', 'sms'],
    ['channel 1 on the MMS path', { channel_id: 1 }, 'channel_id', 'mms'],
    ['a 41-character subject', { subject: 'a'.repeat(41) }, 'subject', 'mms'],
    ['six images', { img_url_list: Array.from({ length: 6 }, (_, i) => `https://e.com/${i}.jpg`) }, 'img_url_list', 'mms'],
    ['an image that is not a URL', { img_url_list: ['a.jpg'] }, 'img_url_list[0]', 'mms'],
  ];
  for (const [what, overrides, field, channel] of invalid) {
    it(`refuses ${what} with 422 VALIDATION_ERROR naming ${field}`, async () => {
      const body = channel === 'sms' ? smsBody(overrides) : mmsBody(overrides);
      const answer = await request(emulator.url, 'POST', `/message/${channel}`, { body });
      assert.equal(answer.status, 422);
      assert.equal(answer.body.error_code, 'VALIDATION_ERROR');
      assert.ok(answer.body.detail.some((d: { field: string; reason: string }) => d.field === field && d.reason), JSON.stringify(answer.body.detail));
      assert.equal(emulator.committedSends(), 0);
    });
  }

  it('accepts the limits themselves: 1000 recipients, 2000 characters, 40-character subject, 5 images, no project id', async () => {
    const recipients = Array.from({ length: 1000 }, (_, i) => ({ phone_number: `010-2000-${String(i).padStart(4, '0')}`, member_code: `m${i}` }));
    const body = mmsBody({ recipients, message: '가'.repeat(2000), subject: 'a'.repeat(40), img_url_list: Array.from({ length: 5 }, (_, i) => `https://e.com/${i}.jpg`), project_id: undefined });
    const answer = await request(emulator.url, 'POST', '/message/mms', { body });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  });

  it('moves recipients from 전송중 to 성공/실패 after the delay, with the documented test numbers', async () => {
    const recipients = ['010-1234-5678', ...Object.keys(EMULATOR_TEST_NUMBERS)].map((phone, i) => ({ phone_number: phone, member_code: `m${i}` }));
    const sent = await request(emulator.url, 'POST', '/message/sms', { body: smsBody({ recipients }) });
    const path = `/message/send_history/sms/${sent.body.data.group_id}/messages`;
    const results = async (): Promise<string[]> => (await request(emulator.url, 'GET', path)).body.data.map((r: { result: string; reason: string | null }) => `${r.result}${r.reason ? `:${r.reason}` : ''}`);

    assert.deepEqual(await results(), ['전송중', '전송중', '전송중', '전송중']);
    clock += 1499;
    assert.deepEqual(await results(), ['전송중', '전송중', '전송중', '전송중']);
    clock += 1;
    assert.deepEqual(await results(), ['성공', '실패:결번', '실패:수신거부', '전송중']);
    clock += 1500 * 9 - 1;
    assert.equal((await results())[3], '전송중');
    clock += 1;
    assert.deepEqual(await results(), ['성공', '실패:결번', '실패:수신거부', '성공']);
    const row = (await request(emulator.url, 'GET', path)).body.data[0];
    assert.deepEqual(row, { phone: '010-1234-5678', name: 'm0', result: '성공', reason: null });
  });

  it('answers 404 RECIPIENT_NOT_FOUND for an unknown group and 422 for a group id that is not a number', async () => {
    const unknown = await request(emulator.url, 'GET', '/message/send_history/sms/999/messages');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error_code, 'RECIPIENT_NOT_FOUND');
    const bad = await request(emulator.url, 'GET', '/message/send_history/sms/abc/messages');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.detail[0].field, 'group_id');
  });

  it('answers 404 for unknown paths and 405 for the wrong method', async () => {
    assert.equal((await request(emulator.url, 'GET', '/message/history')).status, 404);
    const wrong = await request(emulator.url, 'GET', '/message/sms');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.allow, 'POST');
  });

  it('records each request with both auth headers redacted and the Idempotency-Key per commit', async () => {
    const key = 'sk-live-abcdef123456';
    await request(emulator.url, 'POST', '/message/sms', { key, bearer: key, headers: { 'idempotency-key': 'idem-1' }, body: smsBody() });
    await request(emulator.url, 'POST', '/message/sms', { key, headers: { 'idempotency-key': 'idem-1' }, body: smsBody() });
    const [first] = emulator.requests;
    assert.equal(first.method, 'POST');
    assert.equal(first.path, '/message/sms');
    assert.equal(first.headers['x-api-key'], '[REDACTED]');
    assert.equal(first.headers.authorization, 'Bearer [REDACTED]');
    assert.equal(first.headers['idempotency-key'], 'idem-1');
    assert.deepEqual(first.body, smsBody());
    assert.ok(!JSON.stringify(emulator.requests).includes(key));
    assert.equal(emulator.commitsFor('idem-1'), 2);
    assert.equal(emulator.commitsFor('other'), 0);
    assert.equal(emulator.commits()[0].project_id, PROJECT_ID);
  });

  it('reset() forgets sends, groups and requests and restarts group ids', async () => {
    await request(emulator.url, 'POST', '/message/sms', { body: smsBody() });
    emulator.reset();
    assert.equal(emulator.committedSends(), 0);
    assert.equal(emulator.requests.length, 0);
    assert.equal((await request(emulator.url, 'GET', '/message/send_history/sms/10001/messages')).status, 404);
    assert.equal((await request(emulator.url, 'POST', '/message/sms', { body: smsBody() })).body.data.group_id, 10001);
  });
});

describe('emulator: result envelope', () => {
  let emulator: BaasEmulator;
  before(async () => { emulator = await startEmulator({ envelope: 'result', deliveryDelayMs: 0 }); });
  after(() => emulator.close());

  it('answers {result, data, message} on success', async () => {
    const answer = await request(emulator.url, 'POST', '/message/sms', { body: smsBody() });
    assert.equal(answer.body.result, 'SUCCESS');
    assert.equal(typeof answer.body.data.group_id, 'number');
    assert.equal(typeof answer.body.message, 'string');
    assert.equal('success' in answer.body, false);
    const status = await request(emulator.url, 'GET', `/message/send_history/sms/${answer.body.data.group_id}/messages`);
    assert.equal(status.body.result, 'SUCCESS');
    assert.equal(status.body.data[0].result, '성공');
  });

  it('answers {result:"FAIL", errorCode, message} on failure', async () => {
    const answer = await request(emulator.url, 'POST', '/message/sms', { key: null, body: smsBody() });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.result, 'FAIL');
    assert.equal(answer.body.errorCode, 'AUTHENTICATION_FAILED');
    const invalid = await request(emulator.url, 'POST', '/message/sms', { body: smsBody({ message: '' }) });
    assert.equal(invalid.body.errorCode, 'VALIDATION_ERROR');
    assert.equal(invalid.body.detail[0].field, 'message');
  });
});

describe('emulator: bounded memory (as the sandbox runs it)', () => {
  it('with maxGroups, forgets the oldest groups (404) and keeps the newest', async () => {
    const emulator = await startEmulator({ maxGroups: 2 });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await request(emulator.url, 'POST', '/message/sms', { body: smsBody() })).body.data.group_id);
      const status = async (id: number) => (await request(emulator.url, 'GET', `/message/send_history/sms/${id}/messages`)).status;
      assert.deepEqual([await status(ids[0]), await status(ids[1]), await status(ids[2])], [404, 200, 200]);
      assert.deepEqual(emulator.commits().map((c) => c.group_id), ids.slice(1));
      assert.equal(emulator.committedSends(), 3);
    } finally {
      await emulator.close();
    }
  });

  it('with recordRequests: false, keeps no request log', async () => {
    const emulator = await startEmulator({ recordRequests: false });
    try {
      assert.equal((await request(emulator.url, 'POST', '/message/sms', { body: smsBody() })).status, 200);
      assert.equal(emulator.requests.length, 0);
      assert.equal(emulator.committedSends(), 1);
    } finally {
      await emulator.close();
    }
  });
});
