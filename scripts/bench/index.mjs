// `npm run bench` (`--quick` for a short smoke run, `--start` for the start-up figures and bundle sizes alone): builds the release bundles into a temporary folder
// with esbuild.mjs's own options, the bare SDK baseline server bundled exactly as dist/server.js is,
// and the benchmark itself (run.ts), then runs it with plain Node. Loopback only, no network. Prints
// one markdown table for the README's Performance section, the machine, and notes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bareSdkServerOptions, buildPreviewCard, bundleOptions } from '../../esbuild.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const work = mkdtempSync(path.join(tmpdir(), 'baas-bench-build-'));

try {
  process.stderr.write('[bench] building the release bundles\n');
  const options = bundleOptions({ production: true, outdir: work });
  await Promise.all([
    ...Object.values(options).map((o) => esbuild.build(o)),
    esbuild.build(bareSdkServerOptions({ production: true, outdir: work })),
    buildPreviewCard({ outdir: work }),
    esbuild.build({ ...options.server, banner: {}, plugins: [], entryPoints: { bench: 'scripts/bench/run.ts' } }),
  ]);
  const [serverJs, extensionJs, bareJs, benchJs] = ['server', 'extension', 'bare-server', 'bench'].map((name) => path.join(work, `${name}.js`));
  const args = [benchJs, '--root', root, '--server', serverJs, '--extension', extensionJs, '--bare', bareJs, ...process.argv.slice(2)];
  const code = await new Promise((resolve) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }).on('exit', resolve));
  if (code !== 0) process.exitCode = 1;
  else process.stdout.write(`\n\`npm run bench\` took ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
