// The PostgreSQL driver stays out of activation unless a team ledger is set: dist/extension.js (built
// here with esbuild.mjs's options, with the bundles it loads on first use) is activated against the
// bench's `vscode` stand-in, and every `require` those bundles make is recorded. The engine and `pg` are
// dist/pgEngine.js, so its loading shows as that file and as the built-in `pg` requires when loaded
// (`dns`), which nothing else requires; the second case proves the probe sees both.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { SECRET_TEAM_LEDGER } from '../../src/extension/constants';
import { createVscodeStandIn } from './vscodeStandIn';

const PG_REQUIRES = ['./pgEngine.js', 'dns'];

describe('activation and the team ledger (dist/extension.js, vscode stand-in)', function () {
  this.timeout(60_000);
  let out: string;
  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'baas-teamui-build-'));
    const { bundleOptions } = await import('../../esbuild.mjs');
    const options = bundleOptions({ outdir: out });
    await Promise.all([options.extension, options.pgEngine, options.templates].map((o) => esbuild.build({ ...o, logLevel: 'error' })));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  /** Activates a fresh copy of the bundle (its own module state) and returns what it required within 300 ms. */
  async function requiredAtActivation(name: string, teamLedger?: string): Promise<string[]> {
    const bundle = path.join(out, `${name}.js`);
    copyFileSync(path.join(out, 'extension.js'), bundle);
    const storage = mkdtempSync(path.join(tmpdir(), 'baas-teamui-ext-'));
    const standIn = createVscodeStandIn({ globalStorageDir: storage, extensionDir: path.resolve(__dirname, '../..'), settings: { sandbox: true } });
    const uninstall = standIn.install();
    const required: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its `this` below
    const original = Module.prototype.require;
    Module.prototype.require = function (this: NodeJS.Module, id: string): unknown {
      if (path.dirname(this.filename) === out) required.push(id);
      return original.call(this, id) as unknown;
    } as typeof original;
    try {
      if (teamLedger) await (standIn.context.secrets as { store(k: string, v: string): Promise<void> }).store(SECRET_TEAM_LEDGER, teamLedger);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, loaded the way the extension host does
      (require(bundle) as { activate(context: unknown): unknown }).activate(standIn.context);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const subscription of standIn.context.subscriptions) await subscription.dispose();
      return required;
    } finally {
      Module.prototype.require = original;
      uninstall();
      rmSync(storage, { recursive: true, force: true });
    }
  }

  it('without a team ledger, activation loads no PostgreSQL driver', async () => {
    const required = await requiredAtActivation('no-team');
    assert.ok(required.includes('vscode'), 'the probe sees the bundle\'s requires');
    for (const id of PG_REQUIRES) assert.ok(!required.includes(id), `${id} was required: pg loaded at activation`);
  });

  it('with a team ledger stored, the driver is loaded (and nothing else is needed to see it)', async () => {
    // Port 1: nothing listens; activation must not connect anyway, only build the engine.
    const required = await requiredAtActivation('team', 'postgres://u:secret-pw@127.0.0.1:1/team');
    for (const id of PG_REQUIRES) assert.ok(required.includes(id), `${id} not required: the probe would miss pg`);
  });
});
