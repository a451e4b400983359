// Mocha root hooks: whatever the run shares is stopped once it ends, passed or failed.
import { stopPostgres } from './postgres';

export const mochaHooks = {
  afterAll(this: Mocha.Context): void {
    // Stopping the cluster and removing its folder (hundreds of MB after a full run) took over mocha's
    // 20 s on a loaded machine: the test timeout is for tests, not for cleaning up after them.
    this.timeout(120_000);
    stopPostgres();
  },
};
