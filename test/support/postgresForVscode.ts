// A PostgreSQL database for the VS Code in-host suite (scripts/run-vscode-tests.mjs runs this with
// tsx): the same throwaway cluster as the mocha tests (test/support/postgres.ts), its URL printed as
// the first line of stdout; stopped when stdin closes or on SIGTERM (and by postgres.ts's watchdog).
import { postgresDatabase, stopPostgres } from './postgres';

const stop = (): never => {
  stopPostgres();
  process.exit(0);
};
process.on('SIGTERM', stop);
postgresDatabase('vscode_team').then((url) => {
  process.stdout.write(`${url}\n`);
  process.stdin.on('end', stop).on('close', stop).resume();
}, (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
