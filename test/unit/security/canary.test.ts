// The secret canary figure: a random key used live (against the emulator) through the built stdio
// server and through the in-process HTTP host; its raw, URL-encoded, base64 and base64url forms must
// appear nowhere in what either path writes: stdout, stderr, logs, tool results, HTTP answers, ledger.
import assert from 'node:assert/strict';
import { buildServer } from '../../support/reliability/builtServer';
import { runHttpCanary, runStdioCanary, type CanaryRun } from '../../support/security/canaryFigure';
import { canaryKey, findLeaks } from '../../support/security/secretNeedles';

function assertRan(run: CanaryRun): void {
  assert.deepEqual(run.leaks, [], `${run.path} leaked the key: ${JSON.stringify(run.leaks)}`);
  // The scenario reached every path it is meant to: successes, auth failure, unknown outcomes, server errors, bad input.
  for (const code of ['ok', 'AUTHENTICATION_FAILED', 'OUTCOME_UNKNOWN', 'API_ERROR', 'RATE_LIMITED', 'INVALID_PHONE_NUMBER', 'INVALID_INPUT']) {
    assert.ok(run.outcomes[code] > 0, `${run.path}: no ${code} result in ${JSON.stringify(run.outcomes)}`);
  }
  for (const [source, bytes] of Object.entries(run.scanned)) assert.ok(bytes > 0, `${run.path}: ${source} is empty, so it proves nothing`);
}

describe('security: the API key never leaves in any form (canary)', function () {
  this.timeout(90_000);
  before(() => buildServer());

  it('the built stdio server: stdout, stderr, tool results and the ledger hold no form of the key', async () => {
    assertRan(await runStdioCanary());
  });

  it('the in-process HTTP host: HTTP answers, logger messages, tool results and the ledger hold no form of the key', async () => {
    assertRan(await runHttpCanary());
  });

  it('control: the search finds the key raw, URL-encoded, and base64-encoded inside a longer text at any offset', () => {
    const key = canaryKey('0123456789abcdef0123456789abcdef');
    const hidden = (text: string) => findLeaks(key, { s: text }).leaks.length > 0;
    assert.ok(hidden(`x-api-key: ${key}`));
    assert.ok(hidden(`?key=${encodeURIComponent(key)}`));
    for (const prefix of ['', 'u:', 'us:', 'Bearer ']) {
      assert.ok(hidden(`Basic ${Buffer.from(`${prefix}${key}`).toString('base64')}`), `base64 after ${JSON.stringify(prefix)}`);
      assert.ok(hidden(Buffer.from(`${prefix}${key}!`).toString('base64url')), `base64url after ${JSON.stringify(prefix)}`);
    }
    assert.ok(!hidden('x-api-key: [REDACTED]'));
  });
});
