// Writes the library's type declarations: dist/lib/index.d.ts (for require) and index.d.mts (for
// import), one self-contained file bundled from src/lib/index.ts by dts-bundle-generator. The package
// bundles every dependency and installs none, so the declarations may name no other package's types:
// no MCP SDK, no zod, no vscode. Run by `npm pack` / `npm publish` (prepack) after the release build.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDtsBundle } from 'dts-bundle-generator';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [dts] = generateDtsBundle(
  [{ filePath: path.join(root, 'src/lib/index.ts'), output: { noBanner: true, exportReferencedTypes: false }, libraries: { allowedTypesLibraries: [] } }],
  { preferredConfigPath: path.join(root, 'tsconfig.json') },
);
const foreign = dts.split('\n').filter((line) => /^\s*(import\b|\/\/\/ <reference)|\bfrom ['"]|NodeJS\.|vscode/.test(line));
if (foreign.length > 0) {
  process.stderr.write(`build-types: the declarations name types from outside the package:\n${foreign.join('\n')}\n`);
  process.exit(1);
}
const out = path.join(root, 'dist', 'lib');
mkdirSync(out, { recursive: true });
for (const name of ['index.d.ts', 'index.d.mts']) writeFileSync(path.join(out, name), dts);
