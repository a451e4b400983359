// `baas-sms-mcp emulator [--port N] [--delay MS] [--key K] [--host H] [--envelope legacy|result]`:
// runs the emulator in the foreground until SIGINT/SIGTERM. Messages go to the logger (stderr).
import { DEFAULT_SANDBOX_DELIVERY_DELAY_MS } from '../core/settings';
import { BaasSmsError } from '../core/errors';
import type { Logger } from '../core/logger';
import { startEmulator, type EmulatorOptions } from './emulator';
import { EMULATOR_TEST_NUMBERS } from './testNumbers';

/** Parses the emulator's command-line flags; throws INVALID_INPUT naming the bad flag. */
export function parseEmulatorArgs(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw invalid(flag, 'needs a value');
      return v;
    };
    switch (flag) {
      case '--port': options.port = wholeNumber(flag, value(), 65535); break;
      case '--delay': options.deliveryDelayMs = wholeNumber(flag, value(), 24 * 3600 * 1000); break;
      case '--key': options.apiKey = value(); break;
      case '--host': options.host = value(); break;
      case '--envelope': {
        const style = value();
        if (style !== 'legacy' && style !== 'result') throw invalid(flag, 'must be legacy or result');
        options.envelope = style;
        break;
      }
      default: throw invalid(flag, 'unknown option (known: --port, --delay, --key, --host, --envelope)');
    }
  }
  return options;
}

/** Starts the emulator from `argv`, logs its URL and resolves once SIGINT or SIGTERM has closed it. */
export async function runEmulatorCli(argv: string[], logger: Logger): Promise<void> {
  const options = parseEmulatorArgs(argv);
  const emulator = await startEmulator({ ...options, logger });
  logger.info(`BaaS emulator listening on ${emulator.url}`);
  logger.info(`  set BAAS_API_BASE_URL=${emulator.url}; key: ${options.apiKey ? 'only the one given with --key' : 'any non-empty key'}`);
  logger.info(`  delivery delay ${options.deliveryDelayMs ?? DEFAULT_SANDBOX_DELIVERY_DELAY_MS} ms; test numbers: ${Object.entries(EMULATOR_TEST_NUMBERS).map(([n, b]) => `${n} ${b.description}`).join('; ')}`);
  logger.info(`  control endpoints under ${emulator.url}/__emulator/ (state, requests, commits, faults, reset)`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      logger.info(`BaaS emulator stopping (${signal})`);
      emulator.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function wholeNumber(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw invalid(flag, `must be a whole number from 0 to ${max}`);
  return n;
}

function invalid(flag: string, detail: string): BaasSmsError {
  return new BaasSmsError('INVALID_INPUT', { field: flag, params: { detail } });
}
