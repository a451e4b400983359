import assert from 'node:assert/strict';
import * as os from 'node:os';
import { pollCapMs, sendingSettingsFrom, skipConfirmationForSandbox, type ConfigurationReader } from '../../../../src/extension/settings/sendingSettings';
import { DEFAULT_BASE_URL, DEFAULT_GUARD } from '../../../../src/core/settings';

const config = (values: Record<string, unknown>): ConfigurationReader => ({ get: <T>(key: string) => values[key] as T | undefined });

describe('sendingSettingsFrom (baasSms.* settings → the send service\'s settings)', () => {
  it('reads every setting', () => {
    const s = sendingSettingsFrom(config({
      sandbox: true, projectId: ' 123e4567-e89b-12d3-a456-426614174000 ', callbackNumber: '02-1234-5678', apiBaseUrl: 'http://127.0.0.1:9/',
      smsByteLimit: 80, 'prices.sms': 8, 'prices.lms': 25, 'prices.mms': 90,
      'guard.liveSendingEnabled': false, 'guard.maxRecipientsPerSend': 5, 'guard.maxSendsPerMinute': 2, 'guard.maxRecipientsPerDay': 50,
      'guard.allowList': ['010-1234-5678', '', 7], 'team.senderLabel': ' 지수 (010-1234-5678) ',
    }), 'ko');
    assert.deepEqual(s, {
      sandbox: true, projectId: '123e4567-e89b-12d3-a456-426614174000', defaultCallbackNumber: '02-1234-5678', baseUrl: 'http://127.0.0.1:9/',
      timeoutMs: s.timeoutMs, rules: { smsByteLimit: 80, prices: { SMS: 8, LMS: 25, MMS: 90 } },
      guard: { liveSendingEnabled: false, maxRecipientsPerSend: 5, maxSendsPerMinute: 2, maxRecipientsPerDay: 50, allowList: ['010-1234-5678'] },
      locale: 'ko', duplicateWindowSeconds: 60, senderLabel: '지수 (010-****-5678)',
    });
  });

  it('falls back to the defaults for missing, blank or mistyped values', () => {
    const s = sendingSettingsFrom(config({ projectId: '  ', apiBaseUrl: '', smsByteLimit: 'ninety', 'prices.sms': -1, 'guard.liveSendingEnabled': 'no' }), 'en-US');
    assert.equal(s.projectId, undefined);
    assert.equal(s.baseUrl, DEFAULT_BASE_URL);
    assert.equal(s.rules.smsByteLimit, 90);
    assert.equal(s.rules.prices.SMS, 9.9);
    assert.equal(s.guard.liveSendingEnabled, true, 'only an explicit false switches live sending off');
    assert.deepEqual(s.guard, DEFAULT_GUARD);
    assert.equal(s.sandbox, false);
    assert.equal(s.locale, 'en');
    assert.equal(s.senderLabel, os.userInfo().username, 'no sender label: the OS user name');
  });

  it('skips the sandbox confirmation only when asked, and polls at most every N seconds', () => {
    assert.equal(skipConfirmationForSandbox(config({})), false);
    assert.equal(skipConfirmationForSandbox(config({ 'confirm.skipForSandbox': true })), true);
    assert.equal(pollCapMs(config({})), 30_000);
    assert.equal(pollCapMs(config({ 'history.pollIntervalSeconds': 5 })), 5_000);
    assert.equal(pollCapMs(config({ 'history.pollIntervalSeconds': 0 })), 30_000);
  });
});
