// The endpoint matrix: the in-process MCP host (token required) answers each forged or malformed
// request as issue 4 item 5 says, listens on 127.0.0.1 only, and a DELETE really ends a session.
import assert from 'node:assert/strict';
import { runEndpointMatrix } from '../../support/security/endpointMatrix';

describe('security: HTTP endpoint matrix of startMcpHttpHost', function () {
  this.timeout(30_000);

  it('answers every request variant with the status it must, listens on 127.0.0.1 only, ends a session on DELETE', async () => {
    const figure = await runEndpointMatrix();
    assert.ok(figure.rows.length >= 10);
    const wrong = figure.rows.filter((r) => !r.ok);
    assert.deepEqual(wrong, [], wrong.map((r) => `${r.variant}: expected ${r.expected}, got ${r.actual}`).join('\n'));
    assert.equal(figure.listening.address, '127.0.0.1');
    for (const attempt of figure.listening.nonLoopbackAttempts) assert.notEqual(attempt.result, 'connected', `reachable on ${attempt.address}`);
    if (figure.listening.ssLine !== undefined) assert.match(figure.listening.ssLine, /\s127\.0\.0\.1:\d+\s/);
    assert.ok(figure.sessionEndedByDelete, 'DELETE ended the session');
  });
});
