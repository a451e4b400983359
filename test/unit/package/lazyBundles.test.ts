// The bundles loaded on first use (esbuild.mjs LAZY_BUNDLES: the templates, campaigns, the PostgreSQL
// engine): each is out of the bundles that load it, loaded by them from beside them, and shipped by
// every packaging that ships those bundles — the VSIX (`vsce ls`, .vscodeignore) and the npm package
// (`npm pack`, .npmignore), listed from a folder holding exactly this build. The stdio server built
// here starts and lists its tools with none of them beside it, and loads each when a tool needs it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const repo = path.resolve(__dirname, '../../..');
/** A string each lazy bundle's code cannot do without: a template body's, csv-parse's and read-excel-file's, pg's SASL. */
const MARKERS: Record<string, string[]> = { templates: ['baasSmsOtpStore'], campaign: ['CSV_QUOTE_NOT_CLOSED', 'sharedStrings'], pgEngine: ['SCRAM-SHA-256'] };
/** What each shipped bundle loads on first use. */
const LOADS: Record<string, string[]> = { server: ['campaign', 'pgEngine', 'templates'], extension: ['campaign', 'pgEngine', 'templates'], mcpHost: ['campaign', 'templates'] };

/** The `./NAME.js` files a built bundle requires, by NAME. */
function lazyRequires(file: string): string[] {
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/require\("\.\/([\w-]+)\.js"\)/g)].map((m) => m[1]))].sort();
}

/** The files of this build a packaging ships: its manifest and ignore files in a folder with dist/ as built. */
function shipped(out: string, list: (dir: string) => string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-lazy-pack-'));
  try {
    for (const file of ['package.json', '.npmignore', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE']) copyFileSync(path.join(repo, file), path.join(dir, file));
    mkdirSync(path.join(dir, 'dist'));
    for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) copyFileSync(path.join(out, file), path.join(dir, 'dist', file));
    return list(dir).filter((f) => f.startsWith('dist/')).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bundles loaded on first use (esbuild.mjs LAZY_BUNDLES)', function () {
  this.timeout(120_000);
  let out: string;
  let lazyNames: string[];
  const bundle = (name: string): string => path.join(out, `${name}.js`);

  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'baas-lazy-build-'));
    const { bundleOptions, LAZY_BUNDLES } = await import('../../../esbuild.mjs');
    lazyNames = Object.keys(LAZY_BUNDLES).sort();
    const options = bundleOptions({ outdir: out });
    // Every bundle a packaging ships except the library (dist/lib/, one file that keeps them inside).
    const built = ['server', 'extension', 'mcpHost', ...lazyNames] as Array<keyof typeof options>;
    await Promise.all(built.map((name) => esbuild.build({ ...options[name], sourcemap: false, logLevel: 'error' })));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('are out of the bundles that load them, which require them from beside themselves', () => {
    assert.deepEqual(Object.keys(MARKERS).sort(), lazyNames);
    for (const [name, loads] of Object.entries(LOADS)) {
      assert.deepEqual(lazyRequires(bundle(name)), loads, `${name}.js`);
      const code = readFileSync(bundle(name), 'utf8');
      for (const lazy of lazyNames) for (const marker of MARKERS[lazy]) assert.equal(code.includes(marker), false, `${name}.js holds ${lazy}'s ${marker}`);
    }
    for (const lazy of lazyNames) {
      for (const marker of MARKERS[lazy]) assert.ok(readFileSync(bundle(lazy), 'utf8').includes(marker), `${lazy}.js lacks ${marker}`);
      for (const required of lazyRequires(bundle(lazy))) assert.ok(lazyNames.includes(required) && existsSync(bundle(required)), `${lazy}.js requires ${required}.js`);
    }
  });

  it('each loads on its own and exports what its loader promises', () => {
    /* eslint-disable @typescript-eslint/no-require-imports -- the built bundles, as the others load them */
    const templates = require(bundle('templates')) as typeof import('../../../src/templates');
    const campaign = require(bundle('campaign')) as typeof import('../../../src/campaign/campaignBundle');
    const pg = require(bundle('pgEngine')) as typeof import('../../../src/ledger/engine/postgres/postgresEngine');
    /* eslint-enable @typescript-eslint/no-require-imports */
    assert.ok(templates.INTEGRATION_TEMPLATES.length > 20);
    assert.match(templates.renderTemplate(templates.findTemplate('node-core-ts')!), /process\.env\.BAAS_API_KEY/);
    assert.equal(typeof campaign.planCampaign, 'function');
    assert.equal(typeof campaign.runCampaignCli, 'function');
    assert.equal(typeof pg.PostgresLedgerEngine, 'function');
  });

  it('the VSIX ships every bundle extension.js and mcpHost.js load (vsce ls, .vscodeignore)', () => {
    const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = shipped(out, (dir) => execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: dir, encoding: 'utf8' }).split('\n'));
    const needed = ['extension', 'mcpHost', ...LOADS.extension, ...LOADS.mcpHost];
    for (const name of needed) assert.ok(files.includes(`dist/${name}.js`), `the VSIX lacks dist/${name}.js: ${files.join(', ')}`);
    assert.ok(!files.includes('dist/server.js'), 'the VSIX ships the standalone server');
  });

  it('the npm package ships every bundle dist/server.js loads (npm pack, .npmignore)', async () => {
    const { nestedNpmEnv } = await import('../../support/nestedNpmEnv.mjs');
    const files = shipped(out, (dir) => {
      const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, env: nestedNpmEnv(), encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
      return packed.files.map((f) => f.path);
    });
    assert.deepEqual(files, ['dist/server.js', ...LOADS.server.map((name) => `dist/${name}.js`)].sort());
  });

  describe('the stdio server (built dist/server.js)', () => {
    let dir: string;
    const connect = async (server: string): Promise<Client> => {
      const client = new Client({ name: 'lazy-bundles-test', version: '1' });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [server, '--sandbox'], env: { ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl') }, stderr: 'pipe' }));
      return client;
    };
    before(() => { dir = mkdtempSync(path.join(tmpdir(), 'baas-lazy-run-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('starts and lists its tools and prompts with none of them beside it: nothing loads them at start', async () => {
      const alone = path.join(dir, 'alone');
      mkdirSync(alone);
      copyFileSync(bundle('server'), path.join(alone, 'server.js'));
      const client = await connect(path.join(alone, 'server.js'));
      try {
        assert.equal((await client.listTools()).tools.length, 7);
        assert.ok((await client.listPrompts()).prompts.length > 0);
        // Used, a missing bundle says what is wrong and what to do, not Node's "Cannot find module".
        const answer = await client.callTool({ name: 'get_integration_code', arguments: { framework: 'express', use_case: 'verification' } });
        const text = JSON.stringify(answer.content);
        assert.equal(answer.isError, true);
        assert.match(text, /templates\.js is missing beside this program.*reinstall baas-sms-mcp/);
      } finally {
        await client.close();
      }
    });

    it('loads the templates and campaigns from beside it when a tool or resource needs them', async () => {
      const client = await connect(bundle('server'));
      try {
        const { resources } = await client.listResources();
        assert.ok(resources.some((r) => r.uri === 'baas-sms://templates/node-core-ts' && r.title && r.description && r.mimeType === 'text/plain'), JSON.stringify(resources.slice(0, 3)));
        const read = await client.readResource({ uri: 'baas-sms://templates/node-core-ts' });
        assert.match((read.contents[0] as { text: string }).text, /process\.env\.BAAS_API_KEY/);
        await assert.rejects(client.readResource({ uri: 'baas-sms://templates/no-such-template' }), /Resource baas-sms:\/\/templates\/no-such-template not found/);
        const code = await client.callTool({ name: 'get_integration_code', arguments: { framework: 'express', use_case: 'verification', language: 'typescript' } });
        assert.deepEqual((code.structuredContent as { templates: Array<{ id: string }> }).templates.map((t) => t.id), ['express-otp-ts', 'node-core-ts']);
        const plan = await client.callTool({ name: 'plan_campaign', arguments: { rows: [{ phone: '010-1234-5678' }], message: '안녕하세요' } });
        assert.equal((plan.structuredContent as { ready?: boolean }).ready, true, JSON.stringify(plan.content));
      } finally {
        await client.close();
      }
    });
  });
});
