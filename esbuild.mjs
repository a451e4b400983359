// Builds the bundles: dist/server.js (the standalone `baas-sms-mcp` command, every dependency inlined,
// one file) and the VS Code extension in two files: dist/extension.js (what activation loads; `vscode`
// is provided by the host) and dist/mcpHost.js (the MCP server and its HTTP host with the SDK and zod,
// loaded the first time VS Code starts the server), the library of the npm package in dist/lib/,
// dist/previewCard.html, the MCP Apps card the tools show in chat, and the bundles the others load on
// first use (LAZY_BUNDLES: dist/templates.js, dist/campaign.js, dist/pgEngine.js).
// `node esbuild.mjs [--production] [--watch] [--tool-list]`: `--production` minifies and drops source
// maps; every build first writes src/mcp/toolList.json (`--tool-list`: only that).
// The bench and its test import `bundleOptions` so that what they measure is built the same way.
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Files of our dependencies that the plugins below replace, by path. They assume the layouts of
 * iconv-lite 0.7 (encodings/tables/*.json, encodings/sbcs-data-generated.js), zod 4 (v4/locales/index.js)
 * and @modelcontextprotocol/sdk 1.x (dist/{esm,cjs}/validation/ajv-provider.js); if an upgrade moves a
 * file, its stub silently stops applying, so test/unit/build/dependencyAssumptions.test.ts checks that
 * every filter still matches a file the bundles load.
 */
export const STUBBED_FILES = {
  iconvTables: /iconv-lite.encodings.(tables.[^/\\]+\.json|sbcs-data-generated\.js)$/,
  zodLocales: /zod.v4.locales.index\.js$/,
  sdkAjvProvider: /@modelcontextprotocol.sdk.dist.(esm|cjs).validation.ajv-provider\.js$/,
};

/**
 * Leaves out data no code path here can reach, to keep the bundles small: iconv-lite's tables for
 * encodings other than EUC-KR/CP949 (we only ever count EUC-KR bytes), and zod's error-message
 * locales other than English (zod only loads English; our own errors carry their Korean text).
 */
const dropUnreachableData = {
  name: 'drop-unreachable-data',
  setup(build) {
    build.onLoad({ filter: STUBBED_FILES.iconvTables }, (args) => {
      if (/cp949\.json$/.test(args.path)) return undefined;
      const json = args.path.endsWith('.json');
      return { contents: json ? '[]' : 'module.exports = {};', loader: json ? 'json' : 'js' };
    });
    build.onLoad({ filter: STUBBED_FILES.zodLocales }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

/**
 * Leaves Ajv out of the bundles that hold the MCP server (dist/extension.js holds no SDK at all). The SDK's Server builds an Ajv validator
 * only when it is given no `jsonSchemaValidator`, and uses it only to check elicitation answers;
 * createServer() passes its own (src/mcp/confirm/formValidator.ts: elicitation forms are flat). Ajv is ~130 KiB of code that the stdio
 * server would otherwise compile and run at every start. Constructing the stand-in fails loudly.
 */
const sdkWithoutAjv = {
  name: 'sdk-without-ajv',
  setup(build) {
    build.onLoad({ filter: STUBBED_FILES.sdkAjvProvider }, () => ({
      contents: 'export class AjvJsonSchemaValidator { constructor() { throw new Error("Ajv is left out of this bundle (esbuild.mjs): pass a jsonSchemaValidator"); } }',
      loader: 'js',
    }));
  },
};

/**
 * Features built as bundles of their own beside the bundles that use them, and loaded on first use,
 * as dist/mcpHost.js is: most sessions use none of them, and every byte of a bundle is read and
 * compiled at start. Name (dist/NAME.js) → the source file that is its entry. The other bundles reach
 * an entry only through its loader's `require()` (src/templates/loadTemplates.ts,
 * src/campaign/loadCampaign.ts, src/ledger/engine/postgres/loadPostgres.ts), which the plugin below
 * turns into `require("./NAME.js")`; a static import of an entry fails the build. Every packaging
 * ships these files (.vscodeignore, .npmignore; checked by test/unit/package/lazyBundles.test.ts).
 * The library (dist/lib/) keeps them inside: it is one file that `import` and `require` share.
 */
export const LAZY_BUNDLES = {
  templates: 'src/templates/index.ts',
  campaign: 'src/campaign/campaignBundle.ts',
  pgEngine: 'src/ledger/engine/postgres/postgresEngine.ts',
};

const lazyEntries = new Map(Object.entries(LAZY_BUNDLES).map(([name, file]) => [path.join(root, file), name]));

/** The source file a relative import names, as esbuild would find it (`.ts` or a folder's index.ts). */
function relativeSource(resolveDir, specifier) {
  const base = path.resolve(resolveDir, specifier);
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find((file) => lazyEntries.has(file));
}

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const entry = relativeSource(args.resolveDir, args.path);
      if (!entry || args.kind === 'entry-point') return undefined;
      const name = lazyEntries.get(entry);
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${path.relative(root, entry)} is dist/${name}.js, a bundle of its own: load it through its loader's require(), not an import (esbuild.mjs LAZY_BUNDLES)` }] };
      }
      // Resolved by Node beside the requiring bundle: dist/server.js → dist/templates.js.
      return { path: `./${name}.js`, external: true };
    });
  },
};

/**
 * The esbuild options of every bundle.
 * @param {{ production?: boolean, outdir?: string }} [options]
 * @returns {Record<'server' | 'extension' | 'mcpHost' | 'lib' | 'libEsm' | keyof typeof LAZY_BUNDLES, import('esbuild').BuildOptions>}
 */
export function bundleOptions({ production = false, outdir = path.join(root, 'dist') } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    outdir,
    // zod v4 and the MCP SDK ship ESM with `import.meta`; nothing we bundle relies on it at run time.
    define: { 'import.meta.url': 'undefined' },
    // pg's optional native binding (libpq) is never used: the pure-JS driver is bundled instead.
    external: ['pg-native'],
    plugins: [dropUnreachableData, sdkWithoutAjv],
  };
  const split = { ...common, plugins: [...common.plugins, lazyBundles] };
  const lazy = Object.fromEntries(Object.entries(LAZY_BUNDLES).map(([name, file]) => [name, { ...split, entryPoints: { [name]: file } }]));
  return {
    server: { ...split, entryPoints: { server: 'src/cli/bin.ts' }, banner: { js: '#!/usr/bin/env node' } },
    // The library (`require`/`import 'baas-sms-mcp'`): one CommonJS bundle, and an ES module entry that
    // re-exports it, so import and require share one copy of each class. Types: scripts/build-types.mjs.
    lib: { ...common, entryPoints: { 'lib/index': 'src/lib/index.ts' } },
    libEsm: { absWorkingDir: root, logLevel: 'warning', format: 'esm', outfile: path.join(outdir, 'lib', 'index.mjs'), stdin: { contents: "export * from './index.js';\n", loader: 'js' } },
    extension: { ...split, entryPoints: { extension: 'src/extension/extension.ts' }, external: ['vscode', 'pg-native'] },
    mcpHost: { ...split, entryPoints: { mcpHost: 'src/extension/mcp/mcpHostModule.ts' } },
    ...lazy,
  };
}

/**
 * The preview card of MCP Apps (src/mcp/app/previewCard.ts): src/view/previewCard/main.ts, bundled for
 * the browser and always minified, inlined into card.html's <script> (the host's webview loads nothing
 * from a URL). Written to OUTDIR/previewCard.html; the server reads it on the first resources/read.
 * @param {{ outdir?: string }} [options]
 * @returns {Promise<string>} the page's path
 */
export async function buildPreviewCard({ outdir = path.join(root, 'dist') } = {}) {
  const { outputFiles } = await esbuild.build({
    absWorkingDir: root, entryPoints: ['src/view/previewCard/main.ts'], bundle: true, platform: 'browser', target: 'es2022',
    format: 'iife', minify: true, legalComments: 'none', write: false, logLevel: 'warning',
  });
  // "</script" inside the bundle would end the inline script early.
  const script = outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const template = readFileSync(path.join(root, 'src', 'view', 'previewCard', 'card.html'), 'utf8');
  const file = path.join(outdir, 'previewCard.html');
  mkdirSync(outdir, { recursive: true });
  writeFileSync(file, template.replace('/*BUNDLE*/', () => script));
  return file;
}

/**
 * The bench's cold-start baseline, a bare MCP SDK server with one trivial tool, bundled as
 * dist/server.js is but with the SDK left whole (its default Ajv validator included).
 * @param {{ production?: boolean, outdir?: string }} [options]
 * @returns {import('esbuild').BuildOptions}
 */
export function bareSdkServerOptions(options) {
  const { server } = bundleOptions(options);
  return { ...server, entryPoints: { 'bare-server': 'scripts/bench/bare-server.ts' }, plugins: [dropUnreachableData] };
}

/**
 * Writes src/mcp/toolList.json, the SDK's own tools/list answer for the tools as they are now (see
 * src/mcp/sdkPatches.ts), so no build can ship a stale list. The generator (src/mcp/toolListLive.ts) is
 * bundled in memory and run in this process; the file is written only when its text changed.
 * @returns {Promise<boolean>} whether the file changed
 */
export async function writeToolList() {
  const { outputFiles } = await esbuild.build({
    absWorkingDir: root, entryPoints: ['src/mcp/toolListLive.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    write: false, logLevel: 'warning', define: { 'import.meta.url': 'undefined' },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const text = await module.exports.toolListFileText();
  const file = path.join(root, 'src', 'mcp', 'toolList.json');
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // Not there yet: written below.
  }
  if (committed === text) return false;
  writeFileSync(file, text);
  console.error('esbuild.mjs: wrote src/mcp/toolList.json (the tool list changed: commit it)');
  return true;
}

async function main() {
  await writeToolList();
  if (process.argv.includes('--tool-list')) return;
  const builds = Object.values(bundleOptions({ production: process.argv.includes('--production') }));
  if (process.argv.includes('--watch')) {
    for (const options of builds) await (await esbuild.context(options)).watch();
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  }
  await buildPreviewCard();
}

/** Run as a script (not imported by the bench): compared as real paths, so a symlinked checkout still builds. */
function isMain() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  main().catch((error) => {
    // esbuild prints its own build errors (they carry `errors`); anything else is ours to show.
    if (!error?.errors) console.error(error);
    process.exitCode = 1;
  });
}
