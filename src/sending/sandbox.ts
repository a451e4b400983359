// The sandbox: an in-process BaaS emulator started on first use, so sends cost nothing, need no key
// and never leave the machine. Group ids start from the clock so that sandbox groups of different
// sessions do not share ids in the ledger.
import type { Logger } from '../core/logger';
import { DEFAULT_SANDBOX_DELIVERY_DELAY_MS } from '../core/settings';
import type * as EmulatorModule from '../emulator/emulator';
import type { BaasEmulator } from '../emulator/emulator';

export const SANDBOX_API_KEY = 'sandbox-key-not-secret';
/** Sandbox groups whose status stays known; older ones answer GROUP_NOT_FOUND. */
export const SANDBOX_MAX_GROUPS = 1000;

export class SandboxBackend {
  private emulator?: Promise<BaasEmulator>;

  constructor(private readonly options: { deliveryDelayMs?: number; logger: Logger }) {}

  /** The emulator's base URL, starting it on first call. */
  async baseUrl(): Promise<string> {
    this.emulator ??= this.start();
    return (await this.emulator).url;
  }

  private start(): Promise<BaasEmulator> {
    // Loaded on first use, so a live-only server never pays for the emulator. require, not import():
    // the bundles and the tests' CommonJS loader both keep it lazy and load one copy of the module.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEmulator } = require('../emulator/emulator') as typeof EmulatorModule;
    return startEmulator({
      apiKey: SANDBOX_API_KEY,
      deliveryDelayMs: this.options.deliveryDelayMs ?? DEFAULT_SANDBOX_DELIVERY_DELAY_MS,
      firstGroupId: Math.floor(Date.now() / 1000) * 1000,
      controlEndpoints: false,
      // The sandbox runs as long as its server or VS Code window: bound what it keeps.
      recordRequests: false,
      maxGroups: SANDBOX_MAX_GROUPS,
      logger: this.options.logger,
    });
  }

  async dispose(): Promise<void> {
    const emulator = this.emulator;
    this.emulator = undefined;
    if (emulator) await (await emulator).close();
  }
}
