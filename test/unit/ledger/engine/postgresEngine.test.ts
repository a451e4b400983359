// The PostgreSQL engine against a real server (test/support/postgres.ts): the contract, migrations,
// bad settings and a server that is down, each a LEDGER_UNAVAILABLE with the password masked.
import assert from 'node:assert/strict';
import { Client } from 'pg';
import type { BaasSmsError } from '../../../../src/core/errors';
import { PostgresLedgerEngine } from '../../../../src/ledger/engine/postgres/postgresEngine';
import { MIGRATIONS } from '../../../../src/ledger/engine/postgres/schema';
import { postgresDatabase } from '../../../support/postgres';
import { sendInit } from '../ledgerFixtures';
import { describeEngineContract, keyClaim, LIMITS } from './engineContract';

describeEngineContract('PostgreSQL engine', async () => new PostgresLedgerEngine(await postgresDatabase('contract')), (engine) => engine.close());

function unavailable(password?: string) {
  return (e: BaasSmsError): boolean => {
    const text = JSON.stringify([e.message, e.params, e.describe('en'), e.describe('ko')]);
    assert.equal(e.code, 'LEDGER_UNAVAILABLE', text);
    if (password) assert.ok(!text.includes(password), `password in ${text}`);
    assert.ok(e.describe('en').hint.includes('BAAS_LEDGER_URL'));
    return true;
  };
}

describe('PostgreSQL engine: schema and settings (real server)', () => {
  let url: string;
  before(async () => { url = await postgresDatabase('schema'); });

  it('creates the schema on first open, records its version, and a second instance migrates nothing', async () => {
    const a = new PostgresLedgerEngine(url);
    const b = new PostgresLedgerEngine(url);
    try {
      await Promise.all([a.open(), b.open()]);
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ version: number }>('SELECT version FROM baas_sms_schema ORDER BY version');
      await client.end();
      assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a database written by a newer version, saying so', async () => {
    const newer = await postgresDatabase('newer');
    const client = new Client({ connectionString: newer });
    await client.connect();
    await client.query('CREATE TABLE baas_sms_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), product_version text NOT NULL)');
    await client.query(`INSERT INTO baas_sms_schema (version, product_version) VALUES (${MIGRATIONS.length + 1}, '99.0.0')`);
    await client.end();
    const engine = new PostgresLedgerEngine(newer);
    await assert.rejects(engine.open(), (e: BaasSmsError) => unavailable()(e) && /newer baas-sms-mcp/.test(e.message));
    await engine.close();
  });

  it('a malformed URL, a wrong password, a missing database: LEDGER_UNAVAILABLE with the password masked', async () => {
    assert.throws(() => new PostgresLedgerEngine('postgres//user:hunter2-secret@host/db'), unavailable('hunter2-secret'));
    assert.throws(() => new PostgresLedgerEngine('mysql://user:hunter2-secret@host/db'), unavailable('hunter2-secret'));
    assert.throws(() => new PostgresLedgerEngine('postgres://user:hunter2-secret@host'), unavailable('hunter2-secret'));
    const wrong = new URL(url);
    wrong.password = 'wrong-password-canary';
    const bad = new PostgresLedgerEngine(wrong.toString());
    await assert.rejects(bad.open(), (e: BaasSmsError) => unavailable('wrong-password-canary')(e) && /password was refused/.test(e.message) && e.message.includes('***'));
    await bad.close();
    const missing = new URL(url);
    missing.pathname = '/no_such_database';
    const none = new PostgresLedgerEngine(missing.toString());
    await assert.rejects(none.open(), (e: BaasSmsError) => unavailable(new URL(url).password)(e) && /database does not exist/.test(e.message));
    await none.close();
  });

  it('a server that is down: open and reserve fail with LEDGER_UNAVAILABLE, nothing reserved', async () => {
    const down = new URL(url);
    down.port = '1';
    const engine = new PostgresLedgerEngine(down.toString(), { connectTimeoutMs: 2000 });
    await assert.rejects(engine.open(), unavailable(down.password));
    await assert.rejects(engine.reserve({ init: sendInit(), claim: keyClaim('down'), budget: LIMITS }), (e: BaasSmsError) => unavailable(down.password)(e) && e.outcome === 'not_sent');
    await engine.close();
  });

  // An instance frozen (or cut off) while it held the budget lock made every other send wait, with no
  // error, until the database noticed the dead client: hours with default TCP keepalive.
  it('a budget lock held elsewhere: reserve gives LEDGER_UNAVAILABLE (not sent) after the lock timeout, no hang', async () => {
    const own = await postgresDatabase('lock_timeout');
    const holder = new Client({ connectionString: own });
    await holder.connect();
    const engine = new PostgresLedgerEngine(own, { lockTimeoutMs: 500 });
    try {
      await engine.open();
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [0x6273_6d73]);
      const started = Date.now();
      await assert.rejects(engine.reserve({ init: sendInit(), claim: keyClaim('held'), budget: LIMITS }), (e: BaasSmsError) => unavailable()(e) && e.outcome === 'not_sent');
      assert.ok(Date.now() - started < 5000, `waited ${Date.now() - started} ms`);
      await holder.query('ROLLBACK');
      const after = await engine.reserve({ init: sendInit(), claim: keyClaim('held'), budget: LIMITS });
      assert.ok(after.entry, 'once the lock is free the same send reserves (the refused one claimed nothing)');
    } finally {
      await holder.end();
      await engine.close();
    }
  });

  it('three instances (three pools, as on three machines) share claims and a cap of 20: exactly 20 of 60 go', async () => {
    const engines = [0, 1, 2].map(() => new PostgresLedgerEngine(url));
    try {
      await Promise.all(engines.map((e) => e.open()));
      const answers = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => engines[i % 3].reserve({ init: sendInit(), claim: keyClaim(`team-${i % 30}`), budget: { ...LIMITS, maxRecipientsPerDay: 20 } })));
      const reserved = answers.filter((a) => a.status === 'fulfilled' && a.value.entry).length;
      const duplicates = answers.filter((a) => a.status === 'fulfilled' && a.value.earlier).length;
      assert.equal(reserved, 20);
      assert.equal(duplicates + answers.filter((a) => a.status === 'rejected').length, 40);
      const keys = new Set(answers.flatMap((a) => (a.status === 'fulfilled' && a.value.entry ? [a.value.entry.claim_key] : [])));
      assert.equal(keys.size, 20, 'no key reserved twice');
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });
});
