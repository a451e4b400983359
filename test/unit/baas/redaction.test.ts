// The API key never appears in anything an error carries: message, JSON, describe() in both
// languages, stack, cause chain, util.inspect; nor in the client object or its log lines. The
// server is made to echo the key back (raw, base64, URL-encoded) to prove the client cuts it out.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { BaasClient, type BaasClientOptions } from '../../../src/baas/client';
import { BaasSmsError } from '../../../src/core/errors';
import type { Logger } from '../../../src/core/logger';
import { secretForms } from '../../../src/core/redact';
import { startEmulator, type BaasEmulator, type FaultPlan } from '../../../src/emulator/emulator';
import { refusedPort, sms } from './fixture';

const KEY = `canary-${randomBytes(12).toString('hex')}`;
const FORMS = secretForms(KEY);

function everythingIn(error: BaasSmsError): string {
  const parts = [error.message, JSON.stringify(error), JSON.stringify(error.describe('ko')), JSON.stringify(error.describe('en')), String(error.stack), inspect(error, { depth: 10 })];
  for (let cause: unknown = error.cause; cause; cause = (cause as { cause?: unknown }).cause) {
    parts.push(String((cause as Error).message), String((cause as Error).stack), inspect(cause, { depth: 10 }), JSON.stringify(cause));
  }
  return parts.join('\n');
}

function assertClean(text: string, what: string): void {
  for (const form of FORMS) assert.ok(!text.includes(form), `${what} contains the key (form ${JSON.stringify(form)})`);
}

describe('BaasClient: the API key never leaks', () => {
  let emulator: BaasEmulator;
  const lines: string[] = [];
  const logger: Logger = { debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  before(async () => { emulator = await startEmulator({ deliveryDelayMs: 0, logger }); });
  after(() => {
    assertClean(lines.join('\n'), 'the log');
    assertClean(JSON.stringify(emulator.requests), "the emulator's request log");
    return emulator.close();
  });
  beforeEach(() => emulator.reset());
  const client = (extra: Partial<BaasClientOptions> = {}) => new BaasClient({ apiKey: KEY, baseUrl: emulator.url, retryBaseDelayMs: 1, timeoutMs: 150, logger, ...extra });
  const echo = `key ${KEY} / ${Buffer.from(KEY).toString('base64')} / ${encodeURIComponent(KEY)}`;

  const faults: Array<[string, FaultPlan | null, 'send' | 'status']> = [
    ['401 echoing the key', { mode: 'status', status: 401, errorCode: `AUTH_${KEY}`, message: echo, match: 'all' }, 'send'],
    ['422 with the key in detail', { mode: 'status', status: 422, errorCode: 'VALIDATION_ERROR', message: echo, detail: [{ field: KEY, reason: echo }] }, 'send'],
    ['200 success:false echoing the key', { mode: 'status', status: 200, message: echo }, 'send'],
    ['429 echoing the key', { mode: 'rate_limit', retryAfterSeconds: 0, message: echo }, 'send'],
    ['503 echoing the key', { mode: 'status', status: 503, message: echo }, 'send'],
    ['500 echoing the key', { mode: 'status', status: 500, message: echo }, 'send'],
    ['drop after commit', { mode: 'drop_after_commit' }, 'send'],
    ['drop before commit', { mode: 'drop_before_commit' }, 'send'],
    ['timeout', { mode: 'latency', latencyMs: 1000 }, 'send'],
    ['status 404', null, 'status'],
    ['status 500 echoing the key', { mode: 'status', status: 500, message: echo, match: 'status' }, 'status'],
  ];
  for (const [what, plan, call] of faults) {
    it(`${what}: no key in the error`, async () => {
      emulator.setFaults(plan);
      const c = client();
      const error = await (call === 'send' ? c.sendSms(sms(), { idempotencyKey: 'r' }) : c.getGroupStatus(987654)).then(() => assert.fail('should fail'), (e: unknown) => e);
      assert.ok(error instanceof BaasSmsError);
      assertClean(everythingIn(error), `${what} (${error.code})`);
    });
  }

  it('the server message is kept, with the key cut out', async () => {
    emulator.setFaults({ mode: 'status', status: 200, message: echo });
    const error = (await client().sendSms(sms(), { idempotencyKey: 'r' }).catch((e: unknown) => e)) as BaasSmsError;
    assert.match(String(error.serverMessage), /^key \[REDACTED\] \/ \[REDACTED\] \/ \[REDACTED\]$/);
  });

  it('cancellation, refused connection: no key in the error', async () => {
    const controller = new AbortController();
    emulator.setFaults({ mode: 'latency', latencyMs: 1000, match: 'status' });
    setTimeout(() => controller.abort(), 30);
    const cancelled = (await client({ timeoutMs: 5000 }).getGroupStatus(10001, { signal: controller.signal }).catch((e: unknown) => e)) as BaasSmsError;
    assert.equal(cancelled.code, 'CANCELLED');
    assertClean(everythingIn(cancelled), 'CANCELLED');
    const port = await refusedPort();
    const refused = (await client({ baseUrl: `http://127.0.0.1:${port}` }).sendSms(sms(), { idempotencyKey: 'r' }).catch((e: unknown) => e)) as BaasSmsError;
    assert.equal(refused.code, 'NETWORK_ERROR');
    assertClean(everythingIn(refused), 'NETWORK_ERROR');
  });

  it('an invalid header value (key with a line break) fails without the key and without a request', async () => {
    const broken = `${KEY}\nX-Evil: 1`;
    const error = (await new BaasClient({ apiKey: broken, baseUrl: emulator.url, maxRetries: 0 }).sendSms(sms(), { idempotencyKey: 'r' }).catch((e: unknown) => e)) as BaasSmsError;
    assert.equal(error.outcome, 'not_sent');
    assertClean(everythingIn(error), 'invalid header');
    assert.equal(emulator.requests.length, 0);
  });

  it('the client object shows no key when logged or serialised', () => {
    const c = client();
    assertClean(JSON.stringify(c), 'JSON of the client');
    assertClean(inspect(c, { depth: 10, showHidden: true }), 'inspect of the client');
  });
});
