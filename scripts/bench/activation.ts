// Extension activation outside VS Code: load dist/extension.js against the `vscode` stand-in and call
// activate(), timing the load (VS Code's codeLoadingTime) and the call (activateCallTime), counting
// the API calls made and the ledger bytes read before the first user action. Then, as VS Code does
// when it starts the server, the MCP provider's resolveMcpServerDefinition → initialize → tools/list
// (raw JSON-RPC over the SDK client transport, its fetch loaded beforehand: VS Code's client is not ours).
// Meant to run once per fresh process (see run.ts `--child activation`): the first load is the cold one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { initializeAndListTools, warmClientSide } from './inProcessStart';
import { countingReads } from './ledgerScale';
import { msSince } from './stats';
import { createVscodeStandIn, type CallCounts } from './vscodeStandIn';

export interface ActivationSample {
  /** require(dist/extension.js): read, compile, evaluate. */
  loadMs: number;
  /** activate(context) until it returns. */
  activateMs: number;
  /** API calls made by the load and activate(). */
  calls: CallCounts;
  /** API calls made in the 100 ms after activate() returned (promises it started), still before any user action. */
  laterCalls: CallCounts;
  /** Ledger bytes read during activate() (fs.readSync). */
  ledgerBytesRead: number;
  /** resolveMcpServerDefinition → initialize → tools/list answered, through the provider; NaN if not measured. */
  resolveToToolsListMs: number;
  toolCount: number;
}

interface ExtensionModule {
  activate(context: unknown): unknown;
}

interface McpProvider {
  resolveMcpServerDefinition(definition: unknown): Promise<{ uri: { toString(): string }; headers: Record<string, string> } | undefined>;
}

/**
 * Loads and activates `extensionJs` once in this process. `ledgerFile` (BAAS_LEDGER_FILE, which the
 * extension honours) lets a large ledger be in place; the sandbox setting is on so that resolving
 * needs no key and shows no dialog.
 */
export async function measureActivation(extensionJs: string, options: { ledgerFile?: string; resolve?: boolean } = {}): Promise<ActivationSample> {
  const storage = mkdtempSync(path.join(tmpdir(), 'baas-bench-ext-'));
  const previousLedger = process.env.BAAS_LEDGER_FILE;
  if (options.ledgerFile) process.env.BAAS_LEDGER_FILE = options.ledgerFile;
  else delete process.env.BAAS_LEDGER_FILE;
  const standIn = createVscodeStandIn({ globalStorageDir: storage, extensionDir: path.dirname(path.dirname(extensionJs)), settings: { sandbox: true } });
  const uninstall = standIn.install();
  standIn.resetCalls();
  try {
    let start = process.hrtime.bigint();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, loaded the way the extension host does
    const extension = require(extensionJs) as ExtensionModule;
    const loadMs = msSince(start);
    start = process.hrtime.bigint();
    const activated = countingReads(() => extension.activate(standIn.context));
    const activateMs = msSince(start);
    const calls = standIn.calls();
    standIn.resetCalls();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const laterCalls = standIn.calls();

    let resolveToToolsListMs = NaN;
    let toolCount = 0;
    if (options.resolve !== false) {
      const { McpHttpServerDefinition, Uri } = standIn.vscode as { McpHttpServerDefinition: new (...a: unknown[]) => unknown; Uri: { parse(v: string): unknown } };
      const definition = new McpHttpServerDefinition('BaaS SMS', Uri.parse('http://127.0.0.1/mcp'), {}, '0');
      await warmClientSide();
      start = process.hrtime.bigint();
      // The provider as VS Code holds it: the one activation registered.
      const [provider] = [...standIn.mcpProviders.values()] as McpProvider[];
      if (!provider) throw new Error('activation registered no MCP server definition provider');
      const resolved = await provider.resolveMcpServerDefinition(definition);
      if (!resolved) throw new Error('resolveMcpServerDefinition returned nothing in sandbox mode');
      const listed = await initializeAndListTools(new URL(resolved.uri.toString()), resolved.headers);
      toolCount = listed.toolCount;
      resolveToToolsListMs = Number(listed.answeredAt - start) / 1e6;
    }
    for (const subscription of standIn.context.subscriptions) await subscription.dispose();
    return { loadMs, activateMs, calls, laterCalls, ledgerBytesRead: activated.bytes, resolveToToolsListMs, toolCount };
  } finally {
    uninstall();
    if (previousLedger === undefined) delete process.env.BAAS_LEDGER_FILE;
    else process.env.BAAS_LEDGER_FILE = previousLedger;
    rmSync(storage, { recursive: true, force: true });
  }
}

/** `a: 2, b: 1` — call counts as one short line, most frequent first. */
export function describeCalls(calls: CallCounts): string {
  return Object.entries(calls)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name}×${n}`)
    .join(', ');
}
