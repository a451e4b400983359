// The benchmark itself: runs every measurement and builds the table. index.mjs bundles this file and
// runs it with plain Node; `--child <kind>` is how it runs the measurements that need a fresh process
// (the first load or start in a process is the one users feel).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeCalls, measureActivation, type ActivationSample } from './activation';
import { timeCampaignPlan, writeCampaignList, type CampaignPlanSample } from './campaignPlan';
import { campaignSendFigures, measureCampaignSend } from './campaignSend';
import { runColdStart } from './coldStart';
import { sandboxDeps, timeInProcessStart, warmClientSide } from './inProcessStart';
import { fileEngine, fillPostgres, measureEngine, measureHistoryPage, measureTeamThroughput } from './ledgerEngines';
import { makeLedger, measureLedger } from './ledgerScale';
import { PostgresLedgerEngine } from '../../src/ledger/engine/postgres/postgresEngine';
import { postgresDatabase, stopPostgres } from '../../test/support/postgres';
import { measureMemory } from './memory';
import { measureRules } from './rules';
import { summarize, type Summary } from './stats';
import { fileBytes, KiB, MiB, packageVsix } from './sizes';
import { kib, machineLine, markdownTable, mib, ms, times, verdict, type Row } from './table';
import { measureToolOverhead } from './toolOverhead';

export interface BenchPaths {
  /** The repository (for vsce). */
  root: string;
  /** Release builds of the two bundles, and the bare SDK server bundled the same way. */
  serverJs: string;
  extensionJs: string;
  bareJs: string;
  /** How to start this file again as a child: `[bench.js]` bundled, `['--import', 'tsx', run.ts]` from source. */
  childPrefix: string[];
}

export interface BenchCounts {
  coldRounds: number;
  /** Untimed rounds first (they fill the OS file cache). */
  coldWarmup: number;
  inProcessChildren: number;
  inProcessWarm: number;
  activationChildren: number;
  toolRoundsOne: number;
  toolRoundsThousand: number;
  rulesRuns: number;
  ledgerEntries: number;
  ledgerRounds: number;
  /** Sends through each ledger engine's before/after steps. */
  engineRounds: number;
  /** Rows in the PostgreSQL ledger a history page is read from, and pages read. */
  pgHistoryRows: number;
  pgHistoryRounds: number;
  /** send_sms calls spread over three servers on one database. */
  teamSends: number;
  /** Calls before the first memory sample (the stores fill), then memoryCalls more. */
  memoryWarmupCalls: number;
  memoryCalls: number;
  memorySampleEvery: number;
  /** Rows of the campaign list, and fresh processes that each plan it once. */
  campaignRows: number;
  campaignRuns: number;
  /** 1,000-recipient batches the send loop sends (the first is left out of the figure). */
  campaignSendBatches: number;
  vsix: boolean;
  /** `--start`: only the start-up figures (cold start, in-process start, activation) and the bundle sizes. */
  startOnly?: boolean;
}

export const FULL: BenchCounts = {
  coldRounds: 25,
  coldWarmup: 2,
  inProcessChildren: 15,
  inProcessWarm: 50,
  activationChildren: 15,
  toolRoundsOne: 300,
  toolRoundsThousand: 40,
  rulesRuns: 300,
  ledgerEntries: 100_000,
  ledgerRounds: 30,
  engineRounds: 300,
  pgHistoryRows: 1_000_000,
  pgHistoryRounds: 50,
  teamSends: 600,
  memoryWarmupCalls: 10_000,
  memoryCalls: 10_000,
  memorySampleEvery: 1_000,
  campaignRows: 100_000,
  campaignRuns: 7,
  campaignSendBatches: 100,
  vsix: true,
};

export const QUICK: BenchCounts = {
  coldRounds: 5,
  coldWarmup: 1,
  inProcessChildren: 3,
  inProcessWarm: 10,
  activationChildren: 3,
  toolRoundsOne: 50,
  toolRoundsThousand: 5,
  rulesRuns: 50,
  ledgerEntries: 100_000,
  ledgerRounds: 5,
  engineRounds: 50,
  pgHistoryRows: 100_000,
  pgHistoryRounds: 10,
  teamSends: 150,
  memoryWarmupCalls: 1_000,
  memoryCalls: 1_000,
  memorySampleEvery: 200,
  campaignRows: 100_000,
  campaignRuns: 2,
  campaignSendBatches: 30,
  vsix: false,
};

export interface BenchReport {
  table: string;
  machine: string;
  notes: string[];
}

const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** Runs `childPrefix --child kind ...args` in a fresh Node and returns the JSON it prints. */
export function runChild<T>(childPrefix: string[], kind: string, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childPrefix, '--child', kind, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as T);
      else reject(new Error(`bench child ${kind} exited with ${code}: ${stderr.slice(-1000)}`));
    });
  });
}

/** What a `--child` process does; prints one JSON line. */
export async function childMain(kind: string, args: string[]): Promise<void> {
  if (kind === 'activation') {
    process.stdout.write(`${JSON.stringify(await measureActivation(args[0], { ledgerFile: args[1] || undefined }))}\n`);
  } else if (kind === 'in-process') {
    const bench = sandboxDeps();
    await warmClientSide();
    const timing = await timeInProcessStart(bench.deps);
    await bench.dispose();
    process.stdout.write(`${JSON.stringify(timing)}\n`);
  } else if (kind === 'campaign-plan') {
    process.stdout.write(`${JSON.stringify(await timeCampaignPlan(args[0]))}\n`);
  } else if (kind === 'campaign-send') {
    // `npm run bench -- --child campaign-send [batches]`: the send loop's figures alone, to repeat them on a busy machine.
    const figures = campaignSendFigures(await measureCampaignSend(Number(args[0]) || FULL.campaignSendBatches));
    process.stdout.write(`${JSON.stringify({ ...figures, loadAverage: os.loadavg() })}\n`);
  } else {
    throw new Error(`unknown bench child ${kind}`);
  }
}

const row = (figure: string, s: Summary | undefined, budget: string, verdictText: string): Row => ({
  figure,
  median: s ? ms(s.median) : '—',
  p95: s ? ms(s.p95) : '—',
  budget,
  verdict: verdictText,
});

/** Runs everything with `counts`; `log` gets one line per stage (stderr by default). */
export async function runBench(paths: BenchPaths, counts: BenchCounts, log: (message: string) => void = progress): Promise<BenchReport> {
  const loadAtStart = os.loadavg();
  const work = mkdtempSync(path.join(os.tmpdir(), 'baas-bench-'));
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    log(`ledger: writing ${counts.ledgerEntries.toLocaleString('en')} synthetic entries`);
    const big = makeLedger(work, counts.ledgerEntries);
    const small = makeLedger(work, 1_000);

    // Cold start ---------------------------------------------------------------------------------
    log(`cold start: ${counts.coldRounds} interleaved rounds of node -e '', bare SDK server, ours, ours with the big ledger`);
    const loadBeforeCold = os.loadavg()[0];
    const emptyLedger = path.join(work, 'cold-start-ledger.jsonl');
    const cold = await runColdStart([
      { label: 'node', kind: 'exit', args: ['-e', ''] },
      { label: 'bare', kind: 'mcp', args: [paths.bareJs] },
      { label: 'ours', kind: 'mcp', args: [paths.serverJs, '--sandbox'], env: { BAAS_LEDGER_FILE: emptyLedger } },
      { label: 'oursBig', kind: 'mcp', args: [paths.serverJs, '--sandbox'], env: { BAAS_LEDGER_FILE: big.file } },
    ], counts.coldRounds, counts.coldWarmup);
    const [node, bare, ours, oursBig] = ['node', 'bare', 'ours', 'oursBig'].map((label) => summarize(cold[label]));
    const ratioBare = ours.median / bare.median;
    rows.push(row('Cold start, stdio server (`--sandbox`): spawn → `initialize` → `tools/list` answered', ours, '≤ 1.1× bare SDK server',
      `${times(ratioBare)} bare, ${times(ours.median / node.median)} \`node -e ''\` ${ratioBare <= 1.1 ? '✓' : `✗ over by ${Math.round((ratioBare / 1.1 - 1) * 100)}%`}`));
    rows.push(row('↳ baseline: bare MCP SDK server (1 trivial tool, bundled the same way, the SDK whole)⁵', bare, '—', `${times(bare.median / node.median)} \`node -e ''\``));
    rows.push(row("↳ baseline: `node -e ''` (spawn → exit)", node, '—', '—'));
    rows.push(row(`↳ ours with a ${big.entries.toLocaleString('en')}-entry ledger (${mib(big.bytes / KiB)})`, oursBig, '—', `${times(oursBig.median / ours.median)} ours with none`));
    const cpuOurs = summarize(cold['ours:cpu']).median;
    const cpuBare = summarize(cold['bare:cpu']).median;
    notes.push(`Cold start: ${cold.ours.length} interleaved runs each, load average ${loadBeforeCold.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}. Spawn → initialize answered: ours ${ms(summarize(cold['ours:initialize']).median)}, bare ${ms(summarize(cold['bare:initialize']).median)}. ` +
      (Number.isFinite(cpuOurs) ? `Main-thread CPU up to the tools/list answer (less sensitive to a busy machine): ours ${ms(cpuOurs)}, bare ${ms(cpuBare)} (${times(cpuOurs / cpuBare)}).` : ''));

    // In-process start ---------------------------------------------------------------------------
    log(`in-process start: ${counts.inProcessChildren} fresh processes, ${counts.inProcessWarm} warm starts`);
    const inProcessCold: number[] = [];
    for (let i = 0; i < counts.inProcessChildren; i++) inProcessCold.push((await runChild<{ ms: number }>(paths.childPrefix, 'in-process')).ms);
    const bench = sandboxDeps();
    const inProcessWarm: number[] = [];
    await warmClientSide();
    for (let i = 0; i < counts.inProcessWarm + 3; i++) {
      const { ms: t } = await timeInProcessStart(bench.deps);
      if (i >= 3) inProcessWarm.push(t);
    }
    await bench.dispose();
    const ipCold = summarize(inProcessCold);
    const ipWarm = summarize(inProcessWarm);
    rows.push(row('In-process start: `startMcpHttpHost` + `createServer` → `initialize` → `tools/list` answered, first in a fresh process¹', ipCold, '≤ 50 ms', verdict(ipCold.median, 50)));
    rows.push(row('↳ the same, again in a warm process', ipWarm, '≤ 50 ms', verdict(ipWarm.median, 50)));

    // Activation (and the provider's own resolve) -----------------------------------------------
    log(`activation: ${counts.activationChildren} fresh processes with the vscode stand-in`);
    const activations: ActivationSample[] = [];
    for (let i = 0; i < counts.activationChildren; i++) activations.push(await runChild<ActivationSample>(paths.childPrefix, 'activation', [paths.extensionJs, big.file]));
    const load = summarize(activations.map((a) => a.loadMs));
    const activate = summarize(activations.map((a) => a.activateMs));
    const activation = summarize(activations.map((a) => a.loadMs + a.activateMs));
    const resolve = summarize(activations.map((a) => a.resolveToToolsListMs));
    const sample = activations[0];
    rows.push(row(`Extension activation, vscode **stand-in**²: load \`dist/extension.js\` + \`activate()\`, ${big.entries.toLocaleString('en')}-entry ledger`, activation, '≤ 50 ms',
      `${verdict(activation.median, 50)}; load ${ms(load.median)} + activate ${ms(activate.median)}`));
    rows.push(row('↳ provider `resolveMcpServerDefinition` → `tools/list` answered (same stand-in, first resolve, loads `dist/mcpHost.js`)', resolve, '≤ 50 ms', verdict(resolve.median, 50)));
    notes.push(`Activation (stand-in) calls ${Object.values(sample.calls).reduce((a, b) => a + b, 0)} vscode APIs before returning: ${describeCalls(sample.calls)}. ` +
      `Then, from promises it started: ${describeCalls(sample.laterCalls) || 'none'}. It reads ${kib(sample.ledgerBytesRead)} of the ${mib(big.bytes / KiB)} ledger (interrupted-send recovery). Nothing else runs before the first user action.`);

    if (counts.startOnly) return finish([...rows, ...sizeRows(paths)], notes, counts, loadAtStart);

    // Tool overhead ------------------------------------------------------------------------------
    log(`tool overhead: ${counts.toolRoundsOne} pairs with 1 recipient, ${counts.toolRoundsThousand} with 1000`);
    const one = await measureToolOverhead(1, counts.toolRoundsOne);
    const thousand = await measureToolOverhead(1000, counts.toolRoundsThousand, { warmup: 5 });
    const overOne = summarize(one.overhead);
    const overThousand = summarize(thousand.overhead);
    rows.push(row('Tool overhead, `send_sms` 1 recipient: MCP round trip − direct `BaasClient` round trip (paired)³', overOne, 'p50 ≤ 1 ms', verdict(overOne.median, 1)));
    rows.push(row('↳ 1000 recipients', overThousand, '—', `MCP ${ms(summarize(thousand.mcp).median)} vs direct ${ms(summarize(thousand.direct).median)}`));
    notes.push(`Tool overhead: send_sms through MCP ${ms(summarize(one.mcp).median)} vs BaasClient alone ${ms(summarize(one.direct).median)} (1 recipient, medians); ` +
      `in CPU time of the process the overhead is ${ms(summarize(one.overheadCpu).median)} (1 recipient) and ${ms(summarize(thousand.overheadCpu).median)} (1000); each MCP send appends ${one.ledgerBytesPerSend} B to the ledger (1 recipient) and ${kib(thousand.ledgerBytesPerSend)} (1000).`);

    // Rules ---------------------------------------------------------------------------------------
    log(`rules: ${counts.rulesRuns} runs`);
    const rules = measureRules(counts.rulesRuns);
    const rulesSummary = summarize(rules.times);
    rows.push(row(`Rules: \`prepareSend\`, 1000 recipients in 4 spellings (${rules.duplicatesDropped} duplicates), ${rules.messageBytes}-byte advertisement`, rulesSummary, '≤ 5 ms', verdict(rulesSummary.median, 5)));
    notes.push(`Rules: the first call in a process took ${ms(rules.firstMs)} (EUC-KR tables built on first use).`);

    // Ledger --------------------------------------------------------------------------------------
    log(`ledger: ${counts.ledgerRounds} rounds`);
    const ledger = measureLedger(big.file, counts.ledgerRounds);
    const ledgerSmall = measureLedger(small.file, counts.ledgerRounds);
    const cold1 = summarize(ledger.cold);
    const warm1 = summarize(ledger.warm);
    const startup = summarize(ledger.startup);
    const startupSmall = summarize(ledgerSmall.startup);
    rows.push(row(`Ledger: history page (newest 20 SMS) of ${big.entries.toLocaleString('en')} entries, new \`SendLedger\` (cold)`, cold1, '≤ 20 ms', `${verdict(cold1.median, 20)}; reads ${kib(ledger.coldBytesRead)}`));
    rows.push(row('↳ same `SendLedger` again (warm)', warm1, '≤ 20 ms', `${verdict(warm1.median, 20)}; reads ${kib(ledger.warmBytesRead)}`));
    const wholeFile = ledger.startupBytesRead >= big.bytes;
    rows.push(row(`↳ start-up (constructor + \`recoverInterrupted\`), ${big.entries.toLocaleString('en')} entries`, startup, 'must not read the whole file',
      `${wholeFile ? '✗' : '✓'} reads ${kib(ledger.startupBytesRead)} of ${mib(big.bytes / KiB)}; 1,000 entries: ${ms(startupSmall.median)}`));

    // Ledger engines --------------------------------------------------------------------------------
    log(`ledger engines: ${counts.engineRounds} sends each on the file and on PostgreSQL`);
    const onFile = await measureEngine(fileEngine(work), counts.engineRounds);
    const pgEngine = new PostgresLedgerEngine(await postgresDatabase('bench_engine'));
    const onPg = await measureEngine(pgEngine, counts.engineRounds).finally(() => pgEngine.close());
    const [fileReserve, fileOutcome, pgReserve, pgOutcome] = [onFile.reserve, onFile.outcome, onPg.reserve, onPg.outcome].map(summarize);
    rows.push(row('Ledger before a send, file engine: lock + claim + budget + pending line (`reserve`)⁷', fileReserve, 'p50 ≤ 5 ms', `${verdict(fileReserve.median, 5)}; outcome line ${ms(fileOutcome.median)}`));
    rows.push(row('↳ PostgreSQL engine: one transaction (claim insert, budget, pending row)', pgReserve, 'p50 ≤ 10 ms', `${verdict(pgReserve.median, 10)}; outcome update ${ms(pgOutcome.median)}`));
    log(`PostgreSQL history: filling ${counts.pgHistoryRows.toLocaleString('en')} rows`);
    const historyUrl = await postgresDatabase('bench_history');
    await fillPostgres(historyUrl, counts.pgHistoryRows);
    const pgPage = await measureHistoryPage(historyUrl, counts.pgHistoryRounds);
    const pgWarm = summarize(pgPage.warm);
    const pgCold = summarize(pgPage.cold);
    rows.push(row(`PostgreSQL ledger: history page (newest 20 SMS of a project) of ${counts.pgHistoryRows.toLocaleString('en')} rows`, pgWarm, '≤ 20 ms', `${verdict(pgWarm.median, 20)}; with a new connection ${ms(pgCold.median)}`));
    log(`team: ${counts.teamSends} send_sms over three servers on one database`);
    const team = await measureTeamThroughput(paths.serverJs, await postgresDatabase('bench_team'), counts.teamSends);
    rows.push({ figure: 'Sends per second: three stdio servers on one PostgreSQL ledger, emulator answering at once, all calls at once', median: `${team.perSecond.toFixed(0)}/s`, p95: '—', budget: '—',
      verdict: `${team.committed} of ${counts.teamSends} committed` });

    // Campaign plan ---------------------------------------------------------------------------------
    log(`campaign plan: ${counts.campaignRuns} fresh processes, ${counts.campaignRows.toLocaleString('en')} CP949 rows`);
    const list = writeCampaignList(work, counts.campaignRows);
    const plans: CampaignPlanSample[] = [];
    for (let i = 0; i < counts.campaignRuns; i++) plans.push(await runChild<CampaignPlanSample>(paths.childPrefix, 'campaign-plan', [list.file]));
    const planTime = summarize(plans.map((p) => p.ms));
    const planPeak = Math.max(...plans.map((p) => p.peakRssKiB));
    const planMemoryOk = planPeak <= 300 * 1024;
    rows.push(row(`Campaign plan: ${list.rows.toLocaleString('en')}-row CP949 CSV (${mib(list.bytes / KiB)}), streamed, first plan in a fresh process⁶`, planTime, '≤ 2 s',
      `${verdict(planTime.median, 2000)}; CPU ${ms(summarize(plans.map((p) => p.cpuMs)).median)}`));
    rows.push({ figure: '↳ peak RSS of that process (getrusage; Node itself included)', median: mib(summarize(plans.map((p) => p.peakRssKiB)).median), p95: '—', budget: '≤ 300 MiB', verdict: `${planMemoryOk ? '✓' : '✗'} max ${mib(planPeak)}` });
    notes.push(`Campaign plan: ${plans[0].rows.toLocaleString('en')} rows → ${plans[0].valid.toLocaleString('en')} valid recipients in ${plans[0].batches.toLocaleString('en')} batches (personalised texts: nearly one batch per recipient).`);

    // Campaign send loop ----------------------------------------------------------------------------
    log(`campaign send: ${counts.campaignSendBatches} batches of 1,000 recipients, then their requests alone`);
    const send = campaignSendFigures(await measureCampaignSend(counts.campaignSendBatches));
    rows.push({ figure: 'Campaign send loop: its own time per 1,000-recipient batch (runCampaign − the same send through `SendService` alone, interleaved)⁸', median: ms(send.loopOwn), p95: '—', budget: '≤ 5 ms',
      verdict: `${verdict(send.loopOwn, 5)}; batch ${ms(send.batch)}, SendService ${ms(send.service)}, request ${ms(send.request)}` });
    rows.push({ figure: '↳ everything beyond the API request: loop + rules on 1,000 recipients + the ledger\'s claim and outcome lines', median: ms(send.beyondRequest), p95: '—', budget: '≤ 5 ms (issue 10)',
      verdict: verdict(send.beyondRequest, 5) });
    rows.push({ figure: '↳ the same in process CPU time (a busy machine stretches it far less than the wall clock)', median: ms(send.beyondRequestCpu), p95: '—', budget: '—',
      verdict: `batch ${ms(send.batchCpu)}, request ${ms(send.requestCpu)} (the emulator answering in-process included)` });

    // Sizes ---------------------------------------------------------------------------------------
    log('sizes');
    rows.push(...sizeRows(paths));
    if (counts.vsix) {
      log('VSIX: vsce package --no-dependencies');
      try {
        const vsix = packageVsix(paths.root, work);
        rows.push({ figure: 'VSIX (`vsce package --no-dependencies`)', median: `${(vsix.bytes / MiB).toFixed(2)} MiB`, p95: '—', budget: '≤ 1.5 MiB', verdict: verdict(vsix.bytes, 1.5 * MiB) });
      } catch (error) {
        rows.push({ figure: 'VSIX (`vsce package --no-dependencies`)', median: 'failed', p95: '—', budget: '≤ 1.5 MiB', verdict: `✗ ${String((error as { stderr?: string }).stderr ?? error).split('\n').find((l) => l.trim()) ?? 'vsce failed'}` });
      }
    }

    // Memory --------------------------------------------------------------------------------------
    log(`memory: ${counts.memoryWarmupCalls.toLocaleString('en')} + ${counts.memoryCalls.toLocaleString('en')} tool calls against dist/server.js --sandbox`);
    const memory = await measureMemory(paths.serverJs, counts.memoryCalls, counts.memorySampleEvery, counts.memoryWarmupCalls);
    const warmUp = memory.samples[0];
    const last = memory.samples[memory.samples.length - 1];
    const heapGrowth = last.heapKiB - warmUp.heapKiB;
    const rssGrowth = last.rssKiB - warmUp.rssKiB;
    const signed = (kibibytes: number): string => `${kibibytes >= 0 ? '+' : ''}${mib(kibibytes)}`;
    const heapKnown = Number.isFinite(heapGrowth);
    rows.push({
      figure: `Memory: stdio server after ${warmUp.calls.toLocaleString('en')} → ${last.calls.toLocaleString('en')} tool calls: live heap after GC; RSS⁴`,
      median: heapKnown ? `heap ${mib(warmUp.heapKiB)} → ${mib(last.heapKiB)}` : '—',
      p95: `RSS ${mib(warmUp.rssKiB)} → ${mib(last.rssKiB)} (peak ${mib(memory.peakKiB)})`,
      budget: 'no growth after warm-up',
      verdict: heapKnown
        ? `${heapGrowth <= warmUp.heapKiB * 0.1 ? '✓' : '✗'} heap ${signed(heapGrowth)} (${Math.round((heapGrowth / warmUp.heapKiB) * 100)}%), RSS ${signed(rssGrowth)}`
        : `${rssGrowth <= warmUp.rssKiB * 0.1 ? '✓' : '✗'} RSS ${signed(rssGrowth)}`,
    });
    notes.push(`Memory samples (calls: live heap / RSS): ${memory.samples.map((s) => `${s.calls / 1000}k ${mib(s.heapKiB)} / ${mib(s.rssKiB)}`).join(', ')}; ${memory.sends} sends, ledger ${kib(memory.ledgerBytes)}, ${(memory.ms / 1000).toFixed(0)} s.`);

    return finish(rows, notes, counts, loadAtStart);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The bundles' sizes: what users download, and what each start reads and compiles. */
function sizeRows(paths: BenchPaths): Row[] {
  const rows: Row[] = [];
  const dist = (name: string): string => path.join(path.dirname(paths.serverJs), name);
  const serverBytes = fileBytes(paths.serverJs);
  const extensionBytes = fileBytes(paths.extensionJs);
  const mcpHostBytes = fileBytes(dist('mcpHost.js'));
  rows.push({ figure: '`dist/server.js` (minified)', median: kib(serverBytes), p95: '—', budget: '≤ 800 KiB', verdict: verdict(serverBytes, 800 * KiB) });
  rows.push({ figure: '`dist/extension.js` (minified; loaded at activation)', median: kib(extensionBytes), p95: '—', budget: '—', verdict: '—' });
  rows.push({ figure: '`dist/mcpHost.js` (minified; loaded when VS Code starts the MCP server)', median: kib(mcpHostBytes), p95: '—', budget: '—', verdict: '—' });
  const cardBytes = fileBytes(dist('previewCard.html'));
  rows.push({ figure: '`dist/previewCard.html` (MCP Apps card: page, style and minified script in one file)', median: kib(cardBytes), p95: '—', budget: '< 150 KiB', verdict: verdict(cardBytes, 150 * KiB) });
  const lazy = ['templates', 'campaign', 'pgEngine'].map((name) => `\`${name}.js\` ${kib(fileBytes(dist(`${name}.js`)))}`);
  rows.push({ figure: 'Bundles loaded on first use, beside the others (templates, campaigns, the PostgreSQL engine)', median: lazy.join(', '), p95: '—', budget: '—', verdict: '—' });
  return rows;
}

/** The footnotes of the full table; a shorter run keeps those its rows refer to. */
function footnotes(counts: BenchCounts): string[] {
  return [
    '¹ Measured outside the extension host: the provider needs the `vscode` module, so the same work (`startMcpHttpHost({ createServer })`, then initialize and tools/list as raw JSON-RPC over the SDK\'s `StreamableHTTPClientTransport`) runs in plain Node. Not the SDK `Client`: it compiles every output schema with Ajv on tools/list, client work that is not ours. One fetch to a throwaway loopback server first, so the client\'s first use of fetch is not counted.',
    '² Not VS Code: `dist/extension.js` loaded in plain Node with a minimal stand-in for the `vscode` module (scripts/bench/vscodeStandIn.ts) that counts API calls. A real extension host adds its own overhead; this is the extension\'s share.',
    '³ In-memory SDK client → `createServer` → `SendService` (rules, guard, two ledger lines) → `BaasClient` → emulator on 127.0.0.1, minus the same send by a `BaasClient` alone, interleaved; fresh text per send, spend limits high, de-duplication window 0 s.',
    '⁴ `--sandbox`, 5 ms delivery delay; calls cycle preview_message ×4, get_send_history ×2, send_sms ×2, get_message_status ×2; sampled every ' + `${counts.memorySampleEvery.toLocaleString('en')} calls after ${counts.memoryWarmupCalls.toLocaleString('en')} warm-up calls (heap after a forced full GC, through a bench-only preload); the first sample is the warm-up figure; ✓ means growth ≤ 10% of it. The warm-up fills the server's bounded stores: the ledger's parsed tail (1 MiB of file), the sandbox's newest 1,000 groups, and identical-send answers kept for the de-duplication window, set to 5 s here (default 60 s; live sends are also bounded by the per-minute limit).`,
    '⁵ `scripts/bench/bare-server.ts`, bundled with dist/server.js\'s esbuild options (`bareSdkServerOptions` in esbuild.mjs) except that it keeps the SDK\'s default Ajv validator, which our bundles leave out (it only checks elicitation answers, and createServer passes its own validator).',
    '⁶ `scripts/bench/campaignPlan.ts`: names, numbers in three spellings, 1% bad numbers and 2% repeats, a `#{이름}`/`#{적립금}` template; `planCampaign` from call to plan (encoding detection, csv-parse, every row checked, batches built, the file\'s SHA-256); the process\'s peak RSS covers Node, the bundle and the plan, which holds every valid row\'s text.',
    '⁷ One send at a time, each with a new idempotency key and live budgets checked; the PostgreSQL server is the test run\'s throwaway cluster on 127.0.0.1 (fsync off, so commits are cheaper than on a durable server).',
    '⁸ `scripts/bench/campaignSend.ts`: a live campaign against the emulator on 127.0.0.1 (answering at once), file ledger; each batch timed from the end of the pause before it, and in each pause the next batch\'s text once through `SendService.send` alone and once through `BaasClient` alone (medians). The loop\'s own share is its ledger look-up, the campaign record\'s line and the bookkeeping.',
  ];
}

function finish(rows: Row[], notes: string[], counts: BenchCounts, loadAtStart: number[]): BenchReport {
  const table = markdownTable(rows);
  const used = footnotes(counts).filter((note) => table.includes(note[0]));
  return { table: `${table}\n\n${used.join('\n')}`, machine: machineLine(loadAtStart), notes };
}

function argValue(args: string[], name: string): string {
  const i = args.indexOf(name);
  if (i < 0 || !args[i + 1]) throw new Error(`missing ${name}`);
  return args[i + 1];
}

async function main(args: string[]): Promise<void> {
  const child = args.indexOf('--child');
  if (child >= 0) return childMain(args[child + 1], args.slice(child + 2));
  const paths: BenchPaths = {
    root: argValue(args, '--root'),
    serverJs: argValue(args, '--server'),
    extensionJs: argValue(args, '--extension'),
    bareJs: argValue(args, '--bare'),
    childPrefix: [process.argv[1]],
  };
  const counts = args.includes('--quick') ? QUICK : FULL;
  const report = await runBench(paths, { ...counts, startOnly: args.includes('--start') }).finally(stopPostgres);
  process.stdout.write(`${report.table}\n\n${report.machine}\n\nNotes:\n${report.notes.map((n) => `- ${n}`).join('\n')}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
