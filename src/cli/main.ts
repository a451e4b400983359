// The `baas-sms-mcp` command: the MCP server over stdio (default), the same against a built-in
// sandbox (--sandbox), the BaaS emulator (`emulator`), or a test-only HTTP mode (--http) for the
// MCP conformance suite. Only this directory touches `process` and the console. bin.ts runs it.
import { loadCampaign } from '../campaign/loadCampaign';
import { VERSION } from '../core/version';
import { createServer } from '../mcp/server';
import { standaloneServer } from './standaloneServer';
import { createStderrLogger } from './stderrLogger';
import { GuardedStdioTransport } from './stdioTransport';
import { HTTP_FLAGS, HTTP_VALUE_FLAGS, startTeamServer } from './teamServer';

const USAGE = `baas-sms-mcp ${VERSION}: MCP server for Korean SMS/MMS through the BaaS API

  baas-sms-mcp                 serve MCP over stdio (needs BAAS_API_KEY and PROJECT_ID)
  baas-sms-mcp --sandbox       serve MCP over stdio against a built-in emulator: no key, no network, no cost
  baas-sms-mcp emulator [--port N] [--delay MS] [--key K]
                               run the BaaS API emulator on 127.0.0.1
  baas-sms-mcp campaign plan FILE --message TEXT [--subject S] [--image URL …] [--phone-column C]
      [--member-code-column C] [--max-recipients N] [--pace MS] [--ad | --not-ad] [--night-consent] [--out DIR]
                               plan a campaign from a .csv/.xlsx contact list: prints it, writes .plan.md/.json; sends nothing
  baas-sms-mcp campaign send FILE --message TEXT … --yes [--pace MS] [--max-recipients N] [--sandbox]
                               print the plan, then (only with --yes) send it batch by batch; progress on stderr
  baas-sms-mcp campaign resume ID [--pace MS] | status ID | report ID --out FILE [--full-numbers]
                               continue (never resending), show where it stands, write the delivery report (CSV)
  baas-sms-mcp --http --port N [--host H] [--sandbox]
                               the team server: MCP over Streamable HTTP (stateless) for several clients;
                               needs BAAS_MCP_TOKEN (bearer token); BAAS_MCP_ALLOWED_HOSTS=name[:port],…

Environment: BAAS_API_KEY, PROJECT_ID, BAAS_CALLBACK_NUMBER, BAAS_SANDBOX=1, BAAS_LEDGER_FILE,
BAAS_LEDGER_URL=postgres://… (a team's shared ledger: history, idempotency claims and budgets),
BAAS_API_BASE_URL (emulator / gateway only), BAAS_CONFIRM=ask|off, BAAS_LANG=ko|en, BAAS_LOG_LEVEL. See the README.
`;

const SERVE_FLAGS = ['--sandbox', ...HTTP_FLAGS];

/** Serves as the `baas-sms-mcp` command does with these arguments; the library exports it as `main`. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const env = process.env;
  const logger = createStderrLogger(env);
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(USAGE);
  if (argv.includes('--version')) return void process.stdout.write(`${VERSION}\n`);
  // The emulator, campaigns and the HTTP host are loaded only in their modes: the stdio server starts faster without them.
  if (argv[0] === 'campaign') return void (process.exitCode = await loadCampaign().runCampaignCli(argv.slice(1), env));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (argv[0] === 'emulator') return (require('../emulator/cli') as typeof import('../emulator/cli')).runEmulatorCli(argv.slice(1), logger, (line) => process.stderr.write(`[baas-sms info] ${line}\n`));
  // A mistyped flag (`--sandbx`) must not quietly serve live, paid sends.
  const unknown = argv.find((arg, i) => !SERVE_FLAGS.includes(arg) && !HTTP_VALUE_FLAGS.includes(argv[i - 1]));
  if (unknown !== undefined) throw new Error(`unknown option ${unknown} (see baas-sms-mcp --help)`);

  const { settings, runtime, deps, open } = standaloneServer(env, { sandbox: argv.includes('--sandbox') }, logger);
  // A ledger that cannot be used stops the server here: no send may go out without its record.
  await open();

  let stop: () => Promise<void>;
  if (argv.includes('--http')) {
    const host = await startTeamServer(argv, env, () => createServer(deps), logger, { confirmPolicy: deps.confirmPolicy ?? 'ask', sandbox: settings.sandbox });
    stop = () => host.close();
  } else {
    const { server, cleanup } = createServer(deps);
    const transport = new GuardedStdioTransport(process.stdin, process.stdout, (text) => logger.warn(text));
    await server.connect(transport);
    process.stdin.on('close', () => void shutdown());
    stop = cleanup;
  }
  logger.info(`ready${settings.sandbox ? ' (sandbox: nothing leaves this machine)' : ''}; ledger ${runtime.engine.location}`);

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
