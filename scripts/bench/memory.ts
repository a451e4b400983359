// Memory of the stdio server under a long session: dist/server.js --sandbox driven by an SDK client
// through `calls` tool calls (preview_message, get_send_history, send_sms with a tiny delivery delay,
// get_message_status), sampled every `sampleEvery` calls: the resident set from outside, and the live
// heap after a full GC from a bench-only preload (--expose-gc, answers SIGUSR2 by writing
// process.memoryUsage() to a file; the server's code is unchanged). RSS alone cannot tell a leak from
// V8 growing its heap; the live heap can.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { childEnv } from './coldStart';

export interface MemorySample {
  calls: number;
  rssKiB: number;
  /** V8 heap in use right after a full GC, KiB; NaN where SIGUSR2 is missing (Windows). */
  heapKiB: number;
}

export interface MemoryResult {
  samples: MemorySample[];
  /** Peak resident set over the whole run (VmHWM), or the largest sample where /proc is missing. */
  peakKiB: number;
  calls: number;
  sends: number;
  /** Wall time of the whole run, ms. */
  ms: number;
  ledgerBytes: number;
}

/** Resident set and its peak of process `pid`, in KiB: /proc on Linux, `ps` elsewhere (no peak there). */
export function residentKiB(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return { rss, peak: NaN };
  }
}

const PRELOAD = `
const fs = require('node:fs');
process.on('SIGUSR2', () => {
  global.gc();
  const file = process.env.BENCH_HEAP_FILE;
  fs.writeFileSync(file + '.tmp', JSON.stringify(process.memoryUsage()));
  fs.renameSync(file + '.tmp', file);
});
`;

/** Asks the server (through the preload) for its live heap after a full GC, in KiB. */
async function liveHeapKiB(pid: number, file: string): Promise<number> {
  if (process.platform === 'win32') return NaN;
  if (existsSync(file)) unlinkSync(file);
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 5_000; waited += 5) {
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number }).heapUsed / 1024;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the server did not report its heap within 5 s');
}

const RECIPIENT = { phone_number: '010-1234-5678', member_code: 'bench' };

/**
 * `warmupCalls` calls first, then `calls` more, sampled every `sampleEvery` from the end of the warm-up
 * on (the first sample is the warm-up figure). The warm-up lets the server's bounded stores fill: the
 * ledger's parsed tail (1 MiB of file), the sandbox's newest 1,000 groups, and identical-send answers
 * for the de-duplication window, which is 5 s here (60 s by default) so that it fills within the warm-up.
 */
export async function measureMemory(serverJs: string, calls = 10_000, sampleEvery = 1_000, warmupCalls = 0): Promise<MemoryResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-bench-mem-'));
  const ledger = path.join(dir, 'ledger.jsonl');
  const preload = path.join(dir, 'heap-preload.js');
  const heapFile = path.join(dir, 'heap.json');
  writeFileSync(preload, PRELOAD);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--expose-gc', '--require', preload, serverJs, '--sandbox'],
    env: childEnv({ BAAS_LEDGER_FILE: ledger, BAAS_SANDBOX_DELAY_MS: '5', BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_API_KEY: '', BAAS_DUPLICATE_WINDOW_SECONDS: '5', BENCH_HEAP_FILE: heapFile }) as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '0' });
  const started = Date.now();
  await client.connect(transport);
  const pid = transport.pid;
  if (!pid) throw new Error('the stdio server has no pid');
  const total = warmupCalls + calls;
  const result: MemoryResult = { samples: [], peakKiB: 0, calls: total, sends: 0, ms: 0, ledgerBytes: 0 };
  let lastGroup: number | undefined;
  try {
    for (let i = 1; i <= total; i++) {
      const step = i % 10;
      let answer;
      if (step < 4) {
        answer = await client.callTool({ name: 'preview_message', arguments: { recipients: [RECIPIENT], message: `미리보기 ${i}번 메시지입니다` } });
      } else if (step < 6) {
        answer = await client.callTool({ name: 'get_send_history', arguments: { limit: 20 } });
      } else if (step < 8 || lastGroup === undefined) {
        answer = await client.callTool({ name: 'send_sms', arguments: { recipients: [RECIPIENT], message: `메모리 시험 ${i}번` } });
        lastGroup = (answer.structuredContent as { group_id?: number } | undefined)?.group_id;
        result.sends++;
      } else {
        answer = await client.callTool({ name: 'get_message_status', arguments: { group_id: lastGroup } });
      }
      if (answer.isError) throw new Error(`call ${i} failed: ${JSON.stringify(answer.content).slice(0, 300)}`);
      if (i >= warmupCalls && (i - warmupCalls) % sampleEvery === 0) {
        const heapKiB = await liveHeapKiB(pid, heapFile);
        result.samples.push({ calls: i, rssKiB: residentKiB(pid).rss, heapKiB });
      }
    }
    const { rss, peak } = residentKiB(pid);
    result.peakKiB = Number.isFinite(peak) ? peak : Math.max(rss, ...result.samples.map((s) => s.rssKiB));
    result.ms = Date.now() - started;
    result.ledgerBytes = readFileSync(ledger).length;
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
