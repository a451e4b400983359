// The fuzzing figure at test size (5,000 inputs over the seven tools); `npm run reliability` runs
// 100,000. A failure message carries the seed: FUZZ_SEED=<seed> npx mocha … replays the run.
import assert from 'node:assert/strict';
import { runFuzzFigure } from '../../support/reliability/fuzzFigure';

describe('reliability: fuzzing every tool through a real MCP client', function () {
  this.timeout(120_000);

  it('answers 5,000 generated inputs without a crash, a protocol error or an uncoded rejection', async () => {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const figure = await runFuzzFigure({ inputs: 5000, seed });
    const context = `seed ${figure.seed}:\n${figure.examples.join('\n')}`;
    assert.equal(figure.totals.inputs, 5000);
    assert.equal(figure.totals.crashes, 0, context);
    assert.equal(figure.totals.protocolErrors, 0, context);
    assert.equal(figure.totals.uncodedRejections, 0, context);
    for (const tool of figure.tools) {
      // Generators that only ever produced rejections would prove nothing about the accept path.
      assert.ok(tool.accepted / tool.inputs >= 0.3, `${tool.tool}: ${tool.accepted} of ${tool.inputs} accepted (seed ${figure.seed})`);
      assert.ok(tool.rejected > 0, `${tool.tool} met some invalid input`);
    }
  });
});
