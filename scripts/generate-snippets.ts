// Writes snippets/<language>.json from src/templates so the editor's snippets and the code agents get
// never drift. `--check` only compares (exit 1 on a difference), for CI. Run: npm run snippets
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGRATION_TEMPLATES, buildSnippetFiles } from '../src/templates';

const snippetsDir = join(__dirname, '..', 'snippets');
const checkOnly = process.argv.includes('--check');
let stale = 0;

for (const [name, text] of buildSnippetFiles(INTEGRATION_TEMPLATES)) {
  const file = join(snippetsDir, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  stale += 1;
  if (checkOnly) {
    console.error(`snippets/${name} is out of date: run npm run snippets`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote snippets/${name}`);
  }
}
if (checkOnly && stale > 0) process.exitCode = 1;
