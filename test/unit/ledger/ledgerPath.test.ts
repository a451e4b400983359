import assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultLedgerPath } from '../../../src/ledger/ledgerPath';

describe('defaultLedgerPath', () => {
  it('uses BAAS_LEDGER_FILE when set, made absolute', () => {
    assert.equal(defaultLedgerPath({ BAAS_LEDGER_FILE: '/tmp/x/ledger.jsonl' }), '/tmp/x/ledger.jsonl');
    assert.equal(defaultLedgerPath({ BAAS_LEDGER_FILE: 'rel/ledger.jsonl' }), path.resolve('rel/ledger.jsonl'));
  });

  it('ignores an empty override', () => {
    assert.equal(defaultLedgerPath({ BAAS_LEDGER_FILE: ' ' }, 'linux', '/home/kim'), '/home/kim/.local/share/baas-sms/send-ledger.jsonl');
  });

  it('follows XDG on Linux, ignoring a relative XDG_DATA_HOME', () => {
    assert.equal(defaultLedgerPath({ XDG_DATA_HOME: '/data' }, 'linux', '/home/kim'), '/data/baas-sms/send-ledger.jsonl');
    assert.equal(defaultLedgerPath({ XDG_DATA_HOME: 'data' }, 'linux', '/home/kim'), '/home/kim/.local/share/baas-sms/send-ledger.jsonl');
  });

  it('uses Application Support on macOS and LOCALAPPDATA on Windows', () => {
    assert.equal(defaultLedgerPath({}, 'darwin', '/Users/kim'), '/Users/kim/Library/Application Support/baas-sms/send-ledger.jsonl');
    assert.equal(defaultLedgerPath({ LOCALAPPDATA: 'C:\\Users\\kim\\AppData\\Local' }, 'win32', 'C:\\Users\\kim'), 'C:\\Users\\kim\\AppData\\Local\\baas-sms\\Data\\send-ledger.jsonl');
    assert.equal(defaultLedgerPath({}, 'win32', 'C:\\Users\\kim'), 'C:\\Users\\kim\\AppData\\Local\\baas-sms\\Data\\send-ledger.jsonl');
  });

  it('lands where env-paths would put it', async () => {
    const { default: envPaths } = await import('env-paths');
    assert.equal(defaultLedgerPath(process.env), path.join(envPaths('baas-sms', { suffix: '' }).data, 'send-ledger.jsonl'));
  });
});
