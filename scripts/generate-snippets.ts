// Writes the JavaScript copies of the TypeScript templates (src/templates/generated/javascript.ts) and
// snippets/<language>.json from src/templates, so the editor's snippets and the code agents get never
// drift. `--check` only compares (exit 1 on a difference), for CI. Run: npm run snippets
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_TEMPLATES, buildSnippetFiles } from '../src/templates';
import { generatedJavascriptModule, javascriptTemplates } from '../src/templates/javascriptCopies';

const root = join(__dirname, '..');
const checkOnly = process.argv.includes('--check');
let stale = 0;

// Built from the sources, not from the (possibly stale) generated module the import above loaded.
const templates = [...SOURCE_TEMPLATES, ...javascriptTemplates(SOURCE_TEMPLATES)];
const outputs = new Map<string, string>([['src/templates/generated/javascript.ts', generatedJavascriptModule(SOURCE_TEMPLATES)]]);
for (const [name, text] of buildSnippetFiles(templates)) outputs.set(`snippets/${name}`, text);

for (const [name, text] of outputs) {
  const file = join(root, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  stale += 1;
  if (checkOnly) {
    console.error(`${name} is out of date: run npm run snippets`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
if (checkOnly && stale > 0) process.exitCode = 1;
