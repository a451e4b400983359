// Mocha root hooks: whatever the run shares is stopped once it ends, passed or failed.
import { stopPostgres } from './postgres';

export const mochaHooks = {
  afterAll(): void {
    stopPostgres();
  },
};
