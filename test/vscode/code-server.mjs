// Starts and stops one code-server for a test phase: fresh user-data, extensions and workspace dirs,
// a free loopback port, no auth, its own process group (so stopping it also ends its extension hosts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// Variables that would make code-server talk to another instance, move its port or reach the live API.
const SCRUBBED_ENV = /^(VSCODE_.*|ELECTRON_RUN_AS_NODE|PORT|PASSWORD|HASHED_PASSWORD|CODE_SERVER_.*|BAAS_API_KEY|BAAS_API_BASE_URL|PROJECT_ID)$/;

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The environment code-server and its extension hosts get: XDG dirs under `xdgRoot`, Node 24 first on PATH. */
export function codeServerEnv(vsEnv, xdgRoot, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SCRUBBED_ENV.test(k)));
  const xdg = (name) => path.join(xdgRoot, name);
  Object.assign(env, {
    PATH: vsEnv.pathWithNode24,
    XDG_DATA_HOME: xdg('data'), XDG_CONFIG_HOME: xdg('config'), XDG_CACHE_HOME: xdg('cache'),
    XDG_STATE_HOME: xdg('state'), XDG_RUNTIME_DIR: xdg('run'),
    npm_config_logs_dir: xdg('npm-logs'),
    ...extra,
  });
  for (const k of ['data', 'config', 'cache', 'state', 'run']) fs.mkdirSync(xdg(k), { recursive: true });
  fs.chmodSync(xdg('run'), 0o700);
  return env;
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/**
 * Prepares `root` afresh, installs the given VSIX files and starts code-server on a free port.
 * @param {{ vsEnv: object, root: string, xdgRoot: string, vsix?: string[], env?: Record<string,string>,
 *   settings?: Record<string, unknown>, log?: (s: string) => void }} o
 * @returns {Promise<{ url: string, port: number, folder: string, logFile: string, stop: () => Promise<void>, stopSync: () => void }>}
 */
export async function startCodeServer(o) {
  const log = o.log || (() => {});
  const root = o.root;
  fs.rmSync(root, { recursive: true, force: true });
  const dirs = { data: path.join(root, 'data'), exts: path.join(root, 'exts'), ws: path.join(root, 'ws') };
  fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  fs.mkdirSync(dirs.exts, { recursive: true });
  fs.mkdirSync(dirs.ws, { recursive: true });
  fs.writeFileSync(path.join(dirs.data, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...o.settings }, null, 2));
  const port = await freePort();
  const config = path.join(root, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`);
  const env = codeServerEnv(o.vsEnv, o.xdgRoot, o.env);
  const base = [o.vsEnv.codeServerEntry, '--config', config, '--user-data-dir', dirs.data, '--extensions-dir', dirs.exts];

  if (o.vsix?.length) {
    const r = spawnSync(o.vsEnv.nodeBin, [...base, ...o.vsix.flatMap((v) => ['--install-extension', v])], { env, encoding: 'utf8' });
    const said = `${r.stdout}${r.stderr}`.trim();
    const installed = (said.match(/successfully installed/gi) || []).length;
    if (r.status !== 0 || installed < o.vsix.length) throw new Error(`installing ${o.vsix.join(', ')} failed:\n${said}`);
    log(said.split('\n').filter((l) => /install/i.test(l)).join('\n'));
  }

  const logFile = path.join(root, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(o.vsEnv.nodeBin, [
    ...base, '--disable-workspace-trust', '--ignore-last-opened', '--reconnection-grace-time', '10',
    '--vscode-option', 'enable-smoke-test-driver', dirs.ws,
  ], { env, detached: true, stdio: ['ignore', out, out] }); // detached = own process group (setsid)
  fs.closeSync(out);
  let exited = false;
  const gone = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const stopSync = () => killGroup('SIGKILL');
  const stop = async () => {
    killGroup('SIGTERM');
    const t = setTimeout(() => killGroup('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
    killGroup('SIGKILL'); // extension hosts left behind in the group
  };

  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start-up:\n${tail(logFile)}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > end) { await stop(); throw new Error(`code-server did not answer on ${url} within 60 s:\n${tail(logFile)}`); }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, port, folder: dirs.ws, logFile, stop, stopSync };
}
