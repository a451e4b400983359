// Ledger engine figures: the "ledger before" step of a send (claim + budget + pending record) and its
// outcome, on the file and on PostgreSQL; a history page from a large PostgreSQL ledger; and sends per
// second through three built servers on one database against the emulator answering at once.
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { silentLogger } from '../../src/core/logger';
import { startEmulator } from '../../src/emulator/emulator';
import { KEY_HOLD_MS } from '../../src/ledger/engine/claimRules';
import { FileLedgerEngine } from '../../src/ledger/engine/fileEngine';
import { PostgresLedgerEngine } from '../../src/ledger/engine/postgres/postgresEngine';
import type { LedgerEngine } from '../../src/ledger/engine/types';
import type { PendingSendInit } from '../../src/ledger/ledgerRecords';
import { msSince } from './stats';

const INIT: PendingSendInit = {
  kind: 'sms', message_type: 'SMS', project_id: '11111111-1111-4111-8111-111111111111', sandbox: false, origin: 'test',
  recipients: [{ phone_number: '010-1234-5678', member_code: 'm1' }], message: '[BaaS] 인증번호 123456', callback_number: '02-1234-5678',
  message_bytes: 22, estimated_cost_krw: 9.9, idempotency_key: 'bench',
};
const LIMITS = { maxSendsPerMinute: 1e9, maxRecipientsPerDay: 1e9 };

export interface EngineTimings { reserve: number[]; outcome: number[] }

/** `rounds` sends' ledger steps, one at a time: reserve (claim + budget + pending) and recordOutcome. */
export async function measureEngine(engine: LedgerEngine, rounds: number): Promise<EngineTimings> {
  await engine.open();
  const timings: EngineTimings = { reserve: [], outcome: [] };
  for (let i = 0; i < rounds + 5; i++) {
    let start = process.hrtime.bigint();
    const { entry } = await engine.reserve({ init: INIT, claim: { key: `key:bench-${i}-${Date.now()}`, fingerprint: 'f', holdMs: KEY_HOLD_MS }, budget: LIMITS });
    const reserve = msSince(start);
    start = process.hrtime.bigint();
    await engine.recordOutcome(entry!.id, { outcome: 'sent', group_id: 1_000_000 + i });
    // The first few warm the connection pool or the file index.
    if (i >= 5) {
      timings.reserve.push(reserve);
      timings.outcome.push(msSince(start));
    }
  }
  return timings;
}

export function fileEngine(dir: string): LedgerEngine {
  return new FileLedgerEngine(path.join(dir, 'engine-bench.jsonl'), { logger: silentLogger });
}

/** Fills a fresh PostgreSQL ledger with `rows` sends in one statement (80% SMS, two projects). */
export async function fillPostgres(url: string, rows: number): Promise<void> {
  await new PostgresLedgerEngine(url).open().then(() => undefined);
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    await db.query(`INSERT INTO baas_sms_sends (id, created_at, kind, project_id, sandbox, recipient_count, claim_key, outcome, group_id, completed_at, send)
      SELECT 'b_' || i, now() - (($1 - i) || ' seconds')::interval, CASE WHEN i % 5 = 4 THEN 'mms' ELSE 'sms' END,
        CASE WHEN i % 2 = 0 THEN '11111111-1111-4111-8111-111111111111' ELSE '22222222-2222-4222-8222-222222222222' END,
        false, 1, 'key:b' || i, 'sent', 1000000 + i, now() - (($1 - i) || ' seconds')::interval,
        $2::jsonb || jsonb_build_object('idempotency_key', 'b' || i, 'message', '[BaaS] 인증번호 ' || i)
      FROM generate_series(1, $1) AS i`, [rows, JSON.stringify(INIT)]);
    await db.query('ANALYZE baas_sms_sends');
  } finally {
    await db.end();
  }
}

/** A history page (newest 20 SMS of one project) through a fresh engine each round, then a warm one. */
export async function measureHistoryPage(url: string, rounds: number): Promise<{ cold: number[]; warm: number[] }> {
  const query = { project_id: '11111111-1111-4111-8111-111111111111', message_type: 'SMS' as const, limit: 20 };
  const cold: number[] = [];
  const warm: number[] = [];
  const engine = new PostgresLedgerEngine(url);
  try {
    await engine.list(query);
    for (let i = 0; i < rounds; i++) {
      const start = process.hrtime.bigint();
      const page = await engine.list({ ...query, offset: (i % 5) * 20 });
      warm.push(msSince(start));
      if (page.entries.length !== 20) throw new Error(`history page held ${page.entries.length} entries`);
    }
    for (let i = 0; i < Math.min(rounds, 10); i++) {
      const fresh = new PostgresLedgerEngine(url);
      const start = process.hrtime.bigint();
      await fresh.list(query);
      cold.push(msSince(start));
      await fresh.close();
    }
  } finally {
    await engine.close();
  }
  return { cold, warm };
}

/** Sends per second: `sends` send_sms calls spread over three built servers on one database, all at once. */
export async function measureTeamThroughput(serverJs: string, url: string, sends: number): Promise<{ perSecond: number; committed: number }> {
  const emulator = await startEmulator({ apiKey: 'bench-key-0123456789', deliveryDelayMs: 0, recordRequests: false });
  const clients: Client[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const client = new Client({ name: 'bench', version: '0' });
      await client.connect(new StdioClientTransport({
        command: process.execPath, args: [serverJs], stderr: 'ignore',
        env: { ...process.env, BAAS_LEDGER_URL: url, BAAS_API_KEY: 'bench-key-0123456789', BAAS_API_BASE_URL: emulator.url, PROJECT_ID: '123e4567-e89b-42d3-a456-426614174000',
          BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_MAX_SENDS_PER_MINUTE: '1000000', BAAS_MAX_RECIPIENTS_PER_DAY: '1000000', BAAS_LOG_LEVEL: 'error', BAAS_CONFIRM: 'off' },
      }));
      clients.push(client);
    }
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: sends }, (_, i) => clients[i % 3].callTool({ name: 'send_sms', arguments: {
      recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: `bench ${i}`, idempotency_key: `tp-${i}-${Date.now()}` } })));
    const seconds = msSince(start) / 1000;
    return { perSecond: sends / seconds, committed: emulator.committedSends() };
  } finally {
    for (const client of clients) await client.close().catch(() => undefined);
    await emulator.close();
  }
}
