// esbuild.mjs replaces some files of our dependencies by path (STUBBED_FILES). If an upgrade moves
// one, the stub stops applying without an error and the bundle silently grows (or, for Ajv, the SDK
// starts compiling it at every start): each filter must still match a file the bundles load.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

describe('esbuild.mjs stubs still match their dependencies\' files', function () {
  this.timeout(60_000);

  it('every STUBBED_FILES filter matches a module the server and extension bundles load', async () => {
    const { bundleOptions, STUBBED_FILES } = await import('../../../esbuild.mjs');
    const { server, mcpHost } = bundleOptions();
    const inputs = new Set<string>();
    for (const options of [server, mcpHost]) {
      const { metafile } = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'error' });
      for (const input of Object.keys(metafile.inputs)) inputs.add(input);
    }
    for (const [name, filter] of Object.entries(STUBBED_FILES as Record<string, RegExp>)) {
      assert.ok([...inputs].some((input) => filter.test(input)), `${name} (${String(filter)}) matches no file the bundles load: the dependency moved it`);
    }
  });
});
