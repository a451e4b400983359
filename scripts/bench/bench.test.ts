// The benchmark's code, run once with tiny counts so that it cannot rot: every measurement and the
// table are exercised against freshly built bundles. No timing is asserted (that is `npm run bench`'s
// job); what is checked is that each figure is measured and what the measurement relies on is true.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { measureText } from '../../src/messaging/bytes';
import { countingReads, makeLedger, measureLedger } from './ledgerScale';
import { measureRules, messageOfBytes, rulesInput } from './rules';
import { runBench, type BenchCounts } from './run';
import { percentile, summarize } from './stats';
import { createVscodeStandIn } from './vscodeStandIn';

const TINY: BenchCounts = {
  coldRounds: 1,
  coldWarmup: 0,
  inProcessChildren: 1,
  inProcessWarm: 1,
  activationChildren: 1,
  toolRoundsOne: 2,
  toolRoundsThousand: 1,
  rulesRuns: 2,
  ledgerEntries: 2_000,
  ledgerRounds: 1,
  engineRounds: 3,
  pgHistoryRows: 1_000,
  pgHistoryRounds: 2,
  teamSends: 6,
  memoryWarmupCalls: 10,
  memoryCalls: 20,
  memorySampleEvery: 10,
  campaignRows: 2_000,
  campaignRuns: 1,
  campaignSendBatches: 3,
  vsix: false,
};

describe('bench (npm run bench) with tiny counts', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baas-bench-test-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summarises with nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    assert.deepEqual(summarize([3, 1, 2]), { n: 3, median: 2, p95: 3, min: 1, max: 3 });
  });

  it('prepares the rules input it claims: 1000 recipients with duplicates, a 2000-byte advertisement', () => {
    assert.equal(measureText(messageOfBytes(2000)).bytes, 2000);
    assert.equal(measureText(messageOfBytes(1999)).bytes, 1999);
    const result = measureRules(2, 1, rulesInput());
    assert.equal(result.messageBytes, 2000);
    assert.equal(result.recipients + result.duplicatesDropped, 1000);
    assert.ok(result.duplicatesDropped > 0);
    assert.equal(result.times.length, 2);
  });

  it('counts the bytes the ledger reads, and start-up reads only the recovery window', () => {
    const ledger = makeLedger(dir, 3_000);
    const timings = measureLedger(ledger.file, 1);
    assert.equal(timings.pageSize, 20);
    assert.ok(timings.coldBytesRead > 0 && timings.coldBytesRead < ledger.bytes);
    assert.ok(timings.startupBytesRead > 0 && timings.startupBytesRead < ledger.bytes, `${timings.startupBytesRead} of ${ledger.bytes}`);
    assert.equal(countingReads(() => 1).bytes, 0);
  });

  it('the vscode stand-in counts calls and names an API it lacks', () => {
    const standIn = createVscodeStandIn({ globalStorageDir: dir });
    const vscode = standIn.vscode as { commands: { registerCommand(id: string, fn: () => void): unknown }; window: Record<string, unknown> };
    standIn.resetCalls();
    vscode.commands.registerCommand('x', () => undefined);
    assert.deepEqual(standIn.calls(), { 'commands.registerCommand': 1 });
    assert.throws(() => vscode.window.createWebviewPanel, /window\.createWebviewPanel is not provided/);
  });

  it('runs every measurement and prints the table; --start only the start-up figures', async () => {
    const { bundleOptions, bareSdkServerOptions, buildPreviewCard } = await import('../../esbuild.mjs'); // the options `npm run build` uses
    const options = bundleOptions({ outdir: dir });
    await Promise.all([
      ...Object.values(options).map((o) => esbuild.build({ ...o, logLevel: 'error' })),
      esbuild.build({ ...bareSdkServerOptions({ outdir: dir }), logLevel: 'error' }),
      buildPreviewCard({ outdir: dir }),
    ]);
    const paths = {
      root: process.cwd(),
      serverJs: path.join(dir, 'server.js'),
      extensionJs: path.join(dir, 'extension.js'),
      bareJs: path.join(dir, 'bare-server.js'),
      childPrefix: ['--import', 'tsx', path.resolve('scripts/bench/run.ts')],
    };
    const report = await runBench(paths, TINY, () => undefined);
    const rows = report.table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| figure'));
    for (const figure of ['Cold start', 'bare MCP SDK server', "node -e ''", 'In-process start', 'activation', 'resolveMcpServerDefinition', 'Tool overhead', '1000 recipients', 'Rules', 'Ledger', 'start-up', 'dist/server.js', 'dist/extension.js', 'dist/mcpHost.js', 'dist/previewCard.html', 'Memory', 'Campaign plan', 'peak RSS of that process']) {
      const row = rows.find((line) => line.includes(figure));
      assert.ok(row, `no row for ${figure}:\n${report.table}`);
      const cells = row.split(' | ');
      assert.equal(cells.length, 5, row);
      assert.ok(!/NaN|undefined/.test(row), row);
    }
    assert.match(report.machine, /^Machine: Node v\d+/);
    assert.match(report.notes.join('\n'), /commands\.registerCommand×\d+/);

    // `--start`: the start-up figures and the sizes alone, with only the footnotes they refer to.
    const start = await runBench(paths, { ...TINY, startOnly: true }, () => undefined);
    for (const figure of ['Cold start', 'In-process start', 'activation', 'dist/server.js', 'Bundles loaded on first use']) assert.ok(start.table.includes(figure), `--start lacks ${figure}`);
    for (const figure of ['Tool overhead', 'Memory', 'Campaign plan', '³ ', '⁴ ']) assert.ok(!start.table.includes(figure), `--start has ${figure}`);
  });
});
