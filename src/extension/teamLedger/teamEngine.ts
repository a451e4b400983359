// The team ledger's engine for the extension: PostgreSQL from the connection string stored by
// "Set Team Ledger…". The driver is required here, on demand, never at activation: a window without a
// team ledger never loads `pg`. No `vscode` import.
import type { Logger } from '../../core/logger';
import type { LedgerEngine } from '../../ledger/engine/types';
import { loadPostgresEngine } from '../../ledger/engine/postgres/loadPostgres';

/** How the errors name where the connection string is set (the hint of LEDGER_UNAVAILABLE). */
export const TEAM_LEDGER_SETTING = 'the team ledger (command "BaaS SMS: Set Team Ledger…")';

/** The engine, not connected yet (the switch opens it before its first use). Throws LEDGER_UNAVAILABLE for a malformed string. */
export function teamEngine(url: string, logger: Logger): LedgerEngine {
  const { PostgresLedgerEngine } = loadPostgresEngine();
  return new PostgresLedgerEngine(url, { logger, setting: TEAM_LEDGER_SETTING, maxConnections: 4 });
}

/** Connects, migrates the schema and recovers interrupted sends: the proof that the string works. Closes the engine on failure. */
export async function openTeamEngine(url: string, logger: Logger): Promise<{ engine: LedgerEngine; recovered: number }> {
  const engine = teamEngine(url, logger);
  try {
    const recovered = await engine.open();
    return { engine, recovered: recovered.length };
  } catch (error) {
    await engine.close();
    throw error;
  }
}
