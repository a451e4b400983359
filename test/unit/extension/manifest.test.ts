// package.json's contributions against src/extension/constants.ts and the string files: every id the
// code uses is contributed and every contribution is used; setting defaults are the code's defaults;
// every %key% and every l10n.t() string has its English and Korean text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  COMMANDS, CONFIG_SECTION, CONTEXT_KEYS, EXTENSION_ID, ITEM_COMMANDS, MCP_PROVIDER_ID, SETTINGS, TREE_ITEM_CONTEXT,
  VIEW_CONTAINER_ID, VIEWS, WALKTHROUGH_ID, settingId,
} from '../../../src/extension/constants';
import { sendingSettingsFrom, skipConfirmationForSandbox, pollCapMs, type ConfigurationReader } from '../../../src/extension/settings/sendingSettings';

const root = path.resolve(__dirname, '../../..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

interface Command { command: string; title: string; category?: string; icon?: string }
interface MenuEntry { command: string; when?: string; group?: string }
interface Property { type: string; default?: unknown; scope?: string; tags?: string[]; description?: string; markdownDescription?: string }
interface Manifest {
  publisher: string;
  name: string;
  icon: string;
  l10n: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: Command[];
    menus: Record<string, MenuEntry[]>;
    configuration: { title: string; properties: Record<string, Property> };
    viewsContainers: { activitybar: Array<{ id: string; title: string; icon: string }> };
    views: Record<string, Array<{ id: string; name: string; icon?: string }>>;
    viewsWelcome: Array<{ view: string; contents: string; when?: string }>;
    snippets: Array<{ language: string; path: string }>;
    walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string } }> }>;
    mcpServerDefinitionProviders: Array<{ id: string; label: string }>;
  };
}

const manifest = readJson<Manifest>('package.json');
const contributes = manifest.contributes;
const nlsEn = readJson<Record<string, string>>('package.nls.json');
const nlsKo = readJson<Record<string, string>>('package.nls.ko.json');
const bundleKo = readJson<Record<string, string>>('l10n/bundle.l10n.ko.json');
const contributedCommands = new Set(contributes.commands.map((c) => c.command));
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

/** `t('…')` and `l10n.t('…')` calls in src/extension: the keys the l10n bundle must hold. */
function l10nStringsInSource(): Set<string> {
  const dir = path.join(root, 'src/extension');
  const strings = new Set<string>();
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  assert.ok(files.some((f) => path.relative(dir, f).includes(path.sep)), 'the scan reaches the feature folders');
  // The confirmation's text is shared with the standalone server's elicitation form, outside src/extension.
  files.push(path.join(root, 'src/sending/confirmationSummary.ts'));
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1].replace(/\\'/g, "'"));
    // Template literals or double quotes would escape this scan: keep every call in single quotes.
    assert.doesNotMatch(source, /\bt\(\s*[`"]/, `${file}: use single quotes in t() so the bundle check sees the string`);
  }
  return strings;
}

/** A configuration that answers with package.json's declared defaults. */
function declaredDefaults(): ConfigurationReader {
  const props = contributes.configuration.properties;
  return { get: <T>(key: string) => props[settingId(key)]?.default as T | undefined };
}

describe('package.json against src/extension/constants.ts', () => {
  it('names the extension as EXTENSION_ID', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('contributes exactly the commands in COMMANDS, all in the "BaaS SMS" category with localised titles', () => {
    assert.deepEqual([...contributedCommands].sort(), Object.values(COMMANDS).sort());
    for (const c of contributes.commands) {
      assert.equal(c.category, 'BaaS SMS', c.command);
      assert.match(c.title, /^%command\.[\w.]+%$/, c.command);
    }
  });

  it('hides the tree-item commands from the command palette', () => {
    const hidden = contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command).sort();
    assert.deepEqual(hidden, [...ITEM_COMMANDS].sort());
  });

  it('keys view menus on `view ==` and item menus on `viewItem ==` with the tree\'s context values', () => {
    for (const entry of contributes.menus['view/title']) {
      assert.ok(contributedCommands.has(entry.command), entry.command);
      assert.equal(entry.when, `view == ${VIEWS.history}`);
    }
    const contexts = new Set<string>(Object.values(TREE_ITEM_CONTEXT));
    for (const entry of contributes.menus['view/item/context']) {
      assert.ok(contributedCommands.has(entry.command), entry.command);
      const m = /^view == (\S+) && viewItem == (\S+)$/.exec(entry.when ?? '');
      assert.ok(m, `${entry.command}: ${entry.when}`);
      assert.equal(m[1], VIEWS.history);
      assert.ok(contexts.has(m[2]), m[2]);
    }
    assert.ok(contributes.menus['view/item/context'].some((e) => e.command === COMMANDS.refreshGroupStatus && e.group === 'inline'));
  });

  it('puts the history view in its own activity-bar container, with welcome content', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepEqual(contributes.views[VIEW_CONTAINER_ID].map((v) => v.id), [VIEWS.history]);
    assert.ok(contributes.viewsWelcome.length >= 2);
    for (const welcome of contributes.viewsWelcome) assert.equal(welcome.view, VIEWS.history);
    const whens = contributes.viewsWelcome.map((w) => w.when ?? '').join(' ');
    assert.ok(whens.includes(CONTEXT_KEYS.apiKeySet), 'welcome content depends on whether a key is set');
    assert.ok(whens.includes(`config.${settingId(SETTINGS.sandbox)}`));
  });

  it('links only to contributed commands (or built-in ones) from welcome content and walkthrough steps', () => {
    const texts = [
      ...contributes.viewsWelcome.map((w) => nlsEn[w.contents.slice(1, -1)]),
      ...contributes.walkthroughs.flatMap((w) => w.steps.map((s) => nlsEn[s.description.slice(1, -1)])),
    ];
    for (const text of texts) {
      for (const [, command] of text.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(contributedCommands.has(command) || command.startsWith('workbench.'), command);
      }
    }
  });

  it('declares exactly the settings in SETTINGS, and no API key setting', () => {
    const declared = Object.keys(contributes.configuration.properties).sort();
    assert.deepEqual(declared, Object.values(SETTINGS).map(settingId).sort());
    assert.ok(declared.every((key) => key.startsWith(`${CONFIG_SECTION}.`)));
    assert.deepEqual(declared.filter((key) => /key|token|secret|password/i.test(key)), []);
  });

  it('keeps the API base URL and the spend guard out of workspace settings', () => {
    const props = contributes.configuration.properties;
    assert.equal(props[settingId(SETTINGS.apiBaseUrl)].scope, 'machine');
    assert.deepEqual(props[settingId(SETTINGS.apiBaseUrl)].tags, ['advanced']);
    for (const key of Object.keys(props).filter((k) => k.startsWith(`${CONFIG_SECTION}.guard.`))) assert.equal(props[key].scope, 'machine', key);
  });

  it('declares the same defaults the code falls back to', () => {
    const empty: ConfigurationReader = { get: () => undefined };
    assert.deepEqual(sendingSettingsFrom(declaredDefaults(), 'en'), sendingSettingsFrom(empty, 'en'));
    assert.equal(skipConfirmationForSandbox(declaredDefaults()), skipConfirmationForSandbox(empty));
    assert.equal(pollCapMs(declaredDefaults()), pollCapMs(empty));
    assert.equal(contributes.configuration.properties[settingId(SETTINGS.sandbox)].default, false);
  });

  it('provides the MCP server definitions under MCP_PROVIDER_ID', () => {
    assert.deepEqual(contributes.mcpServerDefinitionProviders.map((p) => p.id), [MCP_PROVIDER_ID]);
  });

  it('activates on demand only, and needs no VS Code newer than its API use (MCP provider API: 1.101)', () => {
    assert.deepEqual(manifest.activationEvents.filter((e) => e === '*' || e === 'onStartupFinished'), []);
    assert.equal(manifest.engines.vscode, '^1.101.0');
    // vsce refuses a package whose @types/vscode is newer than engines.vscode.
    assert.equal(manifest.devDependencies['@types/vscode'].replace(/^\^/, '').split('.').slice(0, 2).join('.'), '1.101');
  });

  it('ships the files it points at: snippets, walkthrough pages, icons, a 128×128 PNG icon', () => {
    for (const s of contributes.snippets) assert.ok(fs.existsSync(path.join(root, s.path)), s.path);
    const walkthrough = contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
    assert.ok(walkthrough && walkthrough.steps.length >= 3 && walkthrough.steps.length <= 5);
    for (const step of walkthrough.steps) assert.ok(fs.existsSync(path.join(root, step.media.markdown ?? '')), step.id);
    for (const c of contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(root, c.icon)), c.icon);
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.equal(manifest.l10n, './l10n');
  });
});

describe('localised strings', () => {
  const referenced = new Set([...fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));

  it('package.nls.json and package.nls.ko.json hold every %key% package.json uses, and nothing else', () => {
    assert.deepEqual(Object.keys(nlsEn).sort(), [...referenced].sort());
    assert.deepEqual(Object.keys(nlsKo).sort(), [...referenced].sort());
  });

  it('Korean manifest strings are translated and keep their command links', () => {
    for (const key of referenced) {
      assert.ok(nlsKo[key].trim() !== '', key);
      const links = (text: string): string[] => [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.deepEqual(links(nlsKo[key]), links(nlsEn[key]), key);
    }
    assert.match(nlsKo['command.sendSms'], /[가-힣]/);
  });

  it('l10n/bundle.l10n.ko.json translates every l10n string the code uses, with the same placeholders', () => {
    const used = l10nStringsInSource();
    assert.ok(used.size > 50, `found only ${used.size} strings: is the scan broken?`);
    assert.deepEqual([...used].filter((s) => !(s in bundleKo)), [], 'used in code but missing from the Korean bundle');
    assert.deepEqual(Object.keys(bundleKo).filter((s) => !used.has(s)), [], 'in the Korean bundle but no longer used');
    for (const [english, korean] of Object.entries(bundleKo)) assert.deepEqual(placeholders(korean), placeholders(english), english);
  });
});
