// Builds the services a host shares: one ledger, one spend guard, one sandbox, one send service.
// The stdio command builds it from the environment; the extension from settings and SecretStorage.
import type { Logger } from '../core/logger';
import { SpendGuard } from '../guard/spendGuard';
import { SendLedger } from '../ledger/sendLedger';
import { SandboxBackend } from './sandbox';
import { SendService } from './sendService';
import type { SendingSettings } from '../core/settings';

export interface SendingRuntimeOptions {
  settings: () => SendingSettings;
  apiKey: () => Promise<string | undefined>;
  ledgerFile: string;
  logger: Logger;
  /** How long sandbox recipients stay 전송중 before their final state (default in core/settings.ts). */
  sandboxDeliveryDelayMs?: number;
}

export interface SendingRuntime {
  ledger: SendLedger;
  guard: SpendGuard;
  sendService: SendService;
  dispose(): Promise<void>;
}

export function createSendingRuntime(options: SendingRuntimeOptions): SendingRuntime {
  const ledger = new SendLedger(options.ledgerFile, { logger: options.logger });
  const guard = new SpendGuard(() => options.settings().guard);
  const sandbox = new SandboxBackend({ deliveryDelayMs: options.sandboxDeliveryDelayMs, logger: options.logger });
  const sendService = new SendService({ ledger, guard, settings: options.settings, apiKey: options.apiKey, sandbox, logger: options.logger });
  return { ledger, guard, sendService, dispose: () => sendService.dispose() };
}
