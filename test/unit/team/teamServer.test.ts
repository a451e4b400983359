// The team server, built (dist/server.js --http), on a PostgreSQL ledger against the emulator: a
// bearer token or nothing (no token → refuses to start; missing or wrong → 401), Host and Origin
// checked (→ 403), stateless (two instances answer one client's calls interchangeably), each tool
// call logged with masked numbers, and no secret — API key, token, database password — in any log,
// answer or database row.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { postgresDatabase } from '../../support/postgres';
import { buildServer, SERVER_JS } from '../../support/reliability/builtServer';
import { rawRequest } from '../../support/security/endpointMatrix';
import { canaryKey, secretNeedles } from '../../support/security/secretNeedles';

const API_KEY = canaryKey(randomBytes(24).toString('base64url'));
const TOKEN = `tok_${randomBytes(24).toString('base64url')}`;

interface Running { child: ChildProcessWithoutNullStreams; url: string; port: number; log: () => string }

function startTeamServer(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [SERVER_JS, '--http', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => { log += c.toString(); });
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+)\/mcp)/.exec(log);
      if (m) resolve({ child, url: m[1], port: Number(m[2]), log: () => log });
    });
    child.on('close', (code) => reject(new Error(`exited ${code}: ${log}`)));
  });
}

describe('team server: baas-sms-mcp --http (built, PostgreSQL ledger, emulator)', function () {
  this.timeout(60_000);
  let emulator: BaasEmulator;
  let ledgerUrl: string;
  let env: NodeJS.ProcessEnv;
  const running: Running[] = [];
  before(async () => {
    buildServer();
    emulator = await startEmulator({ apiKey: API_KEY, deliveryDelayMs: 50 });
    ledgerUrl = await postgresDatabase('team_server');
    env = {
      BAAS_API_KEY: API_KEY, BAAS_MCP_TOKEN: TOKEN, BAAS_LEDGER_URL: ledgerUrl, BAAS_API_BASE_URL: emulator.url,
      PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_MCP_ALLOWED_HOSTS: 'sms.team.test', BAAS_CONFIRM: 'off',
    };
    running.push(await startTeamServer(env), await startTeamServer(env));
  });
  after(async () => {
    for (const r of running) r.child.kill('SIGTERM');
    await emulator.close();
  });

  it('says at start that it cannot ask a user, unless BAAS_CONFIRM=off', async () => {
    const asking = await startTeamServer({ ...env, BAAS_CONFIRM: '' });
    try {
      assert.match(asking.log(), /cannot ask a user before a live send.*BAAS_CONFIRM=off/);
      assert.doesNotMatch(running[0].log(), /cannot ask a user/);
    } finally {
      asking.child.kill('SIGTERM');
    }
  });

  it('refuses to start without BAAS_MCP_TOKEN, saying why, and serves nothing', async () => {
    await assert.rejects(startTeamServer({ ...env, BAAS_MCP_TOKEN: '' }), /BAAS_MCP_TOKEN/);
  });

  it('no token or a wrong one → 401; a Host or Origin not allowed → 403; an allowed name → through', async () => {
    const { port } = running[0];
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    assert.equal((await rawRequest(port, { headers: { ...headers, host: `127.0.0.1:${port}` }, body })).status, 401);
    assert.equal((await rawRequest(port, { headers: { ...headers, host: `127.0.0.1:${port}`, authorization: 'Bearer wrong-token-wrong-token-wrong' }, body })).status, 401);
    const auth = { ...headers, authorization: `Bearer ${TOKEN}` };
    assert.equal((await rawRequest(port, { headers: { ...auth, host: `evil.example:${port}` }, body })).status, 403);
    assert.equal((await rawRequest(port, { headers: { ...auth, host: `127.0.0.1:${port}`, origin: 'http://evil.example' }, body })).status, 403);
    assert.equal((await rawRequest(port, { headers: { ...auth, host: 'sms.team.test' }, body })).status, 200);
    assert.equal((await rawRequest(port, { headers: { ...auth, host: `127.0.0.1:${port}`, origin: 'https://sms.team.test' }, body })).status, 200);
  });

  it('with the token, an SDK client sends through one instance and reads the history through the other (stateless)', async () => {
    const connect = async (url: string): Promise<Client> => {
      const client = new Client({ name: 'team-client', version: '0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } }));
      return client;
    };
    const [a, b] = [await connect(running[0].url), await connect(running[1].url)];
    try {
      const sent = await a.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '010-9876-5432', member_code: 'm1' }], message: 'team', idempotency_key: 'team-server-1' } });
      assert.ok(!sent.isError, JSON.stringify(sent.content));
      const again = await b.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '010-9876-5432', member_code: 'm1' }], message: 'team', idempotency_key: 'team-server-1' } });
      assert.equal((again.structuredContent as { deduplicated: boolean }).deduplicated, true);
      const history = await b.callTool({ name: 'get_send_history', arguments: {} });
      assert.equal((history.structuredContent as { count: number }).count, 1);
      assert.equal(emulator.commitsFor('team-server-1'), 1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('logs each tool call with the number masked; no API key, token or database password in logs or rows', async () => {
    const logs = running.map((r) => r.log()).join('\n');
    assert.match(logs, /tool call send_sms to 010-\*\*\*\*-5432/);
    assert.ok(!logs.includes('9876-5432') && !logs.includes('01098765432'), 'no number in clear');
    const db = new PgClient({ connectionString: ledgerUrl });
    await db.connect();
    const rows = JSON.stringify((await db.query('SELECT * FROM baas_sms_sends')).rows) + JSON.stringify((await db.query('SELECT * FROM baas_sms_claims')).rows);
    await db.end();
    assert.ok(rows.includes('team-server-1'), 'the rows were read');
    const password = new URL(ledgerUrl).password;
    for (const secret of [API_KEY, TOKEN, password]) {
      for (const { form, needle } of secretNeedles(secret)) {
        assert.ok(!logs.includes(needle), `${form} of a secret in the logs`);
        assert.ok(!rows.includes(needle), `${form} of a secret in the database rows`);
      }
    }
  });
});
