// The `baas-sms-mcp` executable (dist/server.js). Kept apart from main.ts so that the library bundle
// can export main() without serving on import.
import { main } from './main';

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`[baas-sms error] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
