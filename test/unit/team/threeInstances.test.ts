// Three built servers (dist/server.js) on one PostgreSQL ledger, as a team's instances on three
// machines would be: 1,000 concurrent send_sms calls over 100 idempotency keys, against the emulator
// with faults on, reach the API exactly once per key and leave no send unrecorded; a daily cap of N
// recipients lets exactly N through across the three.
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { postgresDatabase } from '../../support/postgres';
import type { RawStdioSession } from '../../support/reliability/builtServer';
import { API_KEY, sendSms, startServer, type SendAnswer } from './servers';

async function ledgerRows(url: string): Promise<Array<{ key: string; outcome: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ key: string; outcome: string }>("SELECT send->>'idempotency_key' AS key, outcome FROM baas_sms_sends")).rows;
  } finally {
    await client.end();
  }
}

describe('three server instances on one PostgreSQL ledger (built stdio servers, emulator with faults)', function () {
  this.timeout(180_000);
  let emulator: BaasEmulator;
  let servers: RawStdioSession[] = [];
  beforeEach(async () => { emulator = await startEmulator({ apiKey: API_KEY, deliveryDelayMs: 50 }); });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    await emulator.close();
  });

  it('1,000 concurrent calls with 100 distinct keys: the API accepts exactly 100, every one recorded', async () => {
    const url = await postgresDatabase('three');
    servers = await Promise.all([0, 1, 2].map(() => startServer(emulator.url, { url }, { BAAS_MAX_RECIPIENTS_PER_DAY: '100000' })));
    // Faults a real API and network show: slow answers, refusals that commit nothing (503, retried by
    // the client with the same key, or failed and free to go again), and lost answers after a commit (500).
    emulator.setFaults([
      { mode: 'latency', latencyMs: 30, count: 300 },
      { mode: 'status', status: 503, count: 40 },
      { mode: 'status', status: 500, count: 15 },
    ]);
    const keys = Array.from({ length: 100 }, (_, i) => `team-key-${i}`);
    const calls: Array<Promise<SendAnswer & { key: string }>> = [];
    for (let i = 0; i < 1000; i++) {
      const key = keys[i % 100];
      calls.push(sendSms(servers[i % 3], { idempotency_key: key, message: `team message ${key}` }, 120_000).then((a) => ({ ...a, key })));
    }
    const answers = await Promise.all(calls);

    // A key whose every call met a 503 may never have been sent; call those again, calmly.
    emulator.setFaults(null);
    for (const key of keys.filter((k) => emulator.commitsFor(k) === 0)) await sendSms(servers[0], { idempotency_key: key, message: `team message ${key}` });

    assert.equal(emulator.committedSends(), 100, 'exactly one accepted request per key');
    for (const key of keys) assert.equal(emulator.commitsFor(key), 1, key);
    const unexpected = answers.filter((a) => a.isError && !['OUTCOME_UNKNOWN', 'SERVICE_UNAVAILABLE'].includes(a.code ?? ''));
    assert.deepEqual(unexpected.map((a) => a.text), []);

    const rows = await ledgerRows(url);
    assert.equal(rows.filter((r) => r.outcome === 'pending').length, 0, 'every send settled');
    for (const key of keys) {
      const live = rows.filter((r) => r.key === key && r.outcome !== 'failed');
      assert.equal(live.length, 1, `${key}: one send that may have gone out, recorded (got ${live.map((r) => r.outcome).join(',')})`);
    }
  });

  it('a daily cap of 25 recipients lets exactly 25 of 90 concurrent sends through across the three', async () => {
    const url = await postgresDatabase('cap');
    servers = await Promise.all([0, 1, 2].map(() => startServer(emulator.url, { url }, { BAAS_MAX_RECIPIENTS_PER_DAY: '25' })));
    const answers = await Promise.all(Array.from({ length: 90 }, (_, i) => sendSms(servers[i % 3], { idempotency_key: `cap-${i}`, message: `cap ${i}` })));
    assert.equal(answers.filter((a) => !a.isError).length, 25);
    assert.equal(answers.filter((a) => a.code === 'SPEND_LIMIT_EXCEEDED').length, 65);
    assert.equal(emulator.committedSends(), 25);
  });
});
