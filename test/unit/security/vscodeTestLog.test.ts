// The VS Code test run's log lines (test/vscode/logMask.mjs, used by test/vscode/launcher.mjs and
// scripts/run-vscode-tests.mjs) never show the throwaway test database's password, in any of the forms
// the suite's page URL carries it (JSON inside JSON inside a URI-encoded query), nor an API key.
import assert from 'node:assert/strict';

interface LogMask {
  secretsOf(env: Record<string, string>): string[];
  masked(text: string, secrets?: string[]): string;
}
interface Launcher { suitePageUrl(o: { server: string; ext: string; tests: string; folder: string; env?: Record<string, string> }): string }

/** Every way a reader could recover text from a line: as printed, URI-decoded once or twice, JSON-unescaped. */
function readings(line: string): string[] {
  const once = decodeURIComponent(line);
  const twice = decodeURIComponent(once);
  return [line, once, twice, twice.replace(/\\+"/g, '"')];
}

describe('VS Code test log: secrets masked', () => {
  let mask: LogMask;
  let launcher: Launcher;
  before(async () => {
    mask = await import('../../../test/vscode/logMask.mjs');
    launcher = await import('../../../test/vscode/launcher.mjs');
  });

  const password = 'Pw-canary/with+odd&chars="x"';
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:5432/t1_vscode_team`;
  const env = { BAAS_LANG: 'en', BAAS_TEST_TEAM_LEDGER_URL: url, BAAS_API_KEY: 'api-key-canary-0123456789' };

  it('the "opening" line of the suite page: its URL holds the password, the line does not', () => {
    const page = launcher.suitePageUrl({ server: 'http://127.0.0.1:8080', ext: '/ext', tests: '/ext/out/index.js', folder: '/ws', env });
    // The check can fail: unmasked, the page URL does give the password away.
    assert.ok(readings(page).some((r) => r.includes(password)), 'the unmasked URL carries the password');
    const line = mask.masked(`[suite 0.1s] opening ${page}`, mask.secretsOf(env));
    for (const reading of readings(line)) {
      for (const secret of [password, encodeURIComponent(password), 'api-key-canary-0123456789']) assert.ok(!reading.includes(secret), `${secret} in ${reading}`);
    }
    assert.match(line, /\*\*\*/);
    assert.ok(decodeURIComponent(line).includes('127.0.0.1:5432/t1_vscode_team'), 'the rest of the URL stays readable');
  });

  it('an error quoting the connection string, and a line with nothing secret, unchanged but for the secret', () => {
    const secrets = mask.secretsOf(env);
    assert.equal(mask.masked(`connect ECONNREFUSED ${url}`, secrets), 'connect ECONNREFUSED postgres://postgres:***@127.0.0.1:5432/t1_vscode_team');
    assert.equal(mask.masked('  12 passing (3s)', secrets), '  12 passing (3s)');
  });
});
