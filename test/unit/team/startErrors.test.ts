// A ledger that cannot be used stops the built server at start with LEDGER_UNAVAILABLE naming the
// setting, the password masked; a database lost while running refuses each send before its request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmulator } from '../../../src/emulator/emulator';
import { postgresDatabase } from '../../support/postgres';
import { buildServer, SERVER_JS } from '../../support/reliability/builtServer';
import { removeDir, tempDir } from '../ledger/ledgerFixtures';
import { API_KEY, sendSms, startServer } from './servers';

function startAndFail(env: NodeJS.ProcessEnv): { status: number | null; stderr: string; stdout: string } {
  const run = spawnSync(process.execPath, [SERVER_JS], { env: { ...process.env, BAAS_API_KEY: 'k', ...env }, input: '', encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe('dist/server.js with a ledger it cannot use', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => buildServer());
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('a malformed BAAS_LEDGER_URL, a wrong password, a missing database: exit 1 at start, LEDGER_UNAVAILABLE, password masked', async () => {
    const url = new URL(await postgresDatabase('start_errors'));
    const wrong = new URL(url.toString());
    wrong.password = 'canary-wrong-password';
    const missing = new URL(url.toString());
    missing.pathname = '/no_such_db';
    for (const [what, ledgerUrl, secret] of [
      ['malformed', 'postgres//user:canary-secret-pw@host/db', 'canary-secret-pw'],
      ['wrong password', wrong.toString(), 'canary-wrong-password'],
      ['missing database', missing.toString(), decodeURIComponent(url.password)],
    ] as const) {
      const run = startAndFail({ BAAS_LEDGER_URL: ledgerUrl });
      assert.equal(run.status, 1, `${what}: ${run.stderr}`);
      assert.match(run.stderr, /LEDGER_UNAVAILABLE.*BAAS_LEDGER_URL/, what);
      assert.ok(!run.stderr.includes(secret), `${what}: the password in ${run.stderr}`);
      assert.equal(run.stdout, '', `${what}: nothing on stdout`);
    }
  });

  it('a ledger file that cannot be written: exit 1 at start naming BAAS_LEDGER_FILE', () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    const run = startAndFail({ BAAS_LEDGER_FILE: path.join(dir, 'file', 'ledger.jsonl') });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /LEDGER_UNAVAILABLE.*BAAS_LEDGER_FILE/);
  });

  it('the database dropped while the server runs: sends fail with LEDGER_UNAVAILABLE and none reaches the API', async () => {
    const emulator = await startEmulator({ apiKey: API_KEY });
    const url = await postgresDatabase('dropped');
    const server = await startServer(emulator.url, { url });
    try {
      assert.equal((await sendSms(server, { idempotency_key: 'before-drop' })).isError, false);
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const db = new Client({ connectionString: admin.toString() });
      await db.connect();
      await db.query(`DROP DATABASE ${url.split('/').pop()} WITH (FORCE)`);
      await db.end();
      const answer = await sendSms(server, { idempotency_key: 'after-drop', message: 'after the drop' });
      assert.equal(answer.code, 'LEDGER_UNAVAILABLE', answer.text);
      assert.equal(answer.outcome, 'not_sent');
      assert.equal(emulator.committedSends(), 1, 'no send without its ledger record');
      assert.ok(!answer.text.includes(decodeURIComponent(new URL(url).password)));
    } finally {
      await server.close();
      await emulator.close();
    }
  });
});
