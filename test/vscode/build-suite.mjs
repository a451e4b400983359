// Compiles the in-host suite (test/vscode/suite/index.ts + **/*.test.ts) into out/test/vscode/suite/,
// inside the extension's folder: `require('vscode')` only gives the extension's API to files there.
// Each test file is bundled on its own; `vscode` (the host's) and `mocha` (node_modules) stay external.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteSrc = path.join(repoRoot, 'test', 'vscode', 'suite');
export const suiteOut = path.join(repoRoot, 'out', 'test', 'vscode', 'suite');
export const suiteEntry = path.join(suiteOut, 'index.js');

/** Builds the suite afresh (a deleted test must not survive in out/); returns the compiled test files. */
export async function buildSuite() {
  const tests = fs.readdirSync(suiteSrc, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(suiteSrc, f));
  fs.rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(suiteSrc, 'index.ts'), ...tests],
    outbase: suiteSrc,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline', // stack traces of failing tests point at the .ts lines
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    define: { 'import.meta.url': 'undefined' }, // as in esbuild.mjs: zod/SDK ESM never use it at run time
  });
  return tests.map((f) => path.join(suiteOut, path.relative(suiteSrc, f).replace(/\.ts$/, '.js')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildSuite();
  console.error(`[build-suite] ${files.length} test file(s) -> ${path.relative(repoRoot, suiteOut)}`);
}
