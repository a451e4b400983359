// The npm package as users get it: `npm pack` on a copy of the checkout (its prepack release build),
// the tarball installed into an empty project and into a global prefix, offline. The command answers
// MCP through a real SDK client over stdio; the library loads with import and require, runs the
// README's example, and type-checks a consumer with `tsc --strict`. One pack serves every case.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { packAndInstall, type PackedPackage } from './packedPackage';

const repo = path.resolve(__dirname, '../../..');
const LIBRARY_EXPORTS = ['BaasClient', 'BaasSmsError', 'DEFAULT_BAAS_BASE_URL', 'DEFAULT_RULES', 'VERSION', 'createServer', 'main', 'prepareSend'];
const TOOLS = (JSON.parse(readFileSync(path.join(repo, 'src/mcp/toolList.json'), 'utf8')) as { tools: Array<{ name: string }> }).tools.map((t) => t.name).sort();

/** The ```js block after the README's library-example marker: the test runs what users read. */
function readmeLibraryExample(readme: string): string {
  const match = /<!-- library-example[^>]*-->\s*```js\n([\s\S]*?)\n```/.exec(readme);
  if (!match) throw new Error('README.md has no library-example block');
  return `${match[1]}\n`;
}

describe('the npm package (npm pack, installed from the tarball)', function () {
  this.timeout(180_000);
  let pkg: PackedPackage;
  let env: NodeJS.ProcessEnv;
  const node = (args: string[], cwd = pkg.project) => spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });

  before(async () => {
    pkg = await packAndInstall(repo);
    // Sends land in a ledger of this test's own; no key, so nothing could go out live.
    env = { ...process.env, BAAS_LEDGER_FILE: path.join(pkg.root, 'ledger.jsonl'), BAAS_SANDBOX_DELAY_MS: '20', BAAS_API_KEY: '' };
  });
  after(() => { if (pkg) rmSync(pkg.root, { recursive: true, force: true }); });

  it('holds the minified server with its shebang and the bundles it loads on first use, the preview card page, the library with its types, README, CHANGELOG, LICENSE and nothing else', () => {
    assert.deepEqual(pkg.files, [
      'CHANGELOG.md', 'LICENSE', 'README.md',
      'dist/campaign.js',
      'dist/lib/index.d.mts', 'dist/lib/index.d.ts', 'dist/lib/index.js', 'dist/lib/index.mjs',
      'dist/pgEngine.js', 'dist/previewCard.html', 'dist/server.js', 'dist/templates.js', 'package.json',
    ]);
    const installed = path.join(pkg.project, 'node_modules', 'baas-sms-mcp');
    const server = readFileSync(path.join(installed, 'dist/server.js'), 'utf8');
    assert.match(server, /^#!\/usr\/bin\/env node\n/);
    // The dev build names each source file in a comment and links a source map; the release build neither.
    assert.doesNotMatch(server, /^\/\/ src\//m);
    assert.doesNotMatch(server, /sourceMappingURL/);
  });

  it('package.json reads right to npm: a real description, exports with types, no dependencies, no placeholder URL', () => {
    const manifest = JSON.parse(readFileSync(path.join(pkg.project, 'node_modules/baas-sms-mcp/package.json'), 'utf8')) as Record<string, unknown>;
    assert.match(String(manifest.description), /^[A-Z][^%]{40,}$/);
    assert.equal(manifest.dependencies, undefined);
    assert.doesNotMatch(JSON.stringify(manifest), /your-org/);
    assert.deepEqual(manifest.bin, { 'baas-sms-mcp': 'dist/server.js' });
    assert.deepEqual((manifest.exports as Record<string, unknown>)['.'], {
      import: { types: './dist/lib/index.d.mts', default: './dist/lib/index.mjs' },
      require: { types: './dist/lib/index.d.ts', default: './dist/lib/index.js' },
    });
    // The release build runs on pack, so a packed tarball and a published one are the same.
    const scripts = manifest.scripts as Record<string, string>;
    assert.match(scripts.prepack, /npm run build:release/);
    assert.match(scripts['build:release'], /esbuild\.mjs --production/);
    assert.equal(scripts.prepublishOnly, undefined);
  });

  it('installed globally, `baas-sms-mcp --sandbox` answers initialize and tools/list through an SDK client over stdio', async () => {
    const client = new Client({ name: 'package-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: path.join(pkg.globalPrefix, 'bin', 'baas-sms-mcp'), args: ['--sandbox'], env: env as Record<string, string>, stderr: 'pipe' }));
    try {
      assert.equal(client.getServerVersion()?.name, 'baas-sms');
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
      // The MCP Apps card is read from beside dist/server.js: the tarball must carry it.
      const card = await client.readResource({ uri: 'ui://baas-sms/preview-card.html' });
      assert.match((card.contents[0] as { text: string }).text, /^<!doctype html>/i);
      // So are the bundles loaded on first use: the templates (dist/templates.js) and campaigns (dist/campaign.js).
      const template = await client.readResource({ uri: 'baas-sms://templates/node-core-ts' });
      assert.match((template.contents[0] as { text: string }).text, /BAAS_API_KEY/);
      const plan = await client.callTool({ name: 'plan_campaign', arguments: { rows: [{ phone: '010-1234-5678' }], message: '안녕하세요' } });
      assert.equal((plan.structuredContent as { ready?: boolean }).ready, true, JSON.stringify(plan.content));
    } finally {
      await client.close();
    }
  });

  it('in a project, main() from require(\'baas-sms-mcp\') serves MCP as the command does', async () => {
    const client = new Client({ name: 'package-test', version: '1' });
    const script = "require('baas-sms-mcp').main(['--sandbox']).catch((e) => { console.error(e); process.exit(1); });";
    await client.connect(new StdioClientTransport({ command: process.execPath, args: ['-e', script], cwd: pkg.project, env: env as Record<string, string>, stderr: 'pipe' }));
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
      // The library (dist/lib/) finds the card one folder up.
      assert.equal((await client.readResource({ uri: 'ui://baas-sms/preview-card.html' })).contents[0].mimeType, 'text/html;profile=mcp-app');
      const sent = await client.callTool({ name: 'send_sms', arguments: { recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi', callback_number: '02-1234-5678' } });
      assert.equal((sent.structuredContent as { sandbox: boolean }).sandbox, true, JSON.stringify(sent.content));
    } finally {
      await client.close();
    }
  });

  it('import and require give the same exports, one copy of each class', () => {
    const cjs = node(['-e', "const l = require('baas-sms-mcp'); console.log(JSON.stringify(Object.keys(l).sort()))"]);
    assert.equal(cjs.status, 0, cjs.stderr);
    assert.deepEqual(JSON.parse(cjs.stdout), LIBRARY_EXPORTS);
    const esm = node(['--input-type=module', '-e', [
      "import * as l from 'baas-sms-mcp'; import { createRequire } from 'node:module';",
      "const r = createRequire(process.cwd() + '/');",
      "console.log(JSON.stringify({ keys: Object.keys(l).filter((k) => k !== 'default').sort(), same: l.createServer === r('baas-sms-mcp').createServer && l.BaasClient === r('baas-sms-mcp').BaasClient }));",
    ].join('\n')]);
    assert.equal(esm.status, 0, esm.stderr);
    assert.deepEqual(JSON.parse(esm.stdout), { keys: LIBRARY_EXPORTS, same: true });
  });

  describe('with the MCP SDK beside it in the project', () => {
    before(() => {
      // What a user installs next to it to serve the server on a transport; linked from this checkout (offline).
      mkdirSync(path.join(pkg.project, 'node_modules/@modelcontextprotocol'), { recursive: true });
      symlinkSync(path.join(repo, 'node_modules/@modelcontextprotocol/sdk'), path.join(pkg.project, 'node_modules/@modelcontextprotocol/sdk'), 'dir');
    });

    it('runs the README\'s library example as it is written (ES module)', () => {
      writeFileSync(path.join(pkg.project, 'example.mjs'), readmeLibraryExample(readFileSync(path.join(repo, 'README.md'), 'utf8')));
      const run = node(['example.mjs']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines[0], 'SMS, 33 bytes, 9.9 KRW to 010-1234-5678');
      assert.match(lines[1], /^sandbox: true, group \d+, 전송중$/);
      assert.equal(lines.length, 2);
    });

    it('createServer() from require() serves an SDK client in memory (CommonJS)', () => {
      writeFileSync(path.join(pkg.project, 'serve.cjs'), [
        "const { createServer } = require('baas-sms-mcp');",
        "const { Client } = require('@modelcontextprotocol/sdk/client/index.js');",
        "const { InMemoryTransport } = require('@modelcontextprotocol/sdk/inMemory.js');",
        '(async () => {',
        '  const server = createServer({ sandbox: true, serverName: "from-cjs" });',
        '  const [a, b] = InMemoryTransport.createLinkedPair();',
        '  await server.connect(b);',
        '  const client = new Client({ name: "cjs", version: "1" });',
        '  await client.connect(a);',
        '  const { tools } = await client.listTools();',
        '  console.log(client.getServerVersion().name, tools.length);',
        '  await client.close();',
        '  await server.close();',
        '})().catch((e) => { console.error(e); process.exit(1); });',
      ].join('\n'));
      const run = node(['serve.cjs']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), `from-cjs ${TOOLS.length}`);
    });
  });

  describe('a TypeScript consumer, tsc --strict', () => {
    let diagnostics: string[];
    let status: number | null;
    before(() => {
      const body = [
        "const prepared: PreparedSend = prepareSend({ kind: 'mms', recipients: [{ phone_number: '01012345678', member_code: 'm' }], message: 'hi', subject: 's', image_urls: ['https://example.com/a.jpg'], callback_number: '02-1234-5678', project_id: '123e4567-e89b-42d3-a456-426614174000' }, { rules: DEFAULT_RULES, locale: 'ko' });",
        "const type: 'SMS' | 'LMS' | 'MMS' = prepared.message_type;",
        "const client = new BaasClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });",
        'const status: Promise<GroupStatus> = client.getGroupStatus(1);',
        "const server: BaasSmsMcpServer = createServer({ sandbox: true, env: { PROJECT_ID: 'p' } });",
        'const closed: Promise<void> = server.close();',
        "const serving: Promise<void> = main(['--sandbox']);",
        'export const used = [type, status, closed, serving, BaasSmsError, VERSION.length];',
      ].join('\n');
      const names = '{ BaasClient, BaasSmsError, DEFAULT_RULES, VERSION, createServer, main, prepareSend, type BaasSmsMcpServer, type GroupStatus, type PreparedSend }';
      writeFileSync(path.join(pkg.project, 'consumer.mts'), `import ${names} from 'baas-sms-mcp';\n${body}\n`);
      writeFileSync(path.join(pkg.project, 'consumer.cts'), `import ${names} from 'baas-sms-mcp';\n${body}\n`);
      // A wrong call, to show the declarations are real types (an `any` would let it pass).
      writeFileSync(path.join(pkg.project, 'wrong.mts'), "import { prepareSend, DEFAULT_RULES } from 'baas-sms-mcp';\nprepareSend({ kind: 'fax', recipients: [], message: 'x', callback_number: '' }, { rules: DEFAULT_RULES, locale: 'ko' });\n");
      // One compiler run for the three files (a cold tsc is seconds); the package's own .d.ts files are checked too (no skipLibCheck).
      const run = spawnSync(process.execPath, [
        path.join(repo, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--pretty', 'false', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022',
        '--types', 'node', '--typeRoots', path.join(repo, 'node_modules/@types'), 'consumer.mts', 'consumer.cts', 'wrong.mts',
      ], { cwd: pkg.project, encoding: 'utf8' });
      status = run.status;
      diagnostics = `${run.stdout}${run.stderr}`.split('\n').filter((l) => /error TS/.test(l));
    });

    it('type-checks an ES module and a CommonJS file that use main, createServer, BaasClient and prepareSend', () => {
      assert.deepEqual(diagnostics.filter((l) => !l.startsWith('wrong.mts')), []);
    });

    it('the declarations are real: a wrong call does not type-check', () => {
      assert.notEqual(status, 0);
      assert.equal(diagnostics.length, 1, diagnostics.join('\n'));
      assert.match(diagnostics[0], /^wrong\.mts\(2,\d+\): error TS2322: Type '"fax"' is not assignable/);
    });
  });
});
