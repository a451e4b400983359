// The /__emulator/ control endpoints, which drive an emulator running in another process.
import { strict as assert } from 'node:assert';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { request, smsBody } from './http';

describe('emulator: HTTP control endpoints', () => {
  let emulator: BaasEmulator;
  beforeEach(async () => { emulator = await startEmulator({ apiKey: 'secret-key-123' }); });
  afterEach(() => emulator.close());
  const control = (method: string, name: string, body?: unknown) => request(emulator.url, method, `/__emulator/${name}`, { key: null, body });
  const send = (idem?: string) => request(emulator.url, 'POST', '/message/sms', { key: 'secret-key-123', headers: idem ? { 'idempotency-key': idem } : {}, body: smsBody() });

  it('PUT /faults sets plans that then apply, GET /faults lists them with remaining counts, DELETE clears', async () => {
    const set = await control('PUT', 'faults', [{ mode: 'rate_limit', count: 2, retryAfterSeconds: 0 }]);
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.faults, [{ mode: 'rate_limit', count: 2, retryAfterSeconds: 0, remaining: 2 }]);
    assert.equal((await send()).status, 429);
    assert.equal((await control('GET', 'faults')).body.faults[0].remaining, 1);
    assert.equal((await control('DELETE', 'faults')).status, 200);
    assert.equal((await send()).status, 200);
  });

  it('POST /faults takes a single plan too, and 400 names a malformed one', async () => {
    assert.equal((await control('POST', 'faults', { mode: 'drop_after_commit', count: 1 })).status, 200);
    await assert.rejects(send('a'));
    assert.equal(emulator.commitsFor('a'), 1);
    const bad = await control('PUT', 'faults', { mode: 'nope' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /mode/);
  });

  it('GET /state and /commits report committed sends, per Idempotency-Key too', async () => {
    await send('key-1');
    await send('key-1');
    await send('key-2');
    const state = await control('GET', 'state');
    assert.equal(state.body.committed_sends, 3);
    assert.equal(state.body.next_group_id, 10004);
    const commits = await request(emulator.url, 'GET', '/__emulator/commits?idempotency_key=key-1', { key: null });
    assert.equal(commits.body.idempotency_key_commits, 2);
    assert.equal(commits.body.commits.length, 3);
    assert.equal(commits.body.commits[2].idempotency_key, 'key-2');
  });

  it('GET /requests returns the log without the key; control calls are not logged', async () => {
    await send();
    const log = await control('GET', 'requests');
    assert.equal(log.body.requests.length, 1);
    assert.equal(log.body.requests[0].path, '/message/sms');
    assert.ok(!JSON.stringify(log.body).includes('secret-key-123'));
  });

  it('POST /reset forgets everything', async () => {
    await send();
    await control('PUT', 'faults', { mode: 'status', status: 503 });
    assert.equal((await control('POST', 'reset')).status, 200);
    assert.equal(emulator.committedSends(), 0);
    assert.equal((await control('GET', 'faults')).body.faults.length, 0);
    assert.equal((await send()).body.data.group_id, 10001);
  });

  it('answers 404 for an unknown control endpoint, and can be switched off', async () => {
    assert.equal((await control('GET', 'nothing')).status, 404);
    const quiet = await startEmulator({ controlEndpoints: false });
    try {
      const answer = await request(quiet.url, 'GET', '/__emulator/state', { key: 'k' });
      assert.equal(answer.status, 404);
      assert.equal(answer.body.error_code, 'NOT_FOUND');
    } finally {
      await quiet.close();
    }
  });
});
