// `npm run conformance`: the official MCP conformance suite (@modelcontextprotocol/conformance, which
// needs Node 22, fetched by npx, and cannot send a bearer token) against the built server's test-only
// HTTP mode in the sandbox: `node dist/server.js --http --insecure-test-no-token --port P --sandbox`.
// Prints every scenario with its result and, for each expected failure (the baseline below), why it
// does not apply to this server. Exits 1 on a failure
// that is not in the baseline, or on a baseline entry that now passes (so the list stays true).
//   node scripts/conformance.mjs [--no-build] [--suite active|all] [--keep]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONFORMANCE_VERSION = '0.1.16';
const args = process.argv.slice(2);
const suite = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : 'all';

// Scenarios that test the suite's own reference server: each needs a tool, prompt or resource under a
// name the suite's spec dictates (or an optional capability this server does not declare).
const needsTool = (tool, what) => `needs the suite's tool \`${tool}\` (${what}); this server has only its six SMS tools`;
const BASELINE = {
  'completion-complete': 'needs `completion/complete` for the suite\'s prompt `test_prompt_with_arguments`; this server offers no argument completion and does not declare the optional `completions` capability, so -32601 (method not found) is the correct answer',
  'tools-call-image': needsTool('test_image_content', 'image content'),
  'tools-call-audio': needsTool('test_audio_content', 'audio content'),
  'tools-call-embedded-resource': needsTool('test_embedded_resource', 'an embedded resource'),
  'tools-call-mixed-content': needsTool('test_multiple_content_types', 'text + image + resource'),
  'tools-call-with-logging': needsTool('test_tool_with_logging', 'log notifications during the call'),
  'tools-call-with-progress': needsTool('test_tool_with_progress', 'progress notifications'),
  'tools-call-sampling': needsTool('test_sampling', 'a sampling request to the client'),
  'tools-call-elicitation': needsTool('test_elicitation', 'an elicitation request to the client'),
  'elicitation-sep1034-defaults': needsTool('test_elicitation_sep1034_defaults', 'elicitation with defaults'),
  'elicitation-sep1330-enums': needsTool('test_elicitation_sep1330_enums', 'elicitation with enums'),
  'json-schema-2020-12': needsTool('json_schema_2020_12_tool', 'a JSON Schema 2020-12 input schema'),
  'server-sse-polling': `${needsTool('test_reconnection', 'closes its SSE stream mid-call')}; its warnings (no SSE priming event, no retry field) are about resumability, which the loopback host does not offer (no event store)`,
  'resources-read-text': 'needs the suite\'s resource `test://static-text`; this server\'s resources are `baas-sms://templates/*`',
  'resources-read-binary': 'needs the suite\'s resource `test://static-binary` (binary blob)',
  'resources-templates-read': 'needs the suite\'s resource template `test://template/{id}/data`; this server has no resource templates',
  'resources-subscribe': 'subscribes to `test://watched-resource`; the optional `resources.subscribe` capability is not declared (the templates never change), so -32601 is the correct answer',
  'resources-unsubscribe': 'as resources-subscribe: the optional `resources.subscribe` capability is not declared',
  'prompts-get-simple': 'needs the suite\'s prompt `test_simple_prompt`; this server has compose_sms, compose_mms, analyze_send_results',
  'prompts-get-with-args': 'needs the suite\'s prompt `test_prompt_with_arguments`',
  'prompts-get-embedded-resource': 'needs the suite\'s prompt `test_prompt_with_embedded_resource`',
  'prompts-get-with-image': 'needs the suite\'s prompt `test_prompt_with_image`',
};

// Passes to read with care: the suite accepts any text result from a tool this server does not have.
const VACUOUS = {
  'tools-call-simple-text': 'passes only because the suite accepts any text content; `test_simple_text` does not exist here and the answer is the "Tool not found" tool error',
  'tools-call-error': 'passes only because the suite accepts any isError result; `test_error_handling` does not exist here',
};

const started = Date.now();
if (!args.includes('--no-build')) execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
const work = mkdtempSync(path.join(tmpdir(), 'baas-conformance-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}/mcp`;
const server = spawn(process.execPath, ['dist/server.js', '--http', '--insecure-test-no-token', '--port', String(port), '--sandbox'], {
  env: { ...process.env, BAAS_LEDGER_FILE: path.join(work, 'ledger.jsonl'), BAAS_SANDBOX_DELAY_MS: '50', BAAS_API_KEY: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
server.stdout.on('data', (c) => (serverLog += c));
server.stderr.on('data', (c) => (serverLog += c));

let exitCode;
try {
  await waitFor(() => serverLog.includes('listening on'), 15_000, 'the server to listen');
  const baselineFile = path.join(work, 'baseline.yml');
  writeFileSync(baselineFile, `server:\n${Object.keys(BASELINE).map((s) => `  - ${s}\n`).join('')}`);
  const outDir = path.join(work, 'results');
  const command = `conformance server --url ${url} --suite ${suite} -o ${outDir} --expected-failures ${baselineFile}`;
  const npxArgs = ['-y', '-p', 'node@22', '-p', `@modelcontextprotocol/conformance@${CONFORMANCE_VERSION}`, '-c', command];
  console.log(`$ npx ${npxArgs.slice(0, -1).join(' ')} '${command}'`);
  const suiteStarted = Date.now();
  const run = await runCommand('npx', npxArgs);
  const suiteSeconds = (Date.now() - suiteStarted) / 1000;

  const scenarios = readResults(outDir);
  const unexpected = scenarios.filter((s) => s.failed > 0 && !BASELINE[s.name]);
  const stale = scenarios.filter((s) => s.failed === 0 && BASELINE[s.name]);
  const passed = scenarios.filter((s) => s.failed === 0);
  const skipped = Object.keys(BASELINE).filter((name) => !scenarios.some((s) => s.name === name));

  console.log(`\n| Scenario | Result | Checks passed/failed/warnings | Note |\n|---|---|---|---|`);
  for (const s of scenarios) {
    const result = s.failed === 0 ? (s.warnings ? 'pass (warnings)' : 'pass') : BASELINE[s.name] ? 'expected failure' : '**FAIL**';
    const note = s.failed > 0 ? (BASELINE[s.name] ?? s.errors.join('; ')) : (VACUOUS[s.name] ?? '');
    console.log(`| ${s.name} | ${result} | ${s.passed}/${s.failed}/${s.warnings} | ${note.replace(/\|/g, '\\|')} |`);
  }
  console.log(`\nConformance ${CONFORMANCE_VERSION}, suite "${suite}": ${scenarios.length} scenarios; ${passed.length} passed, ` +
    `${scenarios.length - passed.length - unexpected.length} expected failures (baseline), ${unexpected.length} unexpected failures, ${stale.length} stale baseline entries` +
    `${skipped.length ? `, not run: ${skipped.join(', ')}` : ''}.`);
  console.log(`Suite took ${suiteSeconds.toFixed(1)} s (npx fetch of node@22 included), ${((Date.now() - started) / 1000).toFixed(1)} s in all; suite exit code ${run.code}.`);
  for (const s of unexpected) console.log(`UNEXPECTED FAILURE ${s.name}: ${s.errors.join('; ')}`);
  for (const s of stale) console.log(`STALE BASELINE ENTRY ${s.name}: it passes now; remove it from the baseline in scripts/conformance.mjs`);
  exitCode = scenarios.length > 0 && unexpected.length === 0 && stale.length === 0 ? 0 : 1;
  if (scenarios.length === 0) console.log(`No results were written; the suite said:\n${run.output.slice(-3000)}`);
} finally {
  server.kill('SIGTERM');
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`results kept in ${work}`);
}
process.exit(exitCode);

function readResults(outDir) {
  let dirs;
  try {
    dirs = readdirSync(outDir);
  } catch {
    return [];
  }
  return dirs.sort().map((dir) => {
    const name = dir.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
    let checks;
    try {
      checks = JSON.parse(readFileSync(path.join(outDir, dir, 'checks.json'), 'utf8'));
    } catch {
      checks = [{ status: 'FAILURE', errorMessage: 'no checks.json' }];
    }
    const count = (status) => checks.filter((c) => c.status === status).length;
    return { name, passed: count('SUCCESS'), failed: count('FAILURE'), warnings: count('WARNING'), errors: checks.filter((c) => c.status === 'FAILURE').map((c) => c.errorMessage ?? c.name) };
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

async function waitFor(condition, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before ${what}:\n${serverLog}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function runCommand(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: work });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (args.includes('--verbose')) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
