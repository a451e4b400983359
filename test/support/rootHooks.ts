// Mocha root hooks: whatever the run shares is stopped once it ends, passed or failed.
import type { Context } from 'mocha';
import { stopPostgres } from './postgres';

export const mochaHooks = {
  afterAll(this: Context): void {
    // Stopping the cluster and removing its data (the ledger tests leave a million-row table) took
    // over mocha's 20 s on a loaded 2-core machine; the stop is bounded by pg_ctl's own wait.
    this.timeout(120_000);
    stopPostgres();
  },
};
