// Builds the two bundles: dist/server.js (the standalone `baas-sms-mcp` command, every dependency
// inlined) and dist/extension.js (the VS Code extension; `vscode` is provided by the host).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Leaves out data no code path here can reach, to keep the bundles small: iconv-lite's tables for
 * encodings other than EUC-KR/CP949 (we only ever count EUC-KR bytes), and zod's error-message
 * locales other than English (zod only loads English; our own errors carry their Korean text).
 */
const dropUnreachableData = {
  name: 'drop-unreachable-data',
  setup(build) {
    build.onLoad({ filter: /iconv-lite.encodings.(tables.[^/\\]+\.json|sbcs-data-generated\.js)$/ }, (args) => {
      if (/cp949\.json$/.test(args.path)) return undefined;
      const json = args.path.endsWith('.json');
      return { contents: json ? '[]' : 'module.exports = {};', loader: json ? 'json' : 'js' };
    });
    build.onLoad({ filter: /zod.v4.locales.index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

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
  plugins: [dropUnreachableData],
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
