// Builds the two bundles: dist/server.js (the standalone `baas-sms-mcp` command, every dependency
// inlined) and dist/extension.js (the VS Code extension; `vscode` is provided by the host).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // zod v4 and the MCP SDK ship ESM with `import.meta`; nothing we bundle relies on it at run time.
  define: { 'import.meta.url': 'undefined' },
};

const builds = [
  {
    ...common,
    entryPoints: { server: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
