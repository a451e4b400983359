// The extension's tests inside a real VS Code (code-server + headless Debian Chromium):
// (a) the mocha suite in the extension host (test/vscode/suite, @vscode/test-electron's run() contract),
// (b) the browser e2e (test/e2e/e2e.mjs) against the INSTALLED VSIX plus the test-only scripted agent.
// Usage: node scripts/run-vscode-tests.mjs [--suite-only | --e2e-only] [--update-screenshots] [--no-build]
// Env: BAAS_VSCODE_CACHE, CHROMIUM, BAAS_LANG (extension host, default en), BAAS_VSCODE_GREP (mocha --grep),
//      BAAS_VSCODE_SUITE_TIMEOUT / BAAS_E2E_TIMEOUT (seconds), VERBOSE=1 (all workbench log lines).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureVscodeEnv, withDirLock } from './vscode-env.mjs';
import { buildSuite, suiteEntry } from '../test/vscode/build-suite.mjs';
import { startCodeServer } from '../test/vscode/code-server.mjs';
import { runSuiteInBrowser } from '../test/vscode/launcher.mjs';
import { hideInLogs, masked, secretsOf } from '../test/vscode/logMask.mjs';
import { mcpServerName as readMcpServerName } from '../test/vscode/mcpServerName.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const runSuite = !args.has('--e2e-only');
const runE2e = !args.has('--suite-only');
const testRoot = path.join(root, '.vscode-test');
const shots = path.join(root, 'artifacts', 'screenshots');
const agentDir = path.join(root, 'test', 'vscode', 'fixtures', 'scripted-agent');

const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(1);
// Masked (test/vscode/logMask.mjs): an error may quote the suite's URL, which holds the test database's password.
const log = (...a) => console.error(masked(`[vscode-tests +${secs(t0)}s] ${util.format(...a)}`));
const timings = {};
async function step(name, fn) {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Number(secs(start));
    log(`${name}: ${timings[name]} s`);
  }
}

function sh(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited with ${r.status ?? r.signal}`);
}

const mcpServerName = () => readMcpServerName(root);

function packageVsix(cwd, out) {
  // --no-dependencies: the extension is an esbuild bundle; --allow-missing-repository: never prompt in CI.
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '-o', out], { cwd, encoding: 'utf8' });
  const said = `${r.stdout}${r.stderr}`.split('\n').filter((l) => !/^npm warn Unknown (user|env) config/.test(l));
  if (r.status !== 0) throw new Error(`vsce package in ${cwd} failed:\n${said.join('\n')}`);
  for (const l of said.filter((l) => /WARNING|DONE/.test(l))) log(`vsce: ${l.trim()}`);
}

const servers = new Set();
const stopAllSync = () => { for (const s of servers) s.stopSync(); };
process.on('exit', stopAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopAllSync(); process.exit(130); });

async function withCodeServer(options, fn) {
  const cs = await startCodeServer({ ...options, log });
  servers.add(cs);
  log(`code-server ${cs.url} (log ${path.relative(root, cs.logFile)})`);
  try {
    return await fn(cs);
  } finally {
    await cs.stop();
    servers.delete(cs);
    // code-server keeps the last page query (the suite's URL, the test database's password in it) here.
    fs.rmSync(path.join(options.root, 'data', 'coder.json'), { force: true });
  }
}

function runE2eScript(cs, timeoutSec) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'test', 'e2e', 'e2e.mjs'), '--server', cs.url, '--folder', cs.folder, '--shots', shots, '--profiles', testRoot], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BAAS_TEST_MCP_SERVER_NAME: mcpServerName() },
    });
    const lines = [];
    child.stdout.on('data', (d) => { process.stdout.write(d); lines.push(...String(d).split('\n')); });
    const timer = setTimeout(() => { log(`e2e timeout after ${timeoutSec} s`); child.kill('SIGKILL'); }, timeoutSec * 1000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code: code ?? 1, lines }); });
  });
}

/** test/support/postgresForVscode.ts in a child: its first stdout line is the database URL; closing its stdin stops it. */
function startSuitePostgres() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'test', 'support', 'postgresForVscode.ts')], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ url: line.trim(), stop: () => new Promise((done) => { child.once('exit', done); child.stdin.end(); }) });
    });
    child.on('exit', (code) => reject(new Error(`the PostgreSQL fixture exited with ${code} before giving its URL`)));
  });
}

const results = { suite: null, e2e: null };
const counts = { passed: 0, failed: 0 };

/** Set-up, build, package, then (a) and (b); fills `results` and `counts`. */
async function runAll(tmp) {
  const vsEnv = await step('set-up', () => ensureVscodeEnv());
  const serverName = mcpServerName();
  const hostEnv = { BAAS_LANG: process.env.BAAS_LANG || 'en', BAAS_TEST_MCP_SERVER_NAME: serverName };
  const xdgRoot = path.join(testRoot, 'xdg');

  if (!args.has('--no-build')) {
    await step('build', async () => {
      sh(process.execPath, ['esbuild.mjs']);
      await buildSuite();
    });
  }
  const agentVsix = path.join(tmp, 'scripted-agent.vsix');
  const productVsix = path.join(tmp, 'baas-sms.vsix');
  await step('package', () => {
    packageVsix(agentDir, agentVsix);
    if (runE2e) {
      packageVsix(root, productVsix);
      // vsce runs vscode:prepublish (a production build) if there is one: give the suite the dev build back.
      if (runSuite && JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts?.['vscode:prepublish']) sh(process.execPath, ['esbuild.mjs']);
    }
  });

  if (runSuite) {
    // A real PostgreSQL for the team-ledger tests, as mocha's (test/support/postgres.ts), stopped after the suite.
    const pg = await step('postgres', () => startSuitePostgres());
    hideInLogs(secretsOf({ BAAS_TEST_TEAM_LEDGER_URL: pg.url }));
    results.suite = await step('suite', () => withCodeServer(
      { vsEnv, root: path.join(testRoot, 'suite'), xdgRoot, vsix: [agentVsix], env: hostEnv },
      async (cs) => {
        const out = [];
        const code = await runSuiteInBrowser({
          server: cs.url, ext: root, tests: suiteEntry, folder: cs.folder, profiles: testRoot, chromium: vsEnv.chromium,
          env: { ...hostEnv, BAAS_LEDGER_FILE: path.join(tmp, 'suite-ledger.jsonl'), BAAS_VSCODE_GREP: process.env.BAAS_VSCODE_GREP || '', BAAS_TEST_TEAM_LEDGER_URL: pg.url },
          timeoutSec: Number(process.env.BAAS_VSCODE_SUITE_TIMEOUT || 600), verbose: !!process.env.VERBOSE,
          out: (line) => { console.log(line); out.push(line); },
        });
        const num = (re) => Number(out.map((l) => re.exec(l)?.[1]).find(Boolean) || 0);
        counts.passed += num(/^\s*(\d+) passing/);
        counts.failed += num(/^\s*(\d+) failing/) + (code !== 0 && !num(/^\s*(\d+) failing/) ? 1 : 0);
        if (code !== 0) log(`suite failed (exit ${code}); code-server log: ${path.relative(root, cs.logFile)}`);
        return code;
      },
    )).finally(() => pg.stop());
  }

  if (runE2e) {
    fs.rmSync(shots, { recursive: true, force: true });
    results.e2e = await step('e2e', () => withCodeServer(
      { vsEnv, root: path.join(testRoot, 'e2e'), xdgRoot, vsix: [productVsix, agentVsix], env: { ...hostEnv, BAAS_LEDGER_FILE: path.join(tmp, 'e2e-ledger.jsonl') } },
      async (cs) => {
        const { code, lines } = await runE2eScript(cs, Number(process.env.BAAS_E2E_TIMEOUT || 900));
        counts.passed += lines.filter((l) => / PASS /.test(l)).length;
        counts.failed += Math.max(lines.filter((l) => / FAIL /.test(l)).length, code === 0 ? 0 : 1);
        if (code !== 0) log(`e2e failed (exit ${code}); screenshots in ${path.relative(root, shots)}, code-server log: ${path.relative(root, cs.logFile)}`);
        return code;
      },
    ));
    if (args.has('--update-screenshots')) {
      if (results.e2e === 0) {
        const media = path.join(root, 'media', 'screenshots');
        // Only the e2e's numbered shots are replaced: the preview card's (preview-card-*.png) come from mocha.
        fs.mkdirSync(media, { recursive: true });
        for (const f of fs.readdirSync(media).filter((f) => /^\d\d-.*\.png$/.test(f))) fs.rmSync(path.join(media, f));
        for (const f of fs.readdirSync(shots).filter((f) => f.endsWith('.png') && !f.startsWith('99-'))) fs.copyFileSync(path.join(shots, f), path.join(media, f));
        log(`screenshots copied to ${path.relative(root, media)}`);
      } else log('e2e failed: media/screenshots left as they were');
    }
  }
}

let exitCode = 1;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-vscode-'));
try {
  fs.mkdirSync(testRoot, { recursive: true });
  // One run at a time per work tree: runs share out/test/vscode, .vscode-test/ and artifacts/ (and
  // two code-servers on 2 cores would only make both slow and flaky).
  await withDirLock(path.join(testRoot, '.lock'), () => runAll(tmp));
  exitCode = Object.values(results).some((r) => r !== null && r !== 0) ? 1 : 0;
} catch (e) {
  log('ERROR', e.stack || e.message);
  counts.failed += 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const word = (r) => (r === null ? 'skipped' : r === 0 ? 'ok' : `failed (${r})`);
log(`suite: ${word(results.suite)}, e2e: ${word(results.e2e)}; timings (s): ${JSON.stringify(timings)}`);
console.log(`vscode: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode);
