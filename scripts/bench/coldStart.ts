// Cold start of a stdio MCP server as a client feels it: from spawn to the `initialize` answer and on
// to the `tools/list` answer, raw JSON-RPC over pipes (no SDK client in the way). Runs are interleaved
// across the variants (a, b, c, a, b, c, …) so that machine drift hits every variant alike.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { msSince } from './stats';

export interface StdioStartTiming {
  initializeMs: number;
  toolsListMs: number;
  /** On-CPU ms of the server's main thread up to the tools/list answer (Linux only, else NaN): less sensitive to a busy machine. */
  cpuMs: number;
  toolCount: number;
}

export interface ColdStartVariant {
  label: string;
  /** Arguments to `node`; for the `exit` kind the child just has to exit. */
  args: string[];
  kind: 'exit' | 'mcp';
  env?: NodeJS.ProcessEnv;
}

export type ColdStartResults = Record<string, number[]>;

const PROTOCOL_VERSION = '2025-06-18';
const TIMEOUT_MS = 30_000;

/** The environment children get: ours, minus anything that would load extra code into them (a tsx loader). */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/** Spawn → exit, in ms (the cost of a bare Node process). */
export function timeNodeExit(args: string[], env: NodeJS.ProcessEnv = childEnv()): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(msSince(start)) : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

/** Spawn → initialize answer → tools/list answer, in ms from spawn; waits for the child to exit before resolving. */
export function timeStdioServer(args: string[], env: NodeJS.ProcessEnv = childEnv()): Promise<StdioStartTiming> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let initializeMs = NaN;
    let result: StdioStartTiming | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no tools/list answer within ${TIMEOUT_MS} ms from node ${args.join(' ')}; stderr: ${stderr.slice(0, 500)}`));
    }, TIMEOUT_MS);
    const send = (message: object): void => void child.stdin.write(`${JSON.stringify(message)}\n`);
    child.on('error', reject);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] }; error?: unknown };
        if (message.error) reject(new Error(`JSON-RPC error from node ${args.join(' ')}: ${JSON.stringify(message.error)}`));
        if (message.id === 1) {
          initializeMs = msSince(start);
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          result = { initializeMs, toolsListMs: msSince(start), cpuMs: mainThreadCpuMs(child.pid), toolCount: message.result?.tools?.length ?? 0 };
          // Closing stdin is how MCP clients stop a stdio server; the next run starts once this one is gone.
          child.stdin.end();
        }
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`node ${args.join(' ')} exited before answering; stderr: ${stderr.slice(0, 500)}`));
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

/** On-CPU time of a process's main thread so far, from /proc/<pid>/schedstat (ns); NaN where there is none. */
export function mainThreadCpuMs(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * `rounds` interleaved runs of every variant after `warmup` discarded rounds (they fill the OS file
 * cache). Results per label: tools/list ms for servers, exit ms for `exit` variants, plus
 * `<label>:initialize` and `<label>:cpu` (main-thread CPU ms) for servers.
 */
export async function runColdStart(variants: ColdStartVariant[], rounds: number, warmup = 2): Promise<ColdStartResults> {
  const results: ColdStartResults = {};
  for (let round = -warmup; round < rounds; round++) {
    for (const variant of variants) {
      const env = childEnv(variant.env);
      if (variant.kind === 'exit') {
        const ms = await timeNodeExit(variant.args, env);
        if (round >= 0) (results[variant.label] ??= []).push(ms);
      } else {
        const timing = await timeStdioServer(variant.args, env);
        if (timing.toolCount === 0) throw new Error(`${variant.label} listed no tools`);
        if (round >= 0) {
          (results[variant.label] ??= []).push(timing.toolsListMs);
          (results[`${variant.label}:initialize`] ??= []).push(timing.initializeMs);
          (results[`${variant.label}:cpu`] ??= []).push(timing.cpuMs);
        }
      }
    }
  }
  return results;
}
