// The "fuzzing" figure: fast-check inputs for every tool through a real SDK Client, in memory, to
// createServer() whose send service talks to the emulator (live mode, short delivery delay). Every
// answer must be a success that passed the output schema, or an isError result carrying a coded JSON
// error; nothing may throw except the JSON-RPC error for arguments that are not an object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_CODES } from '../../../src/core/errorCodes';
import { silentLogger } from '../../../src/core/logger';
import { startEmulator } from '../../../src/emulator/emulator';
import { createServer } from '../../../src/mcp/server';
import { createSendingRuntime } from '../../../src/sending/runtime';
import { FUZZ_PROJECT, POOL_REF, TOOL_ARBITRARIES, TOOL_SHARES, type FuzzInput } from './fuzzArbitraries';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

export interface ToolFuzzCounts {
  tool: string;
  inputs: number;
  accepted: number;
  /** isError results with a catalogued code. */
  rejected: number;
  /** JSON-RPC errors for arguments that were deliberately not an object. */
  expectedJsonRpcErrors: number;
  /** Thrown from callTool (other than the above), or INTERNAL_ERROR: an exception escaped a handler. */
  crashes: number;
  /** McpErrors where none was expected (output schema mismatch, bad framing, timeouts). */
  protocolErrors: number;
  /** isError results whose text is not JSON with a catalogued error.code. */
  uncodedRejections: number;
  /** Error codes seen, with their counts. */
  codes: Record<string, number>;
  /** The longest single call, in ms. */
  slowestMs: number;
}

export interface FuzzFigure {
  tools: ToolFuzzCounts[];
  totals: Omit<ToolFuzzCounts, 'tool' | 'codes' | 'slowestMs'>;
  /** Up to 20 examples of each kind of problem, for the failure message. */
  examples: string[];
  seed: number;
  elapsedMs: number;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * Runs `inputs` fuzz inputs in shards of `shardSize` (default 10,000), each against a fresh emulator,
 * ledger and server: what a status lookup costs grows with the ledger, and the figure is about input
 * handling, not about a ledger of 20,000 fuzzed sends.
 */
export async function runFuzzFigure(options: { inputs: number; seed?: number; shardSize?: number }): Promise<FuzzFigure> {
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const shardSize = options.shardSize ?? 10_000;
  const tools = new Map<string, ToolFuzzCounts>();
  const examples: string[] = [];
  for (let done = 0, shard = 0; done < options.inputs; done += shardSize, shard++) {
    const part = await runShard(Math.min(shardSize, options.inputs - done), seed + 1000 * shard);
    examples.push(...part.examples.slice(0, 20 - examples.length));
    for (const counts of part.tools) {
      const sum = tools.get(counts.tool);
      if (!sum) tools.set(counts.tool, counts);
      else {
        for (const k of COUNTED) sum[k] += counts[k];
        for (const [code, k] of Object.entries(counts.codes)) sum.codes[code] = (sum.codes[code] ?? 0) + k;
        sum.slowestMs = Math.max(sum.slowestMs, counts.slowestMs);
      }
    }
  }
  const totals = { inputs: 0, accepted: 0, rejected: 0, expectedJsonRpcErrors: 0, crashes: 0, protocolErrors: 0, uncodedRejections: 0 };
  for (const t of tools.values()) for (const k of COUNTED) totals[k] += t[k];
  return { tools: [...tools.values()], totals, examples, seed, elapsedMs: Date.now() - started };
}

const COUNTED = ['inputs', 'accepted', 'rejected', 'expectedJsonRpcErrors', 'crashes', 'protocolErrors', 'uncodedRejections'] as const;

async function runShard(inputs: number, seed: number): Promise<{ tools: ToolFuzzCounts[]; examples: string[] }> {
  const apiKey = `fuzz-key-${randomBytes(8).toString('hex')}`;
  const emulator = await startEmulator({ apiKey, deliveryDelayMs: 10 });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-fuzz-'));
  // Guard limits far above what the run sends, so the figure is about input handling, not budgets.
  const settings: SendingSettings = {
    sandbox: false,
    projectId: FUZZ_PROJECT,
    defaultCallbackNumber: '02-1234-5678',
    baseUrl: emulator.url,
    timeoutMs: 5000,
    rules: DEFAULT_RULES,
    guard: { ...DEFAULT_GUARD, maxSendsPerMinute: 1e9, maxRecipientsPerDay: 1e12, maxRecipientsPerSend: 1000 },
    locale: 'en',
    duplicateWindowSeconds: 60,
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(apiKey), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
  const { server } = createServer({ sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'fuzz', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  // Listing the tools makes the client check every structuredContent against its output schema.
  await client.listTools();

  const pool: number[] = [];
  const examples: string[] = [];
  const note = (text: string): void => void (examples.length < 20 && examples.push(text));
  try {
    const tools = await Promise.all(Object.entries(TOOL_ARBITRARIES).map(async ([tool, arbitrary], i) => {
      const counts: ToolFuzzCounts = { tool, inputs: 0, accepted: 0, rejected: 0, expectedJsonRpcErrors: 0, crashes: 0, protocolErrors: 0, uncodedRejections: 0, codes: {}, slowestMs: 0 };
      const numRuns = Math.max(1, Math.round(inputs * TOOL_SHARES[tool]));
      await fc.assert(fc.asyncProperty(arbitrary, async (input) => {
        counts.inputs++;
        await callOnce(client, tool, input, pool, counts, note);
      }), { numRuns, seed: seed + i });
      return counts;
    }));
    return { tools, examples };
  } finally {
    await client.close();
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function callOnce(client: Client, tool: string, input: FuzzInput, pool: number[], counts: ToolFuzzCounts, note: (t: string) => void): Promise<void> {
  // What a real transport would carry: JSON (no undefined, NaN or prototypes).
  const args = resolvePool((JSON.parse(JSON.stringify({ a: input.args })) as { a?: unknown }).a, pool);
  const shown = (): string => `${tool} ${JSON.stringify(args)?.slice(0, 300)}`;
  let result: CallToolResult;
  const t0 = performance.now();
  try {
    result = (await client.callTool({ name: tool, arguments: args as Record<string, unknown> }, undefined, { timeout: 30_000 })) as CallToolResult;
    counts.slowestMs = Math.max(counts.slowestMs, Math.round(performance.now() - t0));
  } catch (error) {
    if (error instanceof McpError && input.nonObject) {
      counts.expectedJsonRpcErrors++;
      counts.codes[`jsonrpc ${error.code}`] = (counts.codes[`jsonrpc ${error.code}`] ?? 0) + 1;
    }
    else if (error instanceof McpError) {
      counts.protocolErrors++;
      note(`protocol error ${error.code} ${error.message.slice(0, 200)} for ${shown()}`);
    } else {
      counts.crashes++;
      note(`crash ${String(error).slice(0, 200)} for ${shown()}`);
    }
    return;
  }
  if (input.nonObject && !result.isError) {
    counts.protocolErrors++;
    note(`non-object arguments were accepted: ${shown()}`);
    return;
  }
  if (!result.isError) {
    counts.accepted++;
    const groupId = (result.structuredContent as { group_id?: unknown } | undefined)?.group_id;
    if ((tool === 'send_sms' || tool === 'send_mms') && typeof groupId === 'number') pool.push(groupId);
    return;
  }
  const code = codeOf(result);
  if (code === undefined) {
    counts.uncodedRejections++;
    note(`uncoded rejection for ${shown()}: ${JSON.stringify(result.content).slice(0, 200)}`);
  } else if (code === 'INTERNAL_ERROR') {
    counts.crashes++;
    note(`INTERNAL_ERROR for ${shown()}: ${JSON.stringify(result.content).slice(0, 300)}`);
  } else {
    counts.rejected++;
    counts.codes[code] = (counts.codes[code] ?? 0) + 1;
  }
}

/** The catalogued error code an isError result carries, or undefined if it has none. */
export function codeOf(result: CallToolResult): string | undefined {
  const first = result.content?.[0];
  if (!first || first.type !== 'text') return undefined;
  try {
    const code = (JSON.parse(first.text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && KNOWN_CODES.has(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

function resolvePool(args: unknown, pool: number[]): unknown {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return args;
  const groupId = (args as { group_id?: unknown }).group_id;
  if (typeof groupId !== 'string' || !groupId.startsWith(POOL_REF)) return args;
  const n = Number(groupId.slice(POOL_REF.length));
  // Mostly a recent group, as an agent polls the send it just made; before any send, a group no one has.
  const id = pool.length ? pool[pool.length - 1 - (n % Math.min(pool.length, 500))] : 999_999_999;
  return { ...args, group_id: n % 4 === 0 ? String(id) : id };
}
