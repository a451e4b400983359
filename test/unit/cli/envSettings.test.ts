// A spend limit the user mistyped in the MCP client's config falls back to its default; the
// standalone server must say so on stderr rather than run silently with a limit nobody chose.
import assert from 'node:assert/strict';
import { standaloneSettings } from '../../../src/cli/envSettings';
import { DEFAULT_SANDBOX_DELIVERY_DELAY_MS } from '../../../src/core/settings';
import type { Logger } from '../../../src/core/logger';

describe('standaloneSettings', () => {
  it('warns about a spend limit that is not a whole number', () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
    const settings = standaloneSettings({ BAAS_MAX_RECIPIENTS_PER_DAY: '1,000' }, { sandbox: false }, logger).sending;
    assert.equal(settings.guard.maxRecipientsPerDay, 1000);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /BAAS_MAX_RECIPIENTS_PER_DAY/);
  });
});

describe('standaloneSettings: BAAS_SANDBOX_DELAY_MS', () => {
  // NaN reached the sandbox as its delivery delay, and no recipient ever left 전송중.
  it('ignores a value that is not a number, so sandbox groups still reach a final state', () => {
    const delay = (value?: string) => standaloneSettings(value === undefined ? {} : { BAAS_SANDBOX_DELAY_MS: value }, { sandbox: true }).sandboxDelayMs;
    assert.equal(delay('1s'), DEFAULT_SANDBOX_DELIVERY_DELAY_MS);
    assert.equal(delay(), DEFAULT_SANDBOX_DELIVERY_DELAY_MS);
    assert.equal(delay('20'), 20);
    assert.equal(delay('0'), 0);
  });
});
