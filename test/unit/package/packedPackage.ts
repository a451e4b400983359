// Packs the package as a fresh clone would and installs the tarball the two ways users do: into a
// project and into a global prefix. The checkout's tracked (and new, unignored) files are copied to a
// temporary folder with node_modules linked, so `npm pack` runs its prepack release build there and
// this checkout's dist/ (the dev build other tests use) is left alone. Everything is offline: the
// package installs no dependencies.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PackedPackage {
  root: string;
  tarball: string;
  /** Paths inside the tarball, as `npm pack --json` lists them. */
  files: string[];
  /** An empty project with the tarball installed. */
  project: string;
  /** `npm install -g --prefix` of the tarball. */
  globalPrefix: string;
}

export async function packAndInstall(repo: string): Promise<PackedPackage> {
  const { nestedNpmEnv } = (await import('../../support/nestedNpmEnv.mjs'));
  const env = nestedNpmEnv();
  const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  const root = mkdtempSync(path.join(tmpdir(), 'baas-package-'));
  const checkout = path.join(root, 'checkout');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  for (const file of listed.split('\0').filter((f) => f && existsSync(path.join(repo, f)))) {
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(repo, file), path.join(checkout, file));
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');

  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', root], checkout)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = path.join(root, packed.filename);

  const project = path.join(root, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const globalPrefix = path.join(root, 'global');
  const install = ['--offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  npm(['install', ...install, tarball], project);
  npm(['install', '-g', '--prefix', globalPrefix, ...install, tarball], root);
  return { root, tarball, files: packed.files.map((f) => f.path).sort(), project, globalPrefix };
}
