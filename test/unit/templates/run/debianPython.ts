// Django and FastAPI come from Debian (python3-django, python3-fastapi, python3-uvicorn, python3-httpx)
// and live in Debian's own interpreter, /usr/bin/python3 (the python3 first on PATH may be another
// one that cannot import them). Installed here when missing and we are root, as CI machines are.
import { spawnSync } from 'node:child_process';

export const DEBIAN_PYTHON = '/usr/bin/python3';
const PACKAGES = ['python3-django', 'python3-fastapi', 'python3-uvicorn', 'python3-httpx'];

function importsWork(): boolean {
  return spawnSync(DEBIAN_PYTHON, ['-c', 'import django, fastapi, uvicorn, httpx'], { stdio: 'ignore' }).status === 0;
}

/** Makes sure Debian's Python can import the frameworks; returns its path. */
export function ensureDebianPythonFrameworks(): string {
  if (importsWork()) return DEBIAN_PYTHON;
  if (process.getuid?.() !== 0) throw new Error(`Django/FastAPI missing: run "sudo apt-get install -y ${PACKAGES.join(' ')}"`);
  process.stderr.write(`[template-frameworks] apt-get install ${PACKAGES.join(' ')}…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  if (!importsWork()) throw new Error(`${DEBIAN_PYTHON} still cannot import django, fastapi, uvicorn and httpx`);
  return DEBIAN_PYTHON;
}
