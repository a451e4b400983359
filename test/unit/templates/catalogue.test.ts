// The template list as a whole: ids and prefixes unique, the promised frameworks and languages present,
// no key in any template, none in a browser template, and the committed snippet files up to date.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGRATION_TEMPLATES, SNIPPET_LANGUAGES, buildSnippetFiles, findTemplate, renderTemplate } from '../../../src/templates';
import { REPO_ROOT } from './renderedTemplates';

const react = INTEGRATION_TEMPLATES.filter((t) => t.framework === 'react');
const server = INTEGRATION_TEMPLATES.filter((t) => t.framework !== 'react');

describe('templates: catalogue', () => {
  it('offers Express JS/TS, React JSX/TSX and Django', () => {
    const offered = INTEGRATION_TEMPLATES.map((t) => `${t.framework}/${t.language}`).sort();
    assert.deepEqual(offered, ['django/python', 'express/javascript', 'express/typescript', 'react/javascriptreact', 'react/typescriptreact']);
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

  it('findTemplate finds each template by id and nothing else', () => {
    for (const t of INTEGRATION_TEMPLATES) assert.equal(findTemplate(t.id), t);
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

  it('React templates call only the app\'s own route and never the BaaS API or its key', () => {
    for (const t of react) {
      for (const text of [t.body, renderTemplate(t)]) {
        for (const banned of ['aiapp.link', 'BAAS_API_KEY', 'X-API-KEY', 'Authorization', 'Bearer', 'process.env', 'PROJECT_ID']) {
          assert.ok(!text.toLowerCase().includes(banned.toLowerCase()), `${t.id} contains ${banned}`);
        }
      }
      const code = renderTemplate(t);
      assert.match(code, /const VERIFICATION_ROUTE = '\/api\/sms\/verification';/);
      assert.deepEqual(code.match(/fetch\(([^,]+),/g), ['fetch(VERIFICATION_ROUTE,']);
      assert.match(code, /disabled=\{sending\}/, `${t.id} does not disable the button while sending`);
    }
  });

  it('server templates read the key, project and base URL from the environment and hard-code no key', () => {
    for (const t of server) {
      const code = renderTemplate(t);
      const env = t.language === 'python' ? (name: string) => `os.environ.get("${name}"` : (name: string) => `process.env.${name}`;
      for (const name of ['BAAS_API_KEY', 'PROJECT_ID', 'BAAS_API_BASE_URL']) assert.ok(code.includes(env(name)), `${t.id} does not read ${name}`);
      // Only the variable may follow "Bearer " and feed X-API-KEY: no literal key anywhere.
      assert.match(code, /Bearer (\$\{apiKey\}|\{api_key\})/, t.id);
      assert.match(code, /["']X-API-KEY["']: api(Key|_key),/, t.id);
      assert.doesNotMatch(code, /(api[_-]?key|secret|token)\s*[:=]\s*["'][A-Za-z0-9_-]{8,}["']/i, `${t.id} hard-codes something key-like`);
      assert.ok(code.includes('https://api.aiapp.link'), `${t.id} lost the default base URL`);
    }
  });
});

describe('templates: snippet files', () => {
  const generated = buildSnippetFiles(INTEGRATION_TEMPLATES);

  it('one file per language, as package.json contributes them', () => {
    assert.deepEqual([...generated.keys()], SNIPPET_LANGUAGES.map((language) => `${language}.json`));
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
