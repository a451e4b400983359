// What every standalone host of the MCP server builds from its environment — the `baas-sms-mcp`
// command and the library's createServer(): the settings, one sending runtime, and the server's deps.
// One place, so the two cannot drift (the library once left out BAAS_CONFIRM and served live sends unasked).
import type { Logger } from '../core/logger';
import type { SendingSettings } from '../core/settings';
import type { ServerDeps } from '../mcp/deps';
import { createSendingRuntime, type EngineRuntime } from '../sending/runtime';
import { standaloneSettings, type StandaloneSettings } from './envSettings';

export interface StandaloneServer {
  settings: SendingSettings;
  runtime: EngineRuntime;
  deps: ServerDeps;
  /** Opens the ledger (a PostgreSQL one connected and migrated) and reports sends an earlier process left unanswered; rejects with LEDGER_UNAVAILABLE. */
  open: () => Promise<void>;
}

/** The sending runtime of a standalone process (the server, `baas-sms-mcp campaign`): the key from the environment only. */
export function standaloneRuntime(env: NodeJS.ProcessEnv, { sending, ledgerFile, ledgerUrl, sandboxDelayMs }: StandaloneSettings, logger: Logger): EngineRuntime {
  return createSendingRuntime({
    settings: () => sending,
    apiKey: () => Promise.resolve(env.BAAS_API_KEY?.trim() || undefined),
    ledgerFile,
    ledgerUrl,
    logger,
    sandboxDeliveryDelayMs: sandboxDelayMs,
  });
}

export function standaloneServer(env: NodeJS.ProcessEnv, flags: { sandbox: boolean }, logger: Logger): StandaloneServer {
  const standalone = standaloneSettings(env, flags, logger);
  const { sending: settings, confirmPolicy } = standalone;
  const runtime = standaloneRuntime(env, standalone, logger);
  if (!settings.sandbox && !env.BAAS_API_KEY?.trim()) logger.warn('BAAS_API_KEY is not set: sends will fail with MISSING_API_KEY (use --sandbox to try without a key)');
  if (confirmPolicy === 'off' && !settings.sandbox) {
    logger.warn('BAAS_CONFIRM=off: live sends go out without asking when the MCP client cannot ask (no elicitation), within the spend guard');
  }
  // plan_campaign reads contact lists from the folder the server was started in, and nowhere else.
  const campaignRoots = [process.cwd()];
  const deps: ServerDeps = { sendService: runtime.sendService, ledger: runtime.engine, settings: () => settings, logger, confirmPolicy, campaignRoots: () => campaignRoots };
  return {
    settings,
    runtime,
    deps,
    open: async () => {
      for (const entry of await runtime.engine.open()) {
        logger.warn(`send ${entry.id} (${entry.created_at}) was interrupted before its answer: outcome unknown, check it before sending again`);
      }
    },
  };
}
