import assert from 'node:assert/strict';
import TEXTS from '../../../src/campaign/planLabels.json';
import { PLAN_LABELS } from '../../../src/campaign/planLabels';

describe('campaign plan labels (planLabels.json)', () => {
  it('Korean and English have the same keys, and the sentences fill every {value}', () => {
    assert.deepEqual(Object.keys(TEXTS.ko).sort(), Object.keys(TEXTS.en).sort());
    for (const labels of Object.values(PLAN_LABELS)) {
      for (const text of [labels.waits('08:00'), labels.nightStop('21:00', '3', '08:00'), labels.more('7')]) assert.doesNotMatch(text, /\{\w+\}/, text);
    }
    assert.match(PLAN_LABELS.ko.nightStop('21:00', '3', '08:00'), /3개 배치 뒤 21:00에 멈추고 08:00에/);
  });
});
