// The PostgreSQL engine and its driver (`pg`) are loaded only when a team ledger is set: in the bundles
// this require() is dist/pgEngine.js, a file of its own (esbuild.mjs LAZY_BUNDLES), so a file-ledger
// start (the stdio server, the extension's activation) neither reads nor compiles the driver.
import type * as PostgresModule from './postgresEngine';
import { loadBundle } from '../../../core/lazyBundle';

export type PostgresEngineModule = typeof PostgresModule;

export function loadPostgresEngine(): PostgresEngineModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first use
  return loadBundle('pgEngine.js', () => require('./postgresEngine') as PostgresEngineModule);
}
