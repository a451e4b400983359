import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES } from '../../../src/core/errorCodes';
import { COMMANDS, VIEWS } from '../../../src/extension/constants';
import { nextStepsFor } from '../../../src/extension/nextSteps';
import { untranslated as t } from '../../../src/extension/translate';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

describe('nextStepsFor (the button shown with an error)', () => {
  it('offers Set API Key or the sandbox for a missing key, Set Project ID for a project problem', () => {
    assert.deepEqual(nextStepsFor('MISSING_API_KEY', t).map((s) => [s.label, s.command, s.args]), [
      ['Set API Key', COMMANDS.setApiKey, undefined],
      ['Use Sandbox', COMMANDS.toggleSandbox, [true]],
    ]);
    assert.equal(nextStepsFor('MISSING_PROJECT_ID', t)[0].command, COMMANDS.setProjectId);
    assert.deepEqual(nextStepsFor('MISSING_CALLBACK_NUMBER', t)[0].args, ['baasSms.callbackNumber']);
  });

  it('sends an unknown outcome to the history first: the message may have gone out', () => {
    assert.equal(nextStepsFor('OUTCOME_UNKNOWN', t)[0].command, `${VIEWS.history}.focus`);
  });

  it('offers nothing after the user said no', () => {
    assert.deepEqual(nextStepsFor('CONFIRMATION_DECLINED', t), []);
  });

  it('points every code at a contributed command, a view or a built-in one', () => {
    for (const code of ERROR_CODES) {
      for (const step of nextStepsFor(code, t)) {
        assert.ok(contributed.has(step.command) || step.command === `${VIEWS.history}.focus` || step.command.startsWith('workbench.'), `${code}: ${step.command}`);
      }
    }
  });
});
