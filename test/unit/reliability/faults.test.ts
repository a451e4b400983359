// The faults figure at test size (~200 logical sends over 11 fault modes); `npm run reliability`
// runs it at full size. Real SendService, BaasClient, SendLedger and emulator; nothing mocked.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BaasClient } from '../../../src/baas/client';
import { startEmulator } from '../../../src/emulator/emulator';
import { FAULT_MODES, FAULT_PROJECT, runFaultFigure } from '../../support/reliability/faultFigure';

describe('reliability: sends under injected faults', function () {
  this.timeout(60_000);

  it('never duplicates a send, never loses one from the ledger, and says unknown only when the emulator may have committed', async () => {
    const figure = await runFaultFigure({ sendsPerMode: 18, timeoutMs: 250, concurrency: 10 });
    assert.deepEqual(figure.violations, []);
    assert.equal(figure.totals.sends, 18 * FAULT_MODES.length);
    assert.equal(figure.totals.duplicated, 0);
    assert.equal(figure.totals.missingFromLedger, 0);
    assert.equal(figure.ledgerEntries, figure.totals.sends);
    assert.equal(figure.totals.sent + figure.totals.failed + figure.totals.unknownCommitted + figure.totals.unknownNotCommitted, figure.totals.sends);
    const byMode = Object.fromEntries(figure.modes.map((m) => [m.mode, m]));
    // Each mode reached the outcome it exists to provoke (so a silent no-op fault cannot pass).
    assert.ok(byMode.none.sent > 0 && byMode.none.failed === 0, 'without a fault, sends go out');
    for (const mode of ['latency-past-timeout', 'latency-commit-late', 'reset-after-commit', 'http-500', 'http-502', 'http-504']) {
      assert.ok(byMode[mode].unknownCommitted > 0, `${mode} leaves committed sends of unknown outcome`);
      assert.equal(byMode[mode].sent, 0, `${mode} is never reported as sent`);
    }
    assert.ok(byMode['reset-before-commit'].unknownNotCommitted > 0);
    for (const mode of ['http-429-retry-after', 'http-503']) {
      assert.ok(byMode[mode].failed > 0, `${mode}: some sends exhaust their retries`);
      assert.ok(byMode[mode].sent > 0, `${mode}: some get through on a retry`);
      assert.equal(byMode[mode].unknownCommitted + byMode[mode].unknownNotCommitted, 0, `${mode} is never ambiguous`);
    }
  });

  it('control: the emulator does count a blind retry after a 500 as a second commit', async () => {
    const key = `control-${randomUUID()}`;
    const emulator = await startEmulator({ apiKey: key });
    try {
      emulator.setFaults({ mode: 'status', status: 500 });
      const client = new BaasClient({ apiKey: key, baseUrl: emulator.url, timeoutMs: 1000 });
      const body = { recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: 'x', callback_number: '02-1234-5678', project_id: FAULT_PROJECT };
      for (let i = 0; i < 2; i++) await client.sendSms(body, { idempotencyKey: 'same-key' }).catch(() => undefined);
      assert.equal(emulator.commitsFor('same-key'), 2);
    } finally {
      await emulator.close();
    }
  });
});
