// The heavy JS frameworks the template tests run (Next.js, NestJS, React DOM, Vue and their test tools),
// installed once with `npm ci` from test/template-frameworks/ (exact versions, committed lockfile) into
// ~/.cache/baas-sms-templates/<hash of the lockfile>, so the project's own `npm ci` stays lean.
// BAAS_TEMPLATES_CACHE overrides the cache folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../renderedTemplates';

const SOURCE = join(REPO_ROOT, 'test', 'template-frameworks');
const READY = '.baas-ready';

/** The folder whose node_modules holds the frameworks, installing them first when missing. */
export function ensureTemplateFrameworks(): string {
  const lock = readFileSync(join(SOURCE, 'package-lock.json'));
  const key = createHash('sha256').update(lock).update(readFileSync(join(SOURCE, 'package.json'))).digest('hex').slice(0, 16);
  const root = process.env.BAAS_TEMPLATES_CACHE || join(homedir(), '.cache', 'baas-sms-templates');
  const dir = join(root, key);
  if (existsSync(join(dir, READY))) return dir;
  // Installed beside the final folder and renamed into place, so an interrupted install is never used.
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(SOURCE, file), join(staging, file));
  const started = Date.now();
  process.stderr.write(`[template-frameworks] npm ci into ${dir} (first run only)…\n`);
  // Scripts are run: Next.js needs its native SWC binary, which comes as an optional dependency.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: staging, stdio: ['ignore', 'inherit', 'inherit'], env: cleanNpmEnv() });
  if (result.status !== 0) throw new Error(`npm ci in ${staging} failed (exit ${result.status ?? result.signal})`);
  writeFileSync(join(staging, READY), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  // Installs for older lockfiles are dead weight (hundreds of MB with Next.js): only the current one stays.
  for (const name of readdirSync(root)) if (/^[0-9a-f]{16}$/.test(name) && name !== key) rmSync(join(root, name), { recursive: true, force: true });
  process.stderr.write(`[template-frameworks] installed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return dir;
}

// An outer `npm test` exports npm_config_* for its own run (e.g. a prefix); the nested npm must not inherit them.
function cleanNpmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_(config|package|lifecycle)_/i.test(name)) env[name] = value;
  return env;
}
