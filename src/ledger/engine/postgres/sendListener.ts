// Follows the team's sends as they are written: one LISTEN session on the notify channel (migration 2)
// that calls back after every committed write, from any instance on the database. A lost session is
// reported (LEDGER_UNAVAILABLE, password masked) and re-opened with a growing pause; after a re-open
// the caller is told "changed", since notices sent while away are gone.
import { Client } from 'pg';
import type { BaasSmsError } from '../../../core/errors';
import { silentLogger, type Logger } from '../../../core/logger';
import { ledgerUnavailable } from './rows';
import { NOTIFY_CHANNEL } from './schema';

export interface SendListenerOptions {
  url: string;
  location: string;
  password: string | undefined;
  /** Where the URL is set, for errors to name. */
  setting?: string;
  onChange: () => void;
  /** The session was lost, or could not be opened; it is retried. */
  onError?: (error: BaasSmsError) => void;
  logger?: Logger;
  /** First pause before re-opening a lost session (doubles up to 30 s). */
  retryMs?: number;
}

export interface SendListener {
  /** Whether the LISTEN session is open now. */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** Opens the session; resolves once listening, rejects with LEDGER_UNAVAILABLE when the first attempt fails. */
export async function listenForSends(options: SendListenerOptions): Promise<SendListener> {
  const logger = options.logger ?? silentLogger;
  let client: Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let pause = options.retryMs ?? 1_000;

  const open = async (): Promise<void> => {
    const next = new Client({ connectionString: options.url, application_name: 'baas-sms-listen', connectionTimeoutMillis: 5_000 });
    next.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL) options.onChange();
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('the connection was closed')));
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      await next.end().catch(() => undefined);
      throw ledgerUnavailable(error, options.location, options.password, options.setting);
    }
    client = next;
    pause = options.retryMs ?? 1_000;
  };

  const lost = (which: Client, error: Error): void => {
    if (closed || client !== which) return;
    client = undefined;
    which.removeAllListeners();
    which.on('error', () => undefined);
    void which.end().catch(() => undefined);
    report(ledgerUnavailable(error, options.location, options.password, options.setting));
    retry();
  };

  const report = (error: BaasSmsError): void => {
    logger.warn(`send ledger ${options.location}: live history lost (${String(error.params.detail)}); retrying`);
    options.onError?.(error);
  };

  const retry = (): void => {
    if (closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      open().then(() => {
        logger.info(`send ledger ${options.location}: live history back`);
        options.onChange();
      }, (error: BaasSmsError) => {
        pause = Math.min(pause * 2, 30_000);
        report(error);
        retry();
      });
    }, pause);
    timer.unref();
  };

  await open();
  return {
    get connected() {
      return client !== undefined;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
