// The stdout purity figure at test size (3 sessions of the built server; `npm run reliability` runs
// 25). Each session mixes valid requests with malformed, truncated, >1 MB and binary input; this
// extends test/unit/cli/stdio.test.ts, which checks one session of malformed input.
import assert from 'node:assert/strict';
import { buildServer, nonJsonRpcLines } from '../../support/reliability/builtServer';
import { runStdoutFigure } from '../../support/reliability/stdoutFigure';

describe('reliability: stdout purity of the built stdio server', function () {
  this.timeout(90_000);
  before(() => buildServer());

  it('writes nothing but JSON-RPC lines over 3 sessions of hostile input, and still answers every valid request', async () => {
    const figure = await runStdoutFigure({ sessions: 3 });
    assert.equal(figure.sessions, 3);
    assert.equal(figure.nonJsonRpcLines, 0, figure.examples.join('\n'));
    assert.equal(figure.unanswered, 0, figure.examples.join('\n'));
    assert.equal(figure.badExits, 0);
    assert.ok(figure.bytesIn > 3 * 2_000_000, 'each session carried over 2 MB of input');
    assert.ok(figure.linesOut >= 3 * 6, 'every session answered its six valid requests');
  });

  it('control: the judge flags log text, half lines and non-JSON-RPC JSON on stdout', () => {
    const out = Buffer.from('{"jsonrpc":"2.0","id":1,"result":{}}\nready\n{"id":2,"result":{}}\n[]\n{"jsonrpc":"2.0","id":3,"result":{},"error":{}}\n{"jsonrpc":"2.0","method":"x"}\n{"jsonrpc":"2.0","id":4,');
    assert.deepEqual(nonJsonRpcLines(out), ['{"jsonrpc":"2.0","id":4,', 'ready', '{"id":2,"result":{}}', '[]', '{"jsonrpc":"2.0","id":3,"result":{},"error":{}}']);
  });
});
