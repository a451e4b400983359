// A real PostgreSQL server for the tests, started by the test command itself: Debian's `postgresql`
// (installed with apt-get when missing, as root), one throwaway cluster per mocha run in a temp folder
// on a random 127.0.0.1 port, started on first use and shared; each suite gets its own database.
// Stopped by the root hook (test/support/rootHooks.ts), on process exit, and by a watchdog shell
// should this process die by SIGKILL. BAAS_TEST_POSTGRES_URL points the tests at a server of your own.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

interface Cluster { root: string; data: string; bin: string; port: number; password: string }

let cluster: Promise<Cluster> | undefined;
let started: Cluster | undefined;
let databases = 0;

/** A connection URL for a new, empty database of its own (named after `suite`). */
export async function postgresDatabase(suite: string): Promise<string> {
  const name = `t${++databases}_${suite.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 60);
  const external = process.env.BAAS_TEST_POSTGRES_URL;
  const admin = external ?? adminUrl(await (cluster ??= startCluster()));
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Stops the cluster if this run started one; safe to call more than once and from an exit handler. */
export function stopPostgres(): void {
  const c = started;
  started = undefined;
  cluster = undefined;
  if (!c) return;
  spawnSync('runuser', ['-u', 'postgres', '--', path.join(c.bin, 'pg_ctl'), '-D', c.data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
  fs.rmSync(c.root, { recursive: true, force: true });
}

function adminUrl(c: Cluster): string {
  return `postgres://postgres:${c.password}@127.0.0.1:${c.port}/postgres`;
}

async function startCluster(): Promise<Cluster> {
  const bin = ensureInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-pg-'));
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(path.join(dir, 'pwfile'), password);
  const data = path.join(dir, 'data');
  execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const asPostgres = (tool: string, args: string[]): void => {
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' });
  };
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${path.join(dir, 'pwfile')}`, '-E', 'UTF8', '--no-locale', '--no-sync']);
  // A free port can be taken between asking and starting: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      // fsync and synchronous_commit off: a throwaway test cluster, never advice for the product.
      asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c max_connections=200`, 'start']);
      started = { root: dir, data, bin, port, password };
      watchdog(bin, data, dir);
      process.once('exit', stopPostgres);
      return started;
    } catch (error) {
      if (attempt >= 3) {
        const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`, { cause: error });
      }
    }
  }
}

/** The binaries folder of Debian's PostgreSQL, installing the package first when it is missing. */
function ensureInstalled(): string {
  const found = findBin();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed: run "sudo apt-get install -y postgresql", or set BAAS_TEST_POSTGRES_URL');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another job on the machine may hold apt's lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  execFileSync('apt-get', [...lock, 'update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', 'postgresql'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const bin = findBin();
  if (!bin) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found');
  return bin;
}

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Stops the cluster once this process is gone, however it went (kill -9 included). */
function watchdog(bin: string, data: string, dir: string): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; runuser -u postgres -- "${path.join(bin, 'pg_ctl')}" -D "${data}" -m immediate stop >/dev/null 2>&1; rm -rf "${dir}"`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
}
