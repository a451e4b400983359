// The "faults" figure: many logical sends through the real SendService, BaasClient and SendLedger
// against the emulator under every fault mode it can inject, then each send checked against what
// the emulator actually committed. Shared by the mocha test (small) and scripts/reliability.ts (full).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { BaasSmsError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { startEmulator, type BaasEmulator, type FaultPlan } from '../../../src/emulator/emulator';
import type { LedgerEntry } from '../../../src/ledger/sendLedger';
import { createSendingRuntime } from '../../../src/sending/runtime';
import { runPool } from './pool';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

export const FAULT_PROJECT = '5f0c8a9e-3c1b-4d2a-9e8f-7a6b5c4d3e2f';

export interface FaultMode {
  name: string;
  /** What the emulator does, for the README table. */
  description: string;
  plan: (sendsPerMode: number, timeoutMs: number) => FaultPlan | FaultPlan[] | null;
  /** The emulator still works after the client gave up: wait this many timeouts before counting commits. */
  settleTimeouts?: number;
}

/** Every fault mode, in the order the table lists them. Latencies are relative to the client timeout. */
export const FAULT_MODES: FaultMode[] = [
  { name: 'none', description: 'no fault', plan: () => null },
  { name: 'latency-in-time', description: 'answer after timeout / 4', plan: (_n, t) => ({ mode: 'latency', latencyMs: Math.round(t / 4) }) },
  { name: 'latency-past-timeout', description: 'commit, answer after 3 × timeout', plan: (_n, t) => ({ mode: 'latency', latencyMs: 3 * t, commit: 'before' }), settleTimeouts: 4 },
  { name: 'latency-commit-late', description: 'wait 3 × timeout, then commit (client gone)', plan: (_n, t) => ({ mode: 'latency', latencyMs: 3 * t, commit: 'after' }), settleTimeouts: 4 },
  { name: 'reset-before-commit', description: 'connection dropped, nothing committed', plan: () => ({ mode: 'drop_before_commit' }) },
  { name: 'reset-after-commit', description: 'committed, then connection dropped', plan: () => ({ mode: 'drop_after_commit' }) },
  { name: 'http-500', description: 'committed, then HTTP 500', plan: () => ({ mode: 'status', status: 500 }) },
  { name: 'http-502', description: 'committed, then HTTP 502', plan: () => ({ mode: 'status', status: 502 }) },
  { name: 'http-504', description: 'committed, then HTTP 504', plan: () => ({ mode: 'status', status: 504 }) },
  // A limited count: early sends exhaust their retries (failed), later ones get through on a retry (sent).
  { name: 'http-429-retry-after', description: '429 + Retry-After: 1, for 2.2 × sends requests', plan: (n) => ({ mode: 'rate_limit', retryAfterSeconds: 1, count: Math.ceil(2.2 * n) }) },
  { name: 'http-503', description: '503 (not committed), for 2.2 × sends requests', plan: (n) => ({ mode: 'status', status: 503, count: Math.ceil(2.2 * n) }) },
];

export interface FaultFigureOptions {
  sendsPerMode: number;
  timeoutMs: number;
  /** Sends in flight at once. */
  concurrency: number;
  modes?: FaultMode[];
}

export interface ModeCounts {
  mode: string;
  description: string;
  sends: number;
  sent: number;
  failed: number;
  unknownCommitted: number;
  unknownNotCommitted: number;
  /** Ledger entries whose Idempotency-Key the emulator committed more than once. */
  duplicated: number;
  /** Logical sends with no ledger entry, or one still pending. */
  missingFromLedger: number;
  committed: number;
}

export interface FaultFigure {
  modes: ModeCounts[];
  totals: ModeCounts;
  /** Every broken promise, in words; the figure holds when this is empty. */
  violations: string[];
  ledgerEntries: number;
  emulatorCommits: number;
  elapsedMs: number;
}

interface LogicalSend {
  mode: string;
  index: number;
  /** What the SendService told its caller. */
  answer: 'sent' | 'failed' | 'unknown';
  sendId?: string;
  groupId?: number;
  errorCode?: string;
}

export async function runFaultFigure(options: FaultFigureOptions): Promise<FaultFigure> {
  const started = Date.now();
  const modes = options.modes ?? FAULT_MODES;
  const apiKey = `fault-key-${randomBytes(8).toString('hex')}`;
  const emulator = await startEmulator({ apiKey, deliveryDelayMs: 20 });
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-faults-'));
  const settings: SendingSettings = {
    sandbox: false,
    projectId: FAULT_PROJECT,
    defaultCallbackNumber: '02-1234-5678',
    baseUrl: emulator.url,
    timeoutMs: options.timeoutMs,
    rules: DEFAULT_RULES,
    guard: { ...DEFAULT_GUARD, maxSendsPerMinute: 1e9, maxRecipientsPerDay: 1e9, maxRecipientsPerSend: 1000 },
    locale: 'en',
    duplicateWindowSeconds: 60,
  };
  const runtime = createSendingRuntime({ settings: () => settings, apiKey: () => Promise.resolve(apiKey), ledgerFile: path.join(dir, 'ledger.jsonl'), logger: silentLogger });
  const sends: LogicalSend[] = [];
  try {
    for (const mode of modes) {
      emulator.setFaults(mode.plan(options.sendsPerMode, options.timeoutMs));
      const batch = await runPool(options.sendsPerMode, options.concurrency, (index) => oneSend(runtime.sendService, mode.name, index));
      sends.push(...batch);
      emulator.setFaults(null);
      // A late commit lands after the client gave up: wait for it before counting.
      await new Promise((r) => setTimeout(r, (mode.settleTimeouts ?? 0) * options.timeoutMs));
    }
    return { ...judge(modes, sends, readLedger(runtime.ledger), emulator), elapsedMs: Date.now() - started };
  } finally {
    await runtime.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function oneSend(service: ReturnType<typeof createSendingRuntime>['sendService'], mode: string, index: number): Promise<LogicalSend> {
  // A distinct text per send: identical sends within the window would be answered from the first.
  const input = {
    kind: 'sms' as const,
    recipients: [{ phone_number: `010-${String(1000 + (index % 9000)).padStart(4, '0')}-${String(index % 10_000).padStart(4, '0')}`, member_code: `m${index}` }],
    message: `fault ${mode} #${index}: 인증번호 ${String(index).padStart(6, '0')}`,
    callback_number: '',
  };
  try {
    const result = await service.send(input, { origin: 'test' });
    return { mode, index, answer: 'sent', sendId: result.send_id, groupId: result.group_id };
  } catch (error) {
    if (!(error instanceof BaasSmsError)) throw error;
    const sendId = typeof error.params.sendId === 'string' ? error.params.sendId : undefined;
    return { mode, index, answer: error.outcome === 'unknown' ? 'unknown' : 'failed', sendId, errorCode: error.code };
  }
}

function readLedger(ledger: ReturnType<typeof createSendingRuntime>['ledger']): Map<string, LedgerEntry> {
  const entries = new Map<string, LedgerEntry>();
  for (let offset = 0; ; offset += 100) {
    const page = ledger.list({ offset, limit: 100 });
    for (const entry of page.entries) entries.set(entry.id, entry);
    if (!page.has_more) return entries;
  }
}

function judge(modes: FaultMode[], sends: LogicalSend[], ledger: Map<string, LedgerEntry>, emulator: BaasEmulator): Omit<FaultFigure, 'elapsedMs'> {
  const violations: string[] = [];
  const seenKeys = new Map<string, number>();
  for (const request of emulator.requests) {
    const key = request.headers['idempotency-key'];
    if (key) seenKeys.set(key, (seenKeys.get(key) ?? 0) + 1);
  }
  const ledgerKeys = new Set([...ledger.values()].map((e) => e.idempotency_key));
  const claimed = new Set<string>();
  const rows = new Map(modes.map((m) => [m.name, emptyCounts(m.name, m.description)]));

  for (const send of sends) {
    const row = rows.get(send.mode)!;
    row.sends++;
    const where = `${send.mode} #${send.index}`;
    const entry = send.sendId ? ledger.get(send.sendId) : undefined;
    if (!entry) {
      row.missingFromLedger++;
      violations.push(`${where}: no ledger entry (${send.answer}, ${send.errorCode ?? 'no code'})`);
      continue;
    }
    claimed.add(entry.id);
    if (entry.outcome !== 'sent' && entry.outcome !== 'failed' && entry.outcome !== 'unknown') {
      row.missingFromLedger++;
      violations.push(`${where}: ledger outcome is ${entry.outcome}, not final`);
      continue;
    }
    if (entry.outcome !== send.answer) violations.push(`${where}: the caller was told ${send.answer}, the ledger says ${entry.outcome}`);
    const commits = emulator.commitsFor(entry.idempotency_key);
    row.committed += commits;
    if (commits > 1) {
      row.duplicated++;
      violations.push(`${where}: committed ${commits} times`);
    }
    if (entry.outcome === 'sent') {
      row.sent++;
      if (commits !== 1) violations.push(`${where}: sent, but the emulator committed it ${commits} times`);
      const commit = emulator.commits().find((c) => c.idempotency_key === entry.idempotency_key);
      if (commit && commit.group_id !== entry.group_id) violations.push(`${where}: ledger group ${entry.group_id}, emulator group ${commit.group_id}`);
    } else if (entry.outcome === 'failed') {
      row.failed++;
      if (commits !== 0) violations.push(`${where}: failed (${entry.error?.code}), but the emulator committed it`);
    } else {
      if (commits > 0) row.unknownCommitted++;
      else row.unknownNotCommitted++;
      // "Unknown" is only honest when the request reached the server, which may have acted on it.
      if (!seenKeys.has(entry.idempotency_key)) violations.push(`${where}: unknown, but the request never reached the emulator`);
    }
  }
  for (const entry of ledger.values()) if (!claimed.has(entry.id)) violations.push(`ledger entry ${entry.id} belongs to no logical send`);
  for (const commit of emulator.commits()) {
    if (!commit.idempotency_key || !ledgerKeys.has(commit.idempotency_key)) violations.push(`emulator group ${commit.group_id} was committed with no ledger entry`);
  }

  const list = [...rows.values()];
  const totals = emptyCounts('total', '');
  const numeric = ['sends', 'sent', 'failed', 'unknownCommitted', 'unknownNotCommitted', 'duplicated', 'missingFromLedger', 'committed'] as const;
  for (const row of list) for (const k of numeric) totals[k] += row[k];
  return { modes: list, totals, violations, ledgerEntries: ledger.size, emulatorCommits: emulator.committedSends() };
}

function emptyCounts(mode: string, description: string): ModeCounts {
  return { mode, description, sends: 0, sent: 0, failed: 0, unknownCommitted: 0, unknownNotCommitted: 0, duplicated: 0, missingFromLedger: 0, committed: 0 };
}
