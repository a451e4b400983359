// `npm run bench` (`--quick` for a short smoke run): builds the release bundles (node esbuild.mjs
// --production), bundles the bare SDK baseline server exactly as dist/server.js is bundled and the
// benchmark itself (run.ts), then runs it with plain Node. Loopback only, no network. Prints one
// markdown table for the README's Performance section, the machine, and notes.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const work = mkdtempSync(path.join(tmpdir(), 'baas-bench-build-'));

/**
 * The options esbuild.mjs gives dist/server.js (cjs, node20, minified, one file, zod's non-English
 * locales left out), so the baseline differs from ours only in what the code does. Keep in step with it.
 */
const serverLike = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'error',
  define: { 'import.meta.url': 'undefined' },
  banner: { js: '#!/usr/bin/env node' },
  plugins: [{
    name: 'zod-english-only',
    setup(build) {
      build.onLoad({ filter: /zod.v4.locales.index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
    },
  }],
};

/** Copies a release bundle away from dist/, so a concurrent dev build cannot change what is measured. */
function releaseCopy(name) {
  const target = path.join(work, name);
  copyFileSync(path.join(root, 'dist', name), target);
  if (/sourceMappingURL=/.test(readFileSync(target, 'utf8').slice(-200))) throw new Error(`dist/${name} is not a production build (built again meanwhile?)`);
  return target;
}

try {
  process.stderr.write('[bench] node esbuild.mjs --production\n');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  const serverJs = releaseCopy('server.js');
  const extensionJs = releaseCopy('extension.js');
  const bareJs = path.join(work, 'bare-server.js');
  await esbuild.build({ ...serverLike, absWorkingDir: root, entryPoints: ['scripts/bench/bare-server.ts'], outfile: bareJs });
  const benchJs = path.join(work, 'bench.js');
  await esbuild.build({ ...serverLike, banner: {}, plugins: [], absWorkingDir: root, entryPoints: ['scripts/bench/run.ts'], outfile: benchJs });

  const args = [benchJs, '--root', root, '--server', serverJs, '--extension', extensionJs, '--bare', bareJs, ...process.argv.slice(2)];
  const code = await new Promise((resolve) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }).on('exit', resolve));
  if (code !== 0) process.exitCode = 1;
  else process.stdout.write(`\n\`npm run bench\` took ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
