// Builds the services a host shares: one ledger engine, one spend guard, one sandbox, one send service.
// The stdio command builds it from the environment (the file, or PostgreSQL with BAAS_LEDGER_URL);
// the extension from settings and SecretStorage (the file).
import type { Logger } from '../core/logger';
import { SpendGuard } from '../guard/spendGuard';
import { createLedgerEngine } from '../ledger/engine/createLedgerEngine';
import { FileLedgerEngine } from '../ledger/engine/fileEngine';
import type { LedgerEngine } from '../ledger/engine/types';
import type { SendLedger } from '../ledger/sendLedger';
import { SandboxBackend } from './sandbox';
import { sandboxGroupsPath } from './sandboxGroups';
import { SendService } from './sendService';
import type { SendingSettings } from '../core/settings';

export interface SendingRuntimeOptions {
  settings: () => SendingSettings;
  apiKey: () => Promise<string | undefined>;
  ledgerFile: string;
  /** A postgres:// URL puts the ledger in PostgreSQL; never a fall-back to the file when it fails. */
  ledgerUrl?: string;
  logger: Logger;
  /** Puts something between the send service and the engine: the extension's team-ledger switch. */
  routeEngine?: (engine: LedgerEngine) => LedgerEngine;
  /** How long sandbox recipients stay 전송중 before their final state (default in core/settings.ts). */
  sandboxDeliveryDelayMs?: number;
}

/** A runtime on either engine (the standalone server's). */
export interface EngineRuntime {
  engine: LedgerEngine;
  guard: SpendGuard;
  sendService: SendService;
  dispose(): Promise<void>;
}

/** A runtime on the ledger file, whose synchronous reader the extension's tree uses directly. */
export interface SendingRuntime extends EngineRuntime {
  engine: FileLedgerEngine;
  ledger: SendLedger;
}

export function createSendingRuntime(options: SendingRuntimeOptions & { ledgerUrl?: undefined }): SendingRuntime;
export function createSendingRuntime(options: SendingRuntimeOptions): EngineRuntime;
export function createSendingRuntime(options: SendingRuntimeOptions): EngineRuntime {
  const engine = createLedgerEngine({ url: options.ledgerUrl, file: options.ledgerFile, logger: options.logger });
  const guard = new SpendGuard(() => options.settings().guard);
  const sandbox = new SandboxBackend({ deliveryDelayMs: options.sandboxDeliveryDelayMs, logger: options.logger, groupsFile: sandboxGroupsPath(options.ledgerFile) });
  const sendService = new SendService({ ledger: options.routeEngine?.(engine) ?? engine, guard, settings: options.settings, apiKey: options.apiKey, sandbox, logger: options.logger });
  const dispose = async (): Promise<void> => {
    await sendService.dispose();
    await engine.close();
  };
  if (engine instanceof FileLedgerEngine) {
    const fileRuntime: SendingRuntime = { engine, ledger: engine.ledger, guard, sendService, dispose };
    return fileRuntime;
  }
  return { engine, guard, sendService, dispose };
}
