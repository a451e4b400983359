// Runs an extensionTestsPath (the @vscode/test-electron `run()` contract) inside code-server's
// extension host, driven by headless Chromium; resolves with the extension host's exit code.
// code-server must run with `--vscode-option enable-smoke-test-driver`, or the workbench ignores ?payload=.
// CLI: node test/vscode/launcher.mjs --server http://127.0.0.1:PORT --ext DIR --tests FILE --folder WS
//                                    [--env '{"K":"V"}'] [--profiles DIR] [--timeout 300]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { pathToFileURL } from 'node:url';
import { hideInLogs, masked, secretsOf } from './logMask.mjs';

// The workbench's own chatter that the extension host forwards between the test markers.
const NOISE = /^\[(ChatModelSelection|AgentHost|AccountPolicyGate)\]/;

/**
 * Opens the workbench with a test payload and waits for `codeAutomationExit`.
 * @param {{ server: string, ext: string, tests: string, folder: string, env?: Record<string,string>,
 *   profiles?: string, timeoutSec?: number, chromium?: string, verbose?: boolean, out?: (line: string) => void }} o
 * @returns {Promise<number>} 0 when mocha passed, 1 when a test failed, 2 on a runner timeout
 */
export async function runSuiteInBrowser(o) {
  const url = suitePageUrl(o);
  // The page URL (and so a browser error quoting it) and the extension host's lines may carry the
  // environment's secrets, the test database's password among them: every line is masked.
  hideInLogs(secretsOf(o.env));
  const print = o.out || ((line) => console.log(line));
  const out = (line) => print(masked(line));
  const t0 = Date.now();
  const log = (...a) => out(`[suite ${((Date.now() - t0) / 1000).toFixed(1)}s] ${util.format(...a)}`);

  const profile = fs.mkdtempSync(path.join(o.profiles || os.tmpdir(), 'chrome-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: o.chromium || process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let settle;
  const exited = new Promise((resolve) => { settle = resolve; });
  let inTests = false;
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    // The workbench forwards the extension host's console here, and its own log lines (verbose shows all).
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(args || []));
      if (line.includes('@@TESTS-BEGIN@@')) { inTests = true; log('tests started'); return; }
      if (line.includes('@@TESTS-END@@')) { inTests = false; return; }
      if (o.verbose || (inTests && !NOISE.test(line))) out(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code, why: '' }));
    const timeoutSec = o.timeoutSec || 300;
    const timer = setTimeout(() => settle({ code: 2, why: `(runner timeout after ${timeoutSec}s)` }), timeoutSec * 1000);
    log('opening', url);
    await page.goto(url);
    const { code, why } = await exited;
    clearTimeout(timer);
    log(`extension host exited with code ${code} ${why}`);
    return code;
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The workbench URL that runs the tests; the extension host's environment (secrets too) rides in its payload. */
export function suitePageUrl(o) {
  const server = new URL(o.server);
  const remote = (p) => `vscode-remote://${server.host}${path.resolve(p)}`; // code-server's remote authority = HTTP host
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(o.ext)],
    ['extensionTestsPath', remote(o.tests)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
    ...(o.env ? [['extensionEnvironment', JSON.stringify(o.env)]] : []), // -> process.env of the extension host
  ]);
  return `${server.origin}/?folder=${encodeURIComponent(path.resolve(o.folder))}&payload=${encodeURIComponent(payload)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, arr) => (v.startsWith('--') ? a.concat([[v.slice(2), arr[i + 1]]]) : a), []));
  const code = await runSuiteInBrowser({
    server: argv.server || 'http://127.0.0.1:18080',
    ext: argv.ext || '.',
    tests: argv.tests || './out/test/vscode/suite/index.js',
    folder: argv.folder || '.',
    env: argv.env ? JSON.parse(argv.env) : undefined,
    profiles: argv.profiles,
    timeoutSec: Number(argv.timeout || 300),
    verbose: !!process.env.VERBOSE,
  });
  process.exit(code);
}
