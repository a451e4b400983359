// Tool overhead: what a send_sms call costs beyond the network. Each round makes one send through the
// whole MCP path (in-memory SDK client → createServer → SendService → ledger → BaasClient → emulator)
// and one send straight from a BaasClient to the same emulator, back to back, so the paired
// difference is our layer's cost: schemas, rules, spend guard, de-duplication, two ledger lines, the
// answer's shaping. Every send has a fresh text (nothing is de-duplicated) and the guard's limits
// are set high enough never to refuse.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { BaasClient } from '../../src/baas/client';
import { silentLogger } from '../../src/core/logger';
import { type Recipient } from '../../src/core/types';
import { startEmulator } from '../../src/emulator/emulator';
import { createServer } from '../../src/mcp/server';
import { createSendingRuntime } from '../../src/sending/runtime';
import { msSince } from './stats';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../src/core/settings';

const PROJECT = '123e4567-e89b-42d3-a456-426614174000';
const CALLBACK = '02-1234-5678';

export interface ToolOverheadResult {
  recipients: number;
  /** send_sms through MCP, ms. */
  mcp: number[];
  /** The same send straight from a BaasClient, ms. */
  direct: number[];
  /** mcp − direct of each round, ms. */
  overhead: number[];
  /** The same difference in CPU time of this process (client, server and emulator all run here), ms: steadier on a busy machine. */
  overheadCpu: number[];
  /** Bytes of ledger written per send through MCP. */
  ledgerBytesPerSend: number;
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** `count` distinct, already-normalised recipients. */
export function benchRecipients(count: number): Recipient[] {
  return Array.from({ length: count }, (_, i) => ({
    phone_number: `010-${String(2000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`,
    member_code: `m${i}`,
  }));
}

/** `rounds` interleaved pairs (after `warmup` untimed pairs) of an MCP send_sms and a direct send. */
export async function measureToolOverhead(recipientCount: number, rounds: number, options: { warmup?: number; duplicateWindowSeconds?: number } = {}): Promise<ToolOverheadResult> {
  const warmup = options.warmup ?? 20;
  const apiKey = `bench-${randomUUID()}`;
  // Long delivery delay: the emulator answers sends only; nothing polls.
  const emulator = await startEmulator({ apiKey, deliveryDelayMs: 3_600_000, controlEndpoints: false });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-bench-tool-'));
  const ledgerFile = path.join(dir, 'ledger.jsonl');
  const settings: SendingSettings = {
    sandbox: false,
    projectId: PROJECT,
    defaultCallbackNumber: CALLBACK,
    baseUrl: emulator.url,
    timeoutMs: 20_000,
    rules: DEFAULT_RULES,
    guard: { ...DEFAULT_GUARD, maxRecipientsPerSend: 1000, maxSendsPerMinute: 1_000_000, maxRecipientsPerDay: 1_000_000_000 },
    locale: 'en',
    // 0 by default: with a window, every earlier send of the last minute is looked at again per send
    // (SendService.recentSend), a cost that grows with the bench's hundreds of sends a minute but
    // not with a user's few (the live guard allows 10 a minute). Measured separately.
    duplicateWindowSeconds: options.duplicateWindowSeconds ?? 0,
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(apiKey), ledgerFile, logger: silentLogger });
  const { server } = createServer({ sendService: runtime.sendService, ledger: runtime.ledger, settings: () => settings, logger: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'bench', version: '0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const direct = new BaasClient({ apiKey, baseUrl: emulator.url, timeoutMs: 20_000, logger: silentLogger });
  const recipients = benchRecipients(recipientCount);
  const result: ToolOverheadResult = { recipients: recipientCount, mcp: [], direct: [], overhead: [], overheadCpu: [], ledgerBytesPerSend: 0 };

  try {
    let sends = 0;
    for (let round = -warmup; round < rounds; round++) {
      // Same length every round, different text: no send is answered from an earlier one.
      const text = `Bench message ${String(round + warmup).padStart(6, '0')}`;
      let cpu = process.cpuUsage();
      let start = process.hrtime.bigint();
      const answer = await client.callTool({ name: 'send_sms', arguments: { recipients, message: text } });
      const mcpMs = msSince(start);
      const mcpCpu = cpuMs(process.cpuUsage(cpu));
      if (answer.isError) throw new Error(`send_sms failed: ${JSON.stringify(answer.content).slice(0, 300)}`);
      if ((answer.structuredContent as { deduplicated?: boolean }).deduplicated) throw new Error('a bench send was de-duplicated');
      sends++;

      cpu = process.cpuUsage();
      start = process.hrtime.bigint();
      await direct.sendSms({ recipients, message: text, callback_number: CALLBACK, project_id: PROJECT }, { idempotencyKey: randomUUID() });
      const directMs = msSince(start);
      const directCpu = cpuMs(process.cpuUsage(cpu));
      if (round >= 0) {
        result.mcp.push(mcpMs);
        result.direct.push(directMs);
        result.overhead.push(mcpMs - directMs);
        result.overheadCpu.push(mcpCpu - directCpu);
      }
    }
    result.ledgerBytesPerSend = Math.round(statSync(ledgerFile).size / sends);
  } finally {
    await client.close();
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
