// A spend limit the user mistyped in the MCP client's config falls back to its default; the
// standalone server must say so on stderr rather than run silently with a limit nobody chose.
import assert from 'node:assert/strict';
import { sandboxDelayFromEnv, settingsFromEnv } from '../../../src/cli/envSettings';
import type { Logger } from '../../../src/core/logger';

describe('settingsFromEnv', () => {
  it('warns about a spend limit that is not a whole number', () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
    const settings = settingsFromEnv({ BAAS_MAX_RECIPIENTS_PER_DAY: '1,000' }, { sandbox: false }, logger);
    assert.equal(settings.guard.maxRecipientsPerDay, 1000);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /BAAS_MAX_RECIPIENTS_PER_DAY/);
  });
});

describe('sandboxDelayFromEnv', () => {
  // NaN reached the sandbox as its delivery delay, and no recipient ever left 전송중.
  it('ignores a value that is not a number, so sandbox groups still reach a final state', () => {
    assert.equal(sandboxDelayFromEnv({ BAAS_SANDBOX_DELAY_MS: '1s' }), undefined);
    assert.equal(sandboxDelayFromEnv({}), undefined);
    assert.equal(sandboxDelayFromEnv({ BAAS_SANDBOX_DELAY_MS: '20' }), 20);
    assert.equal(sandboxDelayFromEnv({ BAAS_SANDBOX_DELAY_MS: '0' }), 0);
  });
});
