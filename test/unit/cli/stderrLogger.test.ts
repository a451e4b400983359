// The standalone server's stderr logger cuts the API key out of every line, also when the MCP client's
// config wrapped BAAS_API_KEY in spaces or a newline (the server sends the trimmed key).
import assert from 'node:assert/strict';
import { createStderrLogger } from '../../../src/cli/stderrLogger';

describe('createStderrLogger', () => {
  it('redacts the key as sent (trimmed) when BAAS_API_KEY carries surrounding whitespace', () => {
    const lines: string[] = [];
    const logger = createStderrLogger({ BAAS_API_KEY: '  padded-secret-key-42\n' }, (l) => lines.push(l));
    logger.warn('server said: bad key padded-secret-key-42');
    assert.equal(lines.length, 1);
    assert.ok(!lines[0].includes('padded-secret-key-42'), lines[0]);
    assert.match(lines[0], /\[REDACTED\]/);
  });
});
