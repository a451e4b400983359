// A reservation whose COMMIT gets no answer, against the real PostgreSQL server through a proxy that
// cuts the connection at the COMMIT (test/support/pgCutProxy.ts): nothing is sent, and whether the
// COMMIT took effect or not, no pending row is left behind holding the claim (see lostCommit.ts).
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { BaasSmsError } from '../../../../src/core/errors';
import { silentLogger } from '../../../../src/core/logger';
import type { SendInput } from '../../../../src/core/types';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../../src/core/settings';
import { startEmulator } from '../../../../src/emulator/emulator';
import { SpendGuard } from '../../../../src/guard/spendGuard';
import { PostgresLedgerEngine } from '../../../../src/ledger/engine/postgres/postgresEngine';
import { SandboxBackend } from '../../../../src/sending/sandbox';
import { SendService } from '../../../../src/sending/sendService';
import { startCutProxy, type CutMode, type CutProxy } from '../../../support/pgCutProxy';
import { postgresDatabase } from '../../../support/postgres';
import { sendInit } from '../ledgerFixtures';
import { keyClaim, LIMITS } from './engineContract';

describe('PostgreSQL engine: a COMMIT whose answer is lost (real server, cut by a proxy)', function () {
  this.timeout(30_000);
  let url: string;
  let proxy: CutProxy;
  let engine: PostgresLedgerEngine;
  beforeEach(async () => {
    url = await postgresDatabase('lost_commit');
    proxy = await startCutProxy(url);
    engine = new PostgresLedgerEngine(proxy.url, { logger: silentLogger });
    await engine.open();
  });
  afterEach(async () => {
    await engine.close();
    await proxy.close();
  });

  async function rowsFor(claimKey: string): Promise<Array<{ outcome: string; error: { code: string } | null }>> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ outcome: string; error: { code: string } | null }>('SELECT outcome, error FROM baas_sms_sends WHERE claim_key = $1', [claimKey])).rows;
    } finally {
      await client.end();
    }
  }

  const cases: Array<[CutMode, string]> = [
    ['answered', 'the COMMIT took effect: its row is settled as failed (never sent), which frees the claim'],
    ['late', 'the COMMIT was still on the wire: its session is ended first, so it cannot land later as a pending row'],
  ];
  for (const [mode, title] of cases) {
    it(`${mode}: ${title}`, async () => {
      const claim = keyClaim(`lost-${mode}`);
      const cut = proxy.arm(mode);
      await assert.rejects(engine.reserve({ init: sendInit(), claim, budget: LIMITS }),
        (e: BaasSmsError) => e.code === 'LEDGER_UNAVAILABLE' && e.outcome === 'not_sent');
      await cut;
      await new Promise((resolve) => setTimeout(resolve, 700)); // past the late COMMIT
      const rows = await rowsFor(claim.key);
      if (mode === 'answered') assert.equal(rows.length, 1, 'the COMMIT took effect');
      for (const row of rows) assert.deepEqual([row.outcome, row.error?.code], ['failed', 'LEDGER_UNAVAILABLE']);
      // The same claim is free again, here and on another instance; the failed row spent no budget.
      const other = new PostgresLedgerEngine(url);
      try {
        assert.equal(await other.lookupClaim(claim), undefined);
        assert.equal((await other.budgetUsage()).recipientsLastDay, 0);
      } finally {
        await other.close();
      }
      const again = await engine.reserve({ init: sendInit(), claim, budget: LIMITS });
      assert.ok(again.entry, 'the retry reserves');
    });
  }

  it('through SendService: the send whose reservation COMMIT was cut makes no request; its retry is sent once', async () => {
    const apiKey = 'lost-commit-test-key-0123456789';
    const emulator = await startEmulator({ apiKey, deliveryDelayMs: 50 });
    const settings: SendingSettings = {
      sandbox: false, projectId: '123e4567-e89b-42d3-a456-426614174000', baseUrl: emulator.url, timeoutMs: 2000,
      rules: DEFAULT_RULES, guard: DEFAULT_GUARD, locale: 'en', duplicateWindowSeconds: 60,
    };
    const service = new SendService({
      ledger: engine, guard: new SpendGuard(() => settings.guard), settings: () => settings, apiKey: () => Promise.resolve(apiKey),
      sandbox: new SandboxBackend({ logger: silentLogger }), logger: silentLogger,
    });
    const input: SendInput = { kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'hello', callback_number: '02-1234-5678' };
    try {
      const cut = proxy.arm('answered');
      const failed = await service.send(input, { origin: 'test' }).catch((e: unknown) => e);
      await cut;
      assert.ok(failed instanceof BaasSmsError && failed.code === 'LEDGER_UNAVAILABLE' && failed.outcome === 'not_sent', String(failed));
      assert.equal(emulator.requests.length, 0, 'no request for a send whose claim may not be committed');
      const sent = await service.send(input, { origin: 'test' });
      assert.equal(typeof sent.group_id, 'number');
      assert.equal(emulator.committedSends(), 1);
    } finally {
      await service.dispose();
      await emulator.close();
    }
  });
});
