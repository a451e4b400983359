// The sender label (baasSms.team.senderLabel) as stored with each send: src/core/senderLabel.ts.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import { MAX_SENDER_LABEL, senderLabel } from '../../../../src/core/senderLabel';

describe('senderLabel (who sent it, in the team\'s history)', () => {
  it('keeps a chosen label as one trimmed line', () => {
    assert.equal(senderLabel('  Jisu Kim\n(backend)\t '), 'Jisu Kim (backend)');
  });

  it('masks phone numbers: a label is shown to the whole team', () => {
    assert.equal(senderLabel('민호 010-9876-5432'), '민호 010-****-5432');
    assert.equal(senderLabel('01098765432'), '010-****-5432');
  });

  it('cuts long labels to the limit', () => {
    assert.equal(senderLabel('가'.repeat(200))?.length, MAX_SENDER_LABEL);
  });

  it('defaults to the OS user name for an empty or mistyped setting, and is absent when there is none', () => {
    assert.equal(senderLabel(''), os.userInfo().username);
    assert.equal(senderLabel(42), os.userInfo().username);
    assert.equal(senderLabel(' ', () => 'ci-runner'), 'ci-runner');
    assert.equal(senderLabel(undefined, () => undefined), undefined);
  });
});
