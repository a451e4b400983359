// The `baas-sms-mcp` command: the MCP server over stdio (default), the same against a built-in
// sandbox (--sandbox), the BaaS emulator (`emulator`), or a test-only HTTP mode (--http) for the
// MCP conformance suite. Only this directory touches `process` and the console. bin.ts runs it.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { VERSION } from '../core/version';
import { createServer } from '../mcp/server';
import { createSendingRuntime } from '../sending/runtime';
import { standaloneSettings } from './envSettings';
import { createStderrLogger } from './stderrLogger';

const USAGE = `baas-sms-mcp ${VERSION}: MCP server for Korean SMS/MMS through the BaaS API

  baas-sms-mcp                 serve MCP over stdio (needs BAAS_API_KEY and PROJECT_ID)
  baas-sms-mcp --sandbox       serve MCP over stdio against a built-in emulator: no key, no network, no cost
  baas-sms-mcp emulator [--port N] [--delay MS] [--key K]
                               run the BaaS API emulator on 127.0.0.1
  baas-sms-mcp --http [--port N] [--sandbox]
                               test-only: serve MCP over Streamable HTTP on 127.0.0.1 without a token

Environment: BAAS_API_KEY, PROJECT_ID, BAAS_CALLBACK_NUMBER, BAAS_SANDBOX=1, BAAS_LEDGER_FILE,
BAAS_API_BASE_URL (emulator / gateway only), BAAS_LANG=ko|en, BAAS_LOG_LEVEL. See the README.
`;

const SERVE_FLAGS = ['--sandbox', '--http', '--port'];

/** Serves as the `baas-sms-mcp` command does with these arguments; the library exports it as `main`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const env = process.env;
  const logger = createStderrLogger(env);
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(USAGE);
  if (argv.includes('--version')) return void process.stdout.write(`${VERSION}\n`);
  // The emulator and the HTTP host are loaded only in their modes: the stdio server starts faster without them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (argv[0] === 'emulator') return (require('../emulator/cli') as typeof import('../emulator/cli')).runEmulatorCli(argv.slice(1), logger);
  // A mistyped flag (`--sandbx`) must not quietly serve live, paid sends.
  const unknown = argv.find((arg, i) => !SERVE_FLAGS.includes(arg) && argv[i - 1] !== '--port');
  if (unknown !== undefined) throw new Error(`unknown option ${unknown} (see baas-sms-mcp --help)`);

  const { sending: settings, ledgerFile, sandboxDelayMs } = standaloneSettings(env, { sandbox: argv.includes('--sandbox') }, logger);
  const runtime = createSendingRuntime({
    settings: () => settings,
    apiKey: () => Promise.resolve(env.BAAS_API_KEY?.trim() || undefined),
    ledgerFile,
    logger,
    sandboxDeliveryDelayMs: sandboxDelayMs,
  });
  for (const entry of runtime.ledger.recoverInterrupted()) {
    logger.warn(`send ${entry.id} (${entry.created_at}) was interrupted before its answer: outcome unknown, check it before sending again`);
  }
  if (!settings.sandbox && !env.BAAS_API_KEY?.trim()) logger.warn('BAAS_API_KEY is not set: sends will fail with MISSING_API_KEY (use --sandbox to try without a key)');
  const deps = { sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger };

  let stop: () => Promise<void>;
  if (argv.includes('--http')) {
    const portIndex = argv.indexOf('--port');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startMcpHttpHost } = require('../mcp/httpHost') as typeof import('../mcp/httpHost');
    const host = await startMcpHttpHost({ createServer: () => createServer(deps), logger, requireToken: false, port: portIndex >= 0 ? Number(argv[portIndex + 1]) : 0 });
    logger.warn(`test-only HTTP mode without a token: ${host.url}`);
    stop = () => host.close();
  } else {
    const { server, cleanup } = createServer(deps);
    const transport = new StdioServerTransport();
    await server.connect(transport);
    process.stdin.on('close', () => void shutdown());
    stop = cleanup;
  }
  logger.info(`ready${settings.sandbox ? ' (sandbox: nothing leaves this machine)' : ''}; ledger ${ledgerFile}`);

  let stopping = false;
  async function shutdown(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await stop().catch(() => undefined);
    await runtime.dispose().catch(() => undefined);
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
