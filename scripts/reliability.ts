// `npm run reliability`: the figures of the README's "Reliability" section at full size (the mocha
// suite runs the same code smaller), printed as markdown to paste. Exits 1 if any figure fails.
//   tsx scripts/reliability.ts [--only faults,fuzz,canary,stdout,endpoints] [--fuzz-inputs N] [--seed N] [--timeout-ms N]
import os from 'node:os';
import { runFaultFigure, FAULT_MODES, type FaultFigure } from '../test/support/reliability/faultFigure';
import { runFuzzFigure, type FuzzFigure } from '../test/support/reliability/fuzzFigure';
import { buildServer } from '../test/support/reliability/builtServer';
import { runStdoutFigure, type StdoutFigure } from '../test/support/reliability/stdoutFigure';
import { runHttpCanary, runStdioCanary, type CanaryRun } from '../test/support/security/canaryFigure';
import { canaryKey, secretNeedles } from '../test/support/security/secretNeedles';
import { runEndpointMatrix, type EndpointFigure } from '../test/support/security/endpointMatrix';

const FULL = { sendsPerMode: 100, faultTimeoutMs: 100, fuzzInputs: 100_000, canaryRounds: 3, stdoutSessions: 25 };

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = new Set((option('--only') ?? 'faults,fuzz,canary,stdout,endpoints').split(','));
const fuzzInputs = Number(option('--fuzz-inputs') ?? FULL.fuzzInputs);
const seed = option('--seed') !== undefined ? Number(option('--seed')) : undefined;
const faultTimeoutMs = Number(option('--timeout-ms') ?? FULL.faultTimeoutMs);

interface Row { figure: string; measured: string; required: string; ok: boolean }

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (a: number, b: number): string => `${b ? Math.round((100 * a) / b) : 0}%`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const log = (text: string): void => void process.stderr.write(`${text}\n`);

async function main(): Promise<number> {
  const started = Date.now();
  const rows: Row[] = [];
  const details: string[] = [];

  if (only.has('faults')) {
    log(`faults: ${FULL.sendsPerMode} sends × ${FAULT_MODES.length} modes …`);
    const f = await runFaultFigure({ sendsPerMode: FULL.sendsPerMode, timeoutMs: faultTimeoutMs, concurrency: 10 });
    rows.push(faultRow(f));
    details.push(faultTable(f));
  }
  if (only.has('fuzz')) {
    log(`fuzz: ${n(fuzzInputs)} inputs …`);
    const f = await runFuzzFigure({ inputs: fuzzInputs, seed });
    rows.push(fuzzRow(f));
    details.push(fuzzTable(f));
  }
  if (only.has('canary') || only.has('stdout')) buildServer();
  if (only.has('canary')) {
    log(`canary: ${FULL.canaryRounds} rounds of each path …`);
    const runs: CanaryRun[] = [];
    for (let i = 0; i < FULL.canaryRounds; i++) runs.push(await runStdioCanary(), await runHttpCanary());
    rows.push(canaryRow(runs));
    details.push(canaryTable(runs));
  }
  if (only.has('stdout')) {
    log(`stdout: ${FULL.stdoutSessions} sessions …`);
    const f = await runStdoutFigure({ sessions: FULL.stdoutSessions, concurrency: 4 });
    rows.push(stdoutRow(f));
  }
  if (only.has('endpoints')) {
    log('endpoints …');
    const f = await runEndpointMatrix();
    rows.push(endpointRow(f));
    details.push(endpointTable(f));
  }

  const out: string[] = [];
  out.push(`Measured with \`npm run reliability\` (\`tsx scripts/reliability.ts\`) on Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}; ${secs(Date.now() - started)} in all. ` +
    'The same checks run at a smaller size in `npm test` (test/unit/reliability, test/unit/security). MCP conformance: `npm run conformance`.');
  out.push('', '| Figure | Measured | Required | Holds |', '|---|---|---|---|');
  for (const r of rows) out.push(`| ${r.figure} | ${r.measured} | ${r.required} | ${r.ok ? 'yes' : '**NO**'} |`);
  out.push('', ...details);
  process.stdout.write(`${out.join('\n')}\n`);
  return rows.every((r) => r.ok) ? 0 : 1;
}

function faultRow(f: FaultFigure): Row {
  const t = f.totals;
  return {
    figure: `Faults: logical sends through SendService + BaasClient against the emulator, ${f.modes.length} fault modes (client timeout ${faultTimeoutMs} ms)`,
    measured: `${n(t.sends)} sends: **${t.duplicated} duplicated**, **${t.missingFromLedger} missing from the ledger**, ${f.violations.length} violations; sent ${n(t.sent)}, failed ${n(t.failed)} (emulator committed 0 of them), unknown ${n(t.unknownCommitted + t.unknownNotCommitted)} (${n(t.unknownCommitted)} committed, ${n(t.unknownNotCommitted)} reached the emulator uncommitted); ${secs(f.elapsedMs)}`,
    required: '≥ 1,000 sends, ≥ 6 modes, 0 duplicated, 0 missing, outcomes ∈ {sent, failed, unknown}, unknown only where the emulator committed or may have',
    ok: f.violations.length === 0 && t.sends >= 1000 && t.duplicated === 0 && t.missingFromLedger === 0,
  };
}

function faultTable(f: FaultFigure): string {
  const lines = ['**Faults, per mode** (commits = the emulator\'s committed count for the sends\' Idempotency-Keys)', '',
    '| Mode | What the emulator does | Sends | Sent | Failed | Unknown, committed | Unknown, not committed | Duplicated | Missing from ledger | Commits |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const m of [...f.modes, f.totals]) {
    lines.push(`| ${m.mode} | ${m.description} | ${m.sends} | ${m.sent} | ${m.failed} | ${m.unknownCommitted} | ${m.unknownNotCommitted} | ${m.duplicated} | ${m.missingFromLedger} | ${m.committed} |`);
  }
  if (f.violations.length) lines.push('', 'Violations:', ...f.violations.slice(0, 20).map((v) => `- ${v}`));
  return `${lines.join('\n')}\n`;
}

function fuzzRow(f: FuzzFigure): Row {
  const t = f.totals;
  const minShare = Math.min(...f.tools.map((x) => x.accepted / x.inputs));
  return {
    figure: 'Fuzzing: fast-check inputs to all 6 tools through a real MCP client (in memory), emulator-backed',
    measured: `${n(t.inputs)} inputs: **${t.crashes} crashes**, **${t.protocolErrors} protocol errors**, ${t.uncodedRejections} rejections without a code; accepted ${n(t.accepted)} (${pct(t.accepted, t.inputs)}; lowest tool ${Math.round(minShare * 100)}%), rejected with a code ${n(t.rejected)}, JSON-RPC errors for non-object arguments ${n(t.expectedJsonRpcErrors)}; seed ${f.seed}; ${secs(f.elapsedMs)}`,
    required: '≥ 100,000 inputs, ≥ 30% reaching the accept path, 0 crashes, 0 protocol errors, every rejection a coded tool error',
    ok: t.inputs >= 100_000 && t.crashes === 0 && t.protocolErrors === 0 && t.uncodedRejections === 0 && minShare >= 0.3,
  };
}

function fuzzTable(f: FuzzFigure): string {
  const lines = ['**Fuzzing, per tool**', '', '| Tool | Inputs | Accepted | Rejected (coded) | JSON-RPC errors (expected) | Crashes | Protocol errors | Uncoded | Slowest call | Most frequent codes |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const t of f.tools) {
    const codes = Object.entries(t.codes).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c, k]) => `${c} ${k}`).join(', ');
    lines.push(`| ${t.tool} | ${n(t.inputs)} | ${n(t.accepted)} (${pct(t.accepted, t.inputs)}) | ${n(t.rejected)} | ${t.expectedJsonRpcErrors} | ${t.crashes} | ${t.protocolErrors} | ${t.uncodedRejections} | ${t.slowestMs} ms | ${codes} |`);
  }
  if (f.examples.length) lines.push('', 'Problems:', ...f.examples.map((e) => `- ${e}`));
  return `${lines.join('\n')}\n`;
}

function canaryRow(runs: CanaryRun[]): Row {
  const leaks = runs.reduce((s, r) => s + r.leaks.reduce((a, l) => a + l.count, 0), 0);
  const bytes = runs.reduce((s, r) => s + Object.values(r.scanned).reduce((a, b) => a + b, 0), 0);
  const calls = runs.reduce((s, r) => s + r.toolCalls, 0);
  const forms = secretNeedles(canaryKey('0123456789abcdef01234567')).map((x) => x.form);
  return {
    figure: 'Secret canary: a random key used live through the built stdio server and the in-process HTTP host (sends ok / 401 / 500 / key-echoing error / reset / timeout / 429 / bad input, status, history)',
    measured: `**${leaks} occurrences** of ${forms.length} forms (${forms.join(', ')}) in ${n(bytes)} bytes of stdout, stderr, logger messages, HTTP answers, tool results and ledger files; ${runs.length} runs, ${calls} tool calls, a fresh key each run`,
    required: '0 occurrences',
    ok: leaks === 0,
  };
}

function canaryTable(runs: CanaryRun[]): string {
  const lines = ['**Secret canary, per run**', '', '| Path | Tool calls | Results | Bytes scanned | Occurrences |', '|---|---|---|---|---|'];
  for (const r of runs) {
    const results = Object.entries(r.outcomes).map(([c, k]) => `${c} ${k}`).join(', ');
    const scanned = Object.entries(r.scanned).map(([s, b]) => `${s} ${n(b)}`).join(', ');
    lines.push(`| ${r.path} | ${r.toolCalls} | ${results} | ${scanned} | ${r.leaks.reduce((a, l) => a + l.count, 0)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function stdoutRow(f: StdoutFigure): Row {
  return {
    figure: 'stdout purity: built dist/server.js, each session mixing valid requests with malformed, truncated, > 1 MB and binary lines',
    measured: `${f.sessions} sessions, ${n(Math.round(f.bytesIn / 1024 / 1024))} MiB in, ${n(f.linesOut)} lines out: **${f.nonJsonRpcLines} non-JSON-RPC lines**, ${f.unanswered} valid requests unanswered, ${f.badExits} unclean exits; ${secs(f.elapsedMs)}`,
    required: '≥ 20 sessions, 0 non-JSON-RPC lines',
    ok: f.sessions >= 20 && f.nonJsonRpcLines === 0 && f.unanswered === 0 && f.badExits === 0,
  };
}

function endpointRow(f: EndpointFigure): Row {
  const good = f.rows.filter((r) => r.ok).length;
  const reachable = f.listening.nonLoopbackAttempts.filter((a) => a.result === 'connected');
  return {
    figure: 'Endpoint matrix: startMcpHttpHost with its token required, raw HTTP requests',
    measured: `**${good} of ${f.rows.length} variants** answered as specified; listens on ${f.listening.address} only (\`ss\`: ${f.listening.ssLine ?? 'not available'}); connects to ${f.listening.nonLoopbackAttempts.map((a) => `${a.address} → ${a.result}`).join(', ') || 'no other addresses'}; DELETE ends the session: ${f.sessionEndedByDelete ? 'yes' : 'no'}`,
    required: '≥ 10 variants, each as issue 4 item 5 says; 127.0.0.1 only',
    ok: good === f.rows.length && f.rows.length >= 10 && reachable.length === 0 && f.listening.address === '127.0.0.1' && f.sessionEndedByDelete,
  };
}

function endpointTable(f: EndpointFigure): string {
  const lines = ['**Endpoint matrix**', '', '| Request | Expected | Got |', '|---|---|---|'];
  for (const r of f.rows) lines.push(`| ${r.variant} | ${r.expected} | ${r.ok ? r.actual : `**${r.actual}**`} |`);
  return `${lines.join('\n')}\n`;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`reliability: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
