// A local stand-in for the BaaS messaging API (baas-api.md): the sandbox's backend, the tests' real
// HTTP server, and `baas-sms-mcp emulator`. Plain node:http, state in memory.
import { DEFAULT_SANDBOX_DELIVERY_DELAY_MS } from '../core/settings';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../core/logger';
import type { EnvelopeStyle } from './envelope';
import { FaultSchedule, type FaultPlan } from './faults';
import { handleRequest, type HandlerContext } from './handler';
import { RequestLog, type EmulatorRequestRecord } from './requestLog';
import { MessageStore, type CommittedSend } from './store';

export type { FaultPlan } from './faults';
export type { EmulatorRequestRecord } from './requestLog';
export type { CommittedSend } from './store';
export { EMULATOR_TEST_NUMBERS } from './testNumbers';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The only key accepted; when absent any non-empty key is. */
  apiKey?: string;
  /** How long each recipient stays 전송중 before 성공/실패. Default DEFAULT_SANDBOX_DELIVERY_DELAY_MS (core/settings.ts). */
  deliveryDelayMs?: number;
  /** Answer shape: 'legacy' `{success,message,data}` (default) or 'result' `{result,data,message,errorCode}`. */
  envelope?: EnvelopeStyle;
  /** The first group id handed out; later ones count up from it. Default 10001. */
  firstGroupId?: number;
  /** Serve the /__emulator/ control endpoints. Default true. */
  controlEndpoints?: boolean;
  /** Keep every API request for `requests` (tests read it). Default true; the sandbox, which nobody inspects, turns it off. */
  recordRequests?: boolean;
  /** Keep at most this many groups, forgetting the oldest (their status is then "not found"). Default: all. */
  maxGroups?: number;
  /** Clock for delivery states; tests can move time instead of sleeping. Default Date.now. */
  now?: () => number;
  logger?: Logger;
}

export interface BaasEmulator {
  /** Base URL to give a BaasClient, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Replaces the fault plans in force; null clears them. Throws on a malformed plan. */
  setFaults(plan: FaultPlan | FaultPlan[] | null): void;
  /** Sends committed since start (or the last reset), whatever their answer was. */
  committedSends(): number;
  /** Committed sends that carried this `Idempotency-Key`, among those kept (see `maxGroups`). More than one is a duplicate. */
  commitsFor(idempotencyKey: string): number;
  /** The committed sends kept (all of them unless `maxGroups` is set). */
  commits(): readonly CommittedSend[];
  /** Every API request seen (control endpoints excluded), keys redacted; empty with `recordRequests: false`. */
  readonly requests: readonly EmulatorRequestRecord[];
  /** Forgets sends, groups, requests and faults; group ids start over. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<BaasEmulator> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const store = new MessageStore({ firstGroupId: options.firstGroupId ?? 10001, deliveryDelayMs: options.deliveryDelayMs ?? DEFAULT_SANDBOX_DELIVERY_DELAY_MS, now, maxGroups: options.maxGroups });
  const faults = new FaultSchedule();
  const log = new RequestLog({ enabled: options.recordRequests ?? true });
  const waits = new Set<() => void>();
  let closed = false;

  const reset = (): void => {
    store.reset();
    log.clear();
    faults.set(null);
  };
  const ctx: HandlerContext = {
    style: options.envelope ?? 'legacy',
    apiKey: options.apiKey === undefined || options.apiKey === '' ? undefined : options.apiKey,
    store,
    faults,
    log,
    logger,
    now,
    controlEndpoints: options.controlEndpoints ?? true,
    reset,
    isClosed: () => closed,
    wait: (ms) => new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    }),
  };

  const server: Server = createServer((req, res) => {
    handleRequest(ctx, req, res).catch((error: unknown) => {
      // A client that goes away mid-body is normal under fault tests; anything else is worth a line.
      logger.debug(`emulator: request ended early: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.address;
  const url = `http://${address.family === 'IPv6' ? `[${host}]` : host}:${address.port}`;
  logger.debug(`emulator: listening on ${url}`);

  return {
    url,
    host,
    port: address.port,
    setFaults: (plan) => faults.set(plan),
    committedSends: () => store.committedCount(),
    commitsFor: (key) => store.commitsFor(key),
    commits: () => store.all(),
    get requests() {
      return log.all();
    },
    reset,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const release of [...waits]) release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
