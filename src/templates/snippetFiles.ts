// The VS Code snippet files in snippets/, generated from the templates so they never drift from what
// agents are given. scripts/generate-snippets.ts writes them; a unit test checks the committed copies.
import type { IntegrationTemplate, TemplateLanguage } from './integrationTemplate';

/** Each language's snippet file, in the order package.json's `contributes.snippets` lists them. */
export const SNIPPET_LANGUAGES: readonly TemplateLanguage[] = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'vue'];

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * File name (`<language>.json`, relative to snippets/) → file text, for every language that has a
 * template. Keys are the English titles; the description carries both languages since snippet files
 * cannot be localised.
 */
export function buildSnippetFiles(templates: readonly IntegrationTemplate[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const language of SNIPPET_LANGUAGES) {
    const entries: Record<string, SnippetEntry> = {};
    for (const t of templates.filter((candidate) => candidate.language === language)) {
      if (entries[t.title]) throw new Error(`Two ${language} templates are titled "${t.title}"`);
      // A snippet is one file: say which shared module it imports, and the prefix that inserts it.
      const needs = (t.requires ?? []).map((id) => templates.find((other) => other.id === id)).filter((other) => other !== undefined)
        .map((other) => `\nNeeds ${other.fileName} (${other.prefix}) · ${other.fileName} 필요`).join('');
      entries[t.title] = { prefix: t.prefix, description: `${t.description}\n${t.descriptionKo}${needs}`, body: t.body.split('\n') };
    }
    if (Object.keys(entries).length > 0) files.set(`${language}.json`, `${JSON.stringify(entries, null, 2)}\n`);
  }
  return files;
}
