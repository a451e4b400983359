// The template list as a whole: every framework × use case the product promises, ids and prefixes unique,
// imports resolvable, no key in any template, no key or API host in a browser one, and the generated
// files (JavaScript copies, snippets/) up to date.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BROWSER_FRAMEWORKS, INTEGRATION_TEMPLATES, SERVER_FRAMEWORKS, SNIPPET_LANGUAGES, SOURCE_TEMPLATES, USE_CASES,
  availableCombinations, buildSnippetFiles, findTemplate, renderTemplate, selectTemplates,
} from '../../../src/templates';
import { generatedJavascriptModule, javascriptTemplates } from '../../../src/templates/javascriptCopies';
import { REPO_ROOT } from './renderedTemplates';

const browser = INTEGRATION_TEMPLATES.filter((t) => (BROWSER_FRAMEWORKS as readonly string[]).includes(t.framework));
const server = INTEGRATION_TEMPLATES.filter((t) => !(BROWSER_FRAMEWORKS as readonly string[]).includes(t.framework));

describe('templates: catalogue', () => {
  it('every server framework has every use case; Express in JS and TS', () => {
    for (const framework of SERVER_FRAMEWORKS) {
      for (const useCase of USE_CASES) {
        const languages = selectTemplates(framework, useCase).filter((t) => t.framework === framework).map((t) => t.language).sort();
        assert.deepEqual(languages.length > 0, true, `${framework} × ${useCase} is missing`);
        if (framework === 'express') assert.deepEqual([...new Set(languages)], ['javascript', 'typescript'], `${framework} × ${useCase}`);
      }
    }
  });

  it('React (JSX and TSX) and Vue have the verification and campaign forms', () => {
    for (const useCase of ['verification', 'campaign'] as const) {
      assert.deepEqual(selectTemplates('react', useCase).map((t) => t.language).sort(), ['javascriptreact', 'typescriptreact'], `react × ${useCase}`);
      assert.deepEqual(selectTemplates('vue', useCase).map((t) => t.language), ['vue'], `vue × ${useCase}`);
    }
  });

  it('availableCombinations lists exactly what selectTemplates finds', () => {
    for (const combo of availableCombinations()) {
      assert.ok(selectTemplates(combo.framework as never, combo.useCase as never).length > 0, JSON.stringify(combo));
    }
    assert.equal(availableCombinations().length, SERVER_FRAMEWORKS.length * USE_CASES.length + BROWSER_FRAMEWORKS.length * 2);
  });

  it('every id and every prefix is unique, and prefixes start with baas-', () => {
    const ids = INTEGRATION_TEMPLATES.map((t) => t.id);
    const prefixes = INTEGRATION_TEMPLATES.map((t) => t.prefix);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const prefix of prefixes) assert.match(prefix, /^baas-[a-z0-9-]+$/);
  });

  it('every template has both titles and descriptions, the Korean ones in Hangul', () => {
    for (const t of INTEGRATION_TEMPLATES) {
      for (const text of [t.title, t.titleKo, t.description, t.descriptionKo]) assert.ok(text.trim().length > 0, t.id);
      assert.match(t.titleKo + t.descriptionKo, /[가-힣]/, t.id);
    }
  });

  it('what a template requires exists, is a shared module and is imported under its file name', () => {
    for (const t of INTEGRATION_TEMPLATES) {
      for (const id of t.requires ?? []) {
        const required = findTemplate(id);
        assert.ok(required, `${t.id} requires unknown ${id}`);
        assert.equal(required.useCase, 'core', `${t.id} requires ${id}`);
        // Imported by the template itself or by another module it comes with (Nest's service imports the core).
        const module = required.fileName.replace(/\.(ts|js|py)$/, '').split('/').pop()!;
        const importers = [t, ...(t.requires ?? []).map((other) => findTemplate(other)!)];
        assert.ok(importers.some((importer) => importer !== required && renderTemplate(importer).includes(module)), `nothing imports ${module} for ${t.id}`);
      }
    }
    assert.equal(findTemplate('nope'), undefined);
  });

  it('every template has tabstops and renders to code with no snippet syntax left', () => {
    for (const t of INTEGRATION_TEMPLATES) {
      assert.match(t.body, /\$\{1:/, `${t.id} has no first tabstop`);
      const code = renderTemplate(t);
      assert.doesNotMatch(code, /\$\{\d+[:|}]/, `${t.id} still has a tabstop`);
      assert.ok(!code.includes('\\$'), `${t.id} still has an escaped dollar`);
    }
  });

  it('browser templates call only the app\'s own /api routes, never the BaaS API or its key', () => {
    assert.ok(browser.length >= 6);
    for (const t of browser) {
      const code = renderTemplate(t);
      for (const banned of ['aiapp.link', 'BAAS_API_KEY', 'X-API-KEY', 'Authorization', 'Bearer', 'process.env', 'PROJECT_ID', 'import.meta.env', '/message/']) {
        assert.ok(!code.toLowerCase().includes(banned.toLowerCase()), `${t.id} contains ${banned}`);
      }
      // Relative URLs only: the browser talks to the page's own origin, the app's backend.
      assert.doesNotMatch(code, /['"`]https?:\/\//, `${t.id} calls an absolute URL`);
      assert.match(code, /fetch\(/, `${t.id} calls nothing`);
      assert.match(code, /['"`]\/api\//, `${t.id} calls no /api route`);
    }
  });

  it('only the shared cores talk to the API: they read key, project and sender from the environment', () => {
    for (const t of server) {
      const code = renderTemplate(t);
      if (t.framework !== 'shared') {
        assert.ok(!/aiapp\.link|X-API-KEY|BAAS_API_KEY/.test(code.replace(/\/\/.*|#.*|"""[\s\S]*?"""/g, '')), `${t.id} talks to the API itself`);
        continue;
      }
      const env = t.language === 'python' ? (name: string) => `os.environ.get("${name}"` : (name: string) => `process.env.${name}`;
      for (const name of ['BAAS_API_KEY', 'PROJECT_ID', 'BAAS_API_BASE_URL', 'BAAS_CALLBACK_NUMBER']) assert.ok(code.includes(env(name)), `${t.id} does not read ${name}`);
      assert.match(code, /Bearer (\$\{apiKey\}|\{api_key\})/, t.id);
      assert.match(code, /["']X-API-KEY["']: api(Key|_key),/, t.id);
      assert.doesNotMatch(code, /(api[_-]?key|secret|token)\s*[:=]\s*["'][A-Za-z0-9_-]{8,}["']/i, `${t.id} hard-codes something key-like`);
      assert.ok(code.includes('https://api.aiapp.link'), `${t.id} lost the default base URL`);
    }
  });
});

describe('templates: generated files', () => {
  const generated = buildSnippetFiles(INTEGRATION_TEMPLATES);

  it('the JavaScript copies equal a fresh generation from the TypeScript templates (run `npm run snippets` if not)', () => {
    assert.equal(readFileSync(join(REPO_ROOT, 'src/templates/generated/javascript.ts'), 'utf8'), generatedJavascriptModule(SOURCE_TEMPLATES));
    assert.deepEqual(INTEGRATION_TEMPLATES.filter((t) => !SOURCE_TEMPLATES.includes(t)).map((t) => t.id), javascriptTemplates(SOURCE_TEMPLATES).map((t) => t.id));
  });

  it('one snippet file per language, as package.json contributes them', () => {
    assert.deepEqual([...generated.keys()], SNIPPET_LANGUAGES.map((language) => `${language}.json`));
    const contributed = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } }).contributes.snippets;
    assert.deepEqual(contributed.map((s) => [s.language, s.path]), SNIPPET_LANGUAGES.map((language) => [language, `./snippets/${language}.json`]));
  });

  it('the committed snippets/ files equal a fresh generation (run `npm run snippets` if not)', () => {
    const committed = readdirSync(join(REPO_ROOT, 'snippets')).filter((name) => name.endsWith('.json')).sort();
    assert.deepEqual(committed, [...generated.keys()].sort(), 'snippets/ holds other files than the generator writes');
    for (const [name, text] of generated) assert.equal(readFileSync(join(REPO_ROOT, 'snippets', name), 'utf8'), text, `snippets/${name} is stale`);
  });

  it('each entry carries the template\'s prefix and exact body', () => {
    for (const [name, text] of generated) {
      const entries = JSON.parse(text) as Record<string, { prefix: string; body: string[]; description: string }>;
      for (const entry of Object.values(entries)) {
        const t = INTEGRATION_TEMPLATES.find((candidate) => candidate.prefix === entry.prefix);
        assert.ok(t, `${name}: unknown prefix ${entry.prefix}`);
        assert.equal(`${t.language}.json`, name);
        assert.equal(entry.body.join('\n'), t.body);
      }
    }
  });
});
