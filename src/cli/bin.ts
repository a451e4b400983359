// The `baas-sms-mcp` executable (dist/server.js). Kept apart from main.ts so that the library bundle
// can export main() without serving on import.
import { BaasSmsError } from '../core/errors';
import { localeFromEnv } from '../core/locale';
import { main } from './main';

main(process.argv.slice(2)).catch((error: unknown) => {
  const text = error instanceof BaasSmsError ? describeForStderr(error) : error instanceof Error ? error.message : String(error);
  process.stderr.write(`[baas-sms error] ${text}\n`);
  process.exit(1);
});

/** A coded error at start (LEDGER_UNAVAILABLE, say): its code, what happened and what to do. */
function describeForStderr(error: BaasSmsError): string {
  const { code, message, hint } = error.describe(localeFromEnv(process.env));
  return `${code}: ${message} ${hint}`;
}
