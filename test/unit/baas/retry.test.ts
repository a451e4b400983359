// The retry policy, proven by the emulator's committed-send count: a send is retried only where the
// server said it did not process it (429, 503) or the connection never opened; never after a
// timeout, a reset or a 5xx that may hide a committed send. Every retry carries the same key.
import { strict as assert } from 'node:assert';
import { BaasClient, type BaasClientOptions } from '../../../src/baas/client';
import type { Logger } from '../../../src/core/logger';
import { startEmulator, type BaasEmulator, type FaultPlan } from '../../../src/emulator/emulator';
import { refusedPort, rejectsWith, sms } from './fixture';

const KEY = 'retry-test-key-0001';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string): void => void lines.push(m);
  return { lines, debug: push, info: push, warn: push, error: push };
}

describe('BaasClient: retry policy', () => {
  let emulator: BaasEmulator;
  before(async () => { emulator = await startEmulator({ deliveryDelayMs: 0 }); });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  const client = (extra: Partial<BaasClientOptions> = {}) => new BaasClient({ apiKey: KEY, baseUrl: emulator.url, retryBaseDelayMs: 5, ...extra });
  const keysSeen = (): unknown[] => emulator.requests.map((r) => r.headers['idempotency-key']);

  it('retries a 429 after its Retry-After, with the same Idempotency-Key, and commits once', async () => {
    emulator.setFaults({ mode: 'rate_limit', retryAfterSeconds: 1, count: 1 });
    const started = Date.now();
    const accepted = await client().sendSms(sms(), { idempotencyKey: 'rl-1' });
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After: 1');
    assert.equal(accepted.group_id, 10001);
    assert.deepEqual(keysSeen(), ['rl-1', 'rl-1']);
    assert.equal(emulator.commitsFor('rl-1'), 1);
    assert.equal(emulator.committedSends(), 1);
  });

  it('retries 503 (not processed) up to maxRetries, then succeeds: committed once', async () => {
    emulator.setFaults({ mode: 'status', status: 503, count: 2 });
    await client().sendSms(sms(), { idempotencyKey: 'su-1' });
    assert.deepEqual(keysSeen(), ['su-1', 'su-1', 'su-1']);
    assert.equal(emulator.committedSends(), 1);
  });

  it('gives up after maxRetries: RATE_LIMITED with retryAfter, not sent, nothing committed', async () => {
    emulator.setFaults({ mode: 'rate_limit', retryAfterSeconds: 0 });
    const error = await rejectsWith(client().sendSms(sms(), { idempotencyKey: 'rl-2' }), 'RATE_LIMITED');
    assert.equal(error.params.retryAfter, 0);
    assert.equal(error.status, 429);
    assert.equal(error.serverCode, 'RATE_LIMIT_EXCEEDED');
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.requests.length, 3);
    assert.equal(emulator.committedSends(), 0);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: RATE_LIMITED at once', async () => {
    emulator.setFaults({ mode: 'rate_limit', retryAfterSeconds: 60 });
    const started = Date.now();
    const error = await rejectsWith(client({ maxRetryAfterMs: 5000 }).sendSms(sms(), { idempotencyKey: 'rl-3' }), 'RATE_LIMITED');
    assert.ok(Date.now() - started < 1000);
    assert.equal(error.params.retryAfter, 60);
    assert.equal(emulator.requests.length, 1);
  });

  it('503 to the end is SERVICE_UNAVAILABLE with status 503, not sent', async () => {
    emulator.setFaults({ mode: 'status', status: 503 });
    const error = await rejectsWith(client().sendSms(sms(), { idempotencyKey: 'su-2' }), 'SERVICE_UNAVAILABLE');
    assert.equal(error.status, 503);
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.requests.length, 3);
  });

  it('maxRetries: 0 never retries', async () => {
    emulator.setFaults({ mode: 'status', status: 503 });
    await rejectsWith(client({ maxRetries: 0 }).sendSms(sms(), { idempotencyKey: 'z' }), 'SERVICE_UNAVAILABLE');
    assert.equal(emulator.requests.length, 1);
  });

  const noRetry: Array<[string, FaultPlan, string, 0 | 1]> = [
    ['HTTP 500', { mode: 'status', status: 500 }, 'OUTCOME_UNKNOWN', 1],
    ['HTTP 502', { mode: 'status', status: 502 }, 'OUTCOME_UNKNOWN', 1],
    ['HTTP 504', { mode: 'status', status: 504 }, 'OUTCOME_UNKNOWN', 1],
    ['a drop after the commit', { mode: 'drop_after_commit' }, 'OUTCOME_UNKNOWN', 1],
    ['a drop before the commit', { mode: 'drop_before_commit' }, 'OUTCOME_UNKNOWN', 0],
    ['a timeout', { mode: 'latency', latencyMs: 800 }, 'TIMEOUT', 1],
  ];
  for (const [what, plan, code, committed] of noRetry) {
    it(`never retries a send after ${what}: one request, ${committed} committed, outcome unknown`, async () => {
      emulator.setFaults(plan);
      const error = await rejectsWith(client({ timeoutMs: 200 }).sendSms(sms(), { idempotencyKey: 'nr' }), code as never);
      assert.equal(error.outcome, 'unknown');
      assert.equal(emulator.requests.length, 1);
      assert.equal(emulator.commitsFor('nr'), committed);
    });
  }

  it('retries a refused connection (never reached anyone), then reports NETWORK_ERROR not sent', async () => {
    const logger = recordingLogger();
    const port = await refusedPort();
    const error = await rejectsWith(new BaasClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, retryBaseDelayMs: 5, logger }).sendSms(sms(), { idempotencyKey: 'cr' }), 'NETWORK_ERROR');
    assert.equal(error.outcome, 'not_sent');
    assert.equal(logger.lines.filter((l) => /refused, retrying/.test(l)).length, 2);
  });

  it('a refused connection that comes up in time succeeds on a retry', async () => {
    const port = await refusedPort();
    const late = new BaasClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, retryBaseDelayMs: 150 });
    const pending = late.sendSms(sms(), { idempotencyKey: 'late' });
    const other = await startEmulator({ port, deliveryDelayMs: 0 });
    try {
      assert.equal((await pending).group_id, 10001);
      assert.equal(other.commitsFor('late'), 1);
    } finally {
      await other.close();
    }
  });

  it('cancellation while waiting to retry is CANCELLED, not sent', async () => {
    emulator.setFaults({ mode: 'rate_limit', retryAfterSeconds: 2 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejectsWith(client().sendSms(sms(), { idempotencyKey: 'cw', signal: controller.signal }), 'CANCELLED');
    assert.equal(error.outcome, 'not_sent');
    assert.equal(emulator.committedSends(), 0);
  });

  it('status reads (no effect) are retried after 5xx and a dropped connection too', async () => {
    const c = client();
    const { group_id } = await c.sendSms(sms(), { idempotencyKey: 'st' });
    emulator.setFaults([{ mode: 'status', status: 502, match: 'status', count: 1 }, { mode: 'drop_after_commit', match: 'status', count: 1 }]);
    // Only one non-latency plan applies per request: the 502 first, then the drop, then a clean answer.
    const status = await c.getGroupStatus(group_id);
    assert.equal(status.status, '성공');
    assert.equal(emulator.requests.filter((r) => r.method === 'GET').length, 3);
  });

  it('status reads give up after maxRetries with the last error', async () => {
    emulator.setFaults({ mode: 'status', status: 500, match: 'status' });
    const error = await rejectsWith(client().getGroupStatus(10001), 'API_ERROR');
    assert.equal(error.status, 500);
    assert.equal(emulator.requests.length, 3);
  });
});
