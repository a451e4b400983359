// A mistyped flag must not start the server in a mode nobody asked for: `--sandbx` with a key in the
// environment would otherwise serve live, paid sends. Runs src/cli/bin.ts in a real child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('baas-sms-mcp command line', function () {
  this.timeout(30_000);
  it('refuses an unknown flag on stderr, with nothing on stdout, and does not serve', () => {
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.resolve('src/cli/bin.ts'), '--sandbx'], {
      input: '',
      encoding: 'utf8',
      env: { ...process.env, BAAS_API_KEY: 'unknown-flag-test-key', BAAS_LEDGER_FILE: path.join(process.cwd(), 'nonexistent-dir-unknown-flag', 'l.jsonl') },
    });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--sandbx/);
    assert.doesNotMatch(run.stderr, /ready/);
  });
});
