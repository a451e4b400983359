// Fault injection over real HTTP: each mode's answer and whether it committed the send, counts,
// matching, latency combined with another fault, and malformed plans.
import { strict as assert } from 'node:assert';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { parseFaultPlans } from '../../../src/emulator/faults';
import { request, smsBody } from './http';

const STATUS_PATH = '/message/send_history/sms/10001/messages';

describe('emulator: fault injection', () => {
  let emulator: BaasEmulator;
  beforeEach(async () => { emulator = await startEmulator({ deliveryDelayMs: 0 }); });
  afterEach(() => emulator.close());
  const send = (headers: Record<string, string> = {}) => request(emulator.url, 'POST', '/message/sms', { headers, body: smsBody() });

  it('latency (commit before, the default) delays the answer of a send that is already committed', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 150 });
    const started = Date.now();
    const answer = await send();
    assert.ok(Date.now() - started >= 140);
    assert.equal(answer.status, 200);
    assert.equal(emulator.committedSends(), 1);
  });

  it('latency commit:before has committed while the client is still waiting', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 300 });
    const pending = send();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(emulator.committedSends(), 1);
    await pending;
  });

  it('latency commit:after commits only after the wait', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 300, commit: 'after' });
    const pending = send();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(emulator.committedSends(), 0);
    assert.equal((await pending).status, 200);
    assert.equal(emulator.committedSends(), 1);
  });

  it('latency commit:never waits, then drops the connection without committing', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 50, commit: 'never' });
    await assert.rejects(send(), /socket hang up|ECONNRESET/);
    assert.equal(emulator.committedSends(), 0);
  });

  for (const status of [500, 502, 504]) {
    it(`status ${status} is answered after the send is committed`, async () => {
      emulator.setFaults({ mode: 'status', status });
      const answer = await send({ 'idempotency-key': 'k1' });
      assert.equal(answer.status, status);
      assert.equal(answer.body.success, false);
      assert.equal(answer.body.error_code, 'EXTERNAL_SERVER_ERROR');
      assert.equal(emulator.commitsFor('k1'), 1);
    });
  }

  it('status 503 is answered without committing', async () => {
    emulator.setFaults({ mode: 'status', status: 503 });
    const answer = await send();
    assert.equal(answer.status, 503);
    assert.equal(answer.body.error_code, 'SERVICE_UNAVAILABLE');
    assert.equal(emulator.committedSends(), 0);
  });

  it('status with a custom code and message, even HTTP 200, commits nothing', async () => {
    emulator.setFaults({ mode: 'status', status: 200, errorCode: 'INVALID_PHONE_NUMBER', message: '번호 오류' });
    const answer = await send();
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { success: false, message: '번호 오류', error_code: 'INVALID_PHONE_NUMBER' });
    assert.equal(emulator.committedSends(), 0);
  });

  it('a committing status on an invalid send gives the ordinary validation error and commits nothing', async () => {
    emulator.setFaults({ mode: 'status', status: 500 });
    const answer = await request(emulator.url, 'POST', '/message/sms', { body: smsBody({ message: '' }) });
    assert.equal(answer.status, 422);
    assert.equal(emulator.committedSends(), 0);
  });

  it('rate_limit answers 429 with Retry-After and commits nothing', async () => {
    emulator.setFaults({ mode: 'rate_limit', retryAfterSeconds: 7 });
    const answer = await send();
    assert.equal(answer.status, 429);
    assert.equal(answer.headers['retry-after'], '7');
    assert.equal(answer.body.error_code, 'RATE_LIMIT_EXCEEDED');
    assert.equal(emulator.committedSends(), 0);
  });

  it('drop_before_commit closes the connection and commits nothing', async () => {
    emulator.setFaults({ mode: 'drop_before_commit' });
    await assert.rejects(send(), /socket hang up|ECONNRESET/);
    assert.equal(emulator.committedSends(), 0);
  });

  it('drop_after_commit commits, then closes the connection without an answer', async () => {
    emulator.setFaults({ mode: 'drop_after_commit' });
    await assert.rejects(send({ 'idempotency-key': 'k2' }), /socket hang up|ECONNRESET/);
    assert.equal(emulator.commitsFor('k2'), 1);
  });

  it('count limits a plan to that many matching requests', async () => {
    emulator.setFaults({ mode: 'status', status: 503, count: 2 });
    assert.deepEqual([(await send()).status, (await send()).status, (await send()).status], [503, 503, 200]);
    assert.equal(emulator.committedSends(), 1);
  });

  it("match 'send' (default) leaves status reads alone; 'status' and 'all' reach them", async () => {
    await send();
    emulator.setFaults({ mode: 'status', status: 503 });
    assert.equal((await request(emulator.url, 'GET', STATUS_PATH)).status, 200);
    emulator.setFaults({ mode: 'status', status: 502, match: 'status', count: 1 });
    assert.equal((await send()).status, 200);
    assert.equal((await request(emulator.url, 'GET', STATUS_PATH)).status, 502);
    emulator.setFaults({ mode: 'rate_limit', match: 'all' });
    assert.equal((await send()).status, 429);
    assert.equal((await request(emulator.url, 'GET', STATUS_PATH)).status, 429);
  });

  it('a latency plan and another plan apply together: wait, then the other decides', async () => {
    emulator.setFaults([{ mode: 'latency', latencyMs: 120 }, { mode: 'drop_before_commit' }]);
    const started = Date.now();
    await assert.rejects(send());
    assert.ok(Date.now() - started >= 110);
    assert.equal(emulator.committedSends(), 0);
  });

  it('setFaults(null) clears the plans', async () => {
    emulator.setFaults({ mode: 'status', status: 503 });
    emulator.setFaults(null);
    assert.equal((await send()).status, 200);
  });

  it('close() cuts pending latency short', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 60_000 });
    const pending = send().catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await emulator.close();
    assert.ok(Date.now() - started < 2000);
    assert.ok((await pending) instanceof Error);
  });

  it('refuses malformed plans with the field named', () => {
    assert.throws(() => parseFaultPlans({ mode: 'explode' }), /faults\[0\]\.mode/);
    assert.throws(() => parseFaultPlans([{ mode: 'latency' }, { mode: 'latency', latencyMs: -1 }]), /faults\[1\]\.latencyMs/);
    assert.throws(() => parseFaultPlans({ mode: 'status', status: 99 }), /status/);
    assert.throws(() => parseFaultPlans({ mode: 'status', match: 'everything' }), /match/);
    assert.throws(() => emulator.setFaults({ mode: 'latency', commit: 'sometimes' } as never), /commit/);
    assert.deepEqual(parseFaultPlans(null), []);
  });
});
