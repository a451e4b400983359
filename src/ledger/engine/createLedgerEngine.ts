// Which engine a host runs: PostgreSQL when a ledger URL is set (BAAS_LEDGER_URL standalone), else the
// file. A URL that is set but wrong is an error, never a quiet fall-back to the file: the team's
// claims and budgets would silently stop being shared.
import type { Logger } from '../../core/logger';
import { FileLedgerEngine } from './fileEngine';
import { loadPostgresEngine } from './postgres/loadPostgres';
import type { LedgerEngine } from './types';

export interface LedgerEngineChoice {
  /** A postgres:// URL; blank or absent selects the file. */
  url?: string;
  file: string;
  logger: Logger;
}

export function createLedgerEngine(choice: LedgerEngineChoice): LedgerEngine {
  const url = choice.url?.trim();
  if (url) {
    // Loaded only in this mode: the file engine's start must not pay for the driver.
    const { PostgresLedgerEngine } = loadPostgresEngine();
    return new PostgresLedgerEngine(url, { logger: choice.logger });
  }
  return new FileLedgerEngine(choice.file, { logger: choice.logger });
}
