// The PostgreSQL ledger's schema, created and migrated by the product on start: numbered migrations,
// applied in order inside one transaction under an advisory lock (several instances may start at
// once), each recorded in baas_sms_schema. A database migrated by a newer version is refused rather
// than written in a shape this version does not know.
import type { PoolClient } from 'pg';
import { VERSION } from '../../../core/version';

/** The LISTEN/NOTIFY channel every write to the sends table notifies (migration 2). */
export const NOTIFY_CHANNEL = 'baas_sms_sends';

/** Any fixed number: all instances take the same lock while migrating. */
const MIGRATION_LOCK = 0x6261_6173;

export const MIGRATIONS: readonly string[] = [
  // 1: sends (one row per send, its pending fields kept whole in `send`), claims (one row per key).
  `CREATE TABLE baas_sms_sends (
     seq bigserial PRIMARY KEY,
     id text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL,
     kind text NOT NULL,
     project_id text NOT NULL,
     sandbox boolean NOT NULL,
     recipient_count integer NOT NULL,
     claim_key text,
     outcome text NOT NULL DEFAULT 'pending',
     group_id bigint,
     completed_at timestamptz,
     error jsonb,
     status jsonb,
     status_checked_at timestamptz,
     send jsonb NOT NULL
   );
   CREATE INDEX baas_sms_sends_project_seq ON baas_sms_sends (project_id, seq DESC);
   CREATE INDEX baas_sms_sends_project_kind_seq ON baas_sms_sends (project_id, kind, seq DESC);
   CREATE INDEX baas_sms_sends_kind_seq ON baas_sms_sends (kind, seq DESC);
   CREATE INDEX baas_sms_sends_group ON baas_sms_sends (group_id) WHERE group_id IS NOT NULL;
   CREATE INDEX baas_sms_sends_live_recent ON baas_sms_sends (created_at) WHERE NOT sandbox;
   CREATE INDEX baas_sms_sends_pending ON baas_sms_sends (created_at) WHERE outcome = 'pending';
   CREATE TABLE baas_sms_claims (
     claim_key text PRIMARY KEY,
     send_id text NOT NULL REFERENCES baas_sms_sends (id),
     claimed_at timestamptz NOT NULL
   );`,
  // 2: a notice on channel baas_sms_sends after every write, so that views (the extension's history)
  // follow the team's sends live. Per statement, not per row: a bulk load sends one notice, not millions.
  `CREATE FUNCTION baas_sms_sends_notify() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN PERFORM pg_notify('${NOTIFY_CHANNEL}', ''); RETURN NULL; END $$;
   CREATE TRIGGER baas_sms_sends_notify AFTER INSERT OR UPDATE ON baas_sms_sends
     FOR EACH STATEMENT EXECUTE PROCEDURE baas_sms_sends_notify();`,
];

export class NewerSchemaError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the database holds ledger schema ${found}, written by a newer baas-sms-mcp; this version ${VERSION} knows up to ${known}: upgrade it`);
  }
}

/** Brings the schema up to date; returns the migrations applied. Throws NewerSchemaError. */
export async function migrate(client: PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // The one table that must exist before a version can be read from it.
    await client.query(`CREATE TABLE IF NOT EXISTS baas_sms_schema (
      version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), product_version text NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM baas_sms_schema');
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) throw new NewerSchemaError(current, MIGRATIONS.length);
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO baas_sms_schema (version, product_version) VALUES ($1, $2)', [version, VERSION]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - current;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
