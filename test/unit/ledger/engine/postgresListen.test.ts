// LISTEN/NOTIFY on the team ledger against a real PostgreSQL (test/support/postgres.ts): one instance
// hears every committed write of another, a lost session is reported (password masked) and comes
// back, and the sender label is stored with the send and read back by the other instance.
import assert from 'node:assert/strict';
import { Client } from 'pg';
import type { BaasSmsError } from '../../../../src/core/errors';
import { PostgresLedgerEngine } from '../../../../src/ledger/engine/postgres/postgresEngine';
import { listenForSends } from '../../../../src/ledger/engine/postgres/sendListener';
import { ledgerUrlPassword, maskLedgerUrl } from '../../../../src/ledger/engine/ledgerUrl';
import { postgresDatabase } from '../../../support/postgres';
import { sendInit } from '../ledgerFixtures';
import { keyClaim } from './engineContract';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !probe(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('PostgreSQL engine: live history (LISTEN/NOTIFY, real server)', () => {
  let url: string;
  let writer: PostgresLedgerEngine;
  let reader: PostgresLedgerEngine;
  before(async () => {
    url = await postgresDatabase('listen');
    writer = new PostgresLedgerEngine(url);
    reader = new PostgresLedgerEngine(url);
    await writer.open();
    await reader.open();
  });
  after(async () => {
    await writer.close();
    await reader.close();
  });

  it('another instance hears each committed write (reserve, outcome), and nothing from a refused claim', async () => {
    let heard = 0;
    const session = await reader.listen(() => heard++);
    try {
      const { entry } = await writer.reserve({ init: sendInit({ idempotency_key: 'listen-1' }), claim: keyClaim('listen-1') });
      assert.ok(entry);
      await until('the notice of the pending record', () => heard >= 1);
      const afterReserve = heard;
      await writer.recordOutcome(entry.id, { outcome: 'sent', group_id: 4242 });
      await until('the notice of the outcome', () => heard > afterReserve);
      // The same key again: the claim is held, the transaction rolls back, no notice is sent.
      const settled = heard;
      const again = await writer.reserve({ init: sendInit({ idempotency_key: 'listen-1' }), claim: keyClaim('listen-1') });
      assert.ok(again.earlier);
      const marker = await writer.reserve({ init: sendInit({ idempotency_key: 'listen-2' }), claim: keyClaim('listen-2') });
      await until('the notice of the next write', () => heard > settled);
      assert.equal(heard, settled + 1, 'the refused claim sent no notice; the next write sent one');
      assert.ok(marker.entry);
      assert.equal((await reader.get(entry.id))?.group_id, 4242);
    } finally {
      await session.close();
    }
  });

  it('stores the sender label with the send; the other instance reads it', async () => {
    const { entry } = await writer.reserve({ init: sendInit({ idempotency_key: 'sender-1', sender: 'jisu' }), claim: keyClaim('sender-1') });
    assert.ok(entry);
    assert.equal(entry.sender, 'jisu');
    assert.equal((await reader.get(entry.id))?.sender, 'jisu');
    const page = await reader.list({ limit: 5 });
    assert.equal(page.entries.find((e) => e.id === entry.id)?.sender, 'jisu');
  });

  it('a lost LISTEN session is reported as LEDGER_UNAVAILABLE with the password masked, re-opened, and followed by a "changed"', async () => {
    const password = ledgerUrlPassword(url);
    assert.ok(password, 'the fixture URL carries a password');
    const errors: BaasSmsError[] = [];
    let changes = 0;
    const listener = await listenForSends({ url, location: maskLedgerUrl(url), password, onChange: () => changes++, onError: (e) => errors.push(e), retryMs: 50 });
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      assert.equal(listener.connected, true);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'baas-sms-listen' AND datname = current_database()");
      await until('the loss to be reported', () => errors.length > 0);
      assert.equal(errors[0].code, 'LEDGER_UNAVAILABLE');
      const text = JSON.stringify([errors.map((e) => [e.message, e.params, e.describe('en'), e.describe('ko')])]);
      assert.ok(!text.includes(password), 'no password in the error');
      await until('the session to come back', () => listener.connected && changes > 0);
      const before = changes;
      await writer.reserve({ init: sendInit({ idempotency_key: 'after-loss' }), claim: keyClaim('after-loss') });
      await until('a notice on the new session', () => changes > before);
    } finally {
      await admin.end();
      await listener.close();
    }
  });

  it('a server that is down: listening fails at once with LEDGER_UNAVAILABLE, no password in it', async () => {
    const down = new URL(url);
    down.port = '1';
    const engine = new PostgresLedgerEngine(down.toString(), { connectTimeoutMs: 2000 });
    await assert.rejects(engine.listen(() => undefined), (e: BaasSmsError) => {
      assert.equal(e.code, 'LEDGER_UNAVAILABLE');
      assert.ok(!JSON.stringify([e.message, e.params]).includes(ledgerUrlPassword(url)!));
      return true;
    });
    await engine.close();
  });
});
