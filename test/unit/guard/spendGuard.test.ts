import assert from 'node:assert/strict';
import { BaasSmsError } from '../../../src/core/errors';
import type { Recipient } from '../../../src/core/types';
import { parseAllowList } from '../../../src/guard/allowList';
import { guardConfigFromEnv } from '../../../src/cli/envSettings';
import { SpendGuard } from '../../../src/guard/spendGuard';
import { DEFAULT_GUARD, type GuardConfig } from '../../../src/core/settings';

const people = (n: number, start = 0): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({ phone_number: `010-0000-${String(start + i).padStart(4, '0')}`, member_code: `m${i}` }));

function rejects(fn: () => void, code: string, params?: Record<string, unknown>, field?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof BaasSmsError);
    assert.equal(error.code, code);
    if (params) assert.deepEqual(error.params, params);
    if (field) assert.equal(error.field, field);
    assert.equal(error.outcome, 'not_sent');
    return true;
  });
}

class Clock {
  time = Date.parse('2025-05-02T03:00:00.000Z');
  now = (): Date => new Date(this.time);
}

describe('SpendGuard', () => {
  let config: GuardConfig;
  let clock: Clock;
  let guard: SpendGuard;
  beforeEach(() => {
    config = { ...DEFAULT_GUARD, allowList: [] };
    clock = new Clock();
    guard = new SpendGuard(() => config, { now: clock.now });
  });

  /** Checks, then records, like the send service. */
  const send = (recipients: Recipient[], sandbox = false): void => {
    guard.check({ recipients, sandbox });
    guard.record({ recipientCount: recipients.length, sandbox });
  };

  it('lets an ordinary send through', () => {
    assert.doesNotThrow(() => send(people(3)));
  });

  it('refuses every live send when live sending is off, and sees the setting change at once', () => {
    config.liveSendingEnabled = false;
    rejects(() => guard.check({ recipients: people(1), sandbox: false }), 'LIVE_SENDING_DISABLED');
    config = { ...config, liveSendingEnabled: true };
    assert.doesNotThrow(() => guard.check({ recipients: people(1), sandbox: false }));
  });

  it('caps recipients per send', () => {
    config.maxRecipientsPerSend = 5;
    assert.doesNotThrow(() => guard.check({ recipients: people(5), sandbox: false }));
    rejects(() => guard.check({ recipients: people(6), sandbox: false }), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxRecipientsPerSend', actual: 6, max: 5 }, 'recipients');
  });

  it('caps sends per minute over a rolling 60 seconds', () => {
    config.maxSendsPerMinute = 3;
    send(people(1));
    clock.time += 20_000;
    send(people(1));
    send(people(1));
    rejects(() => send(people(1)), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxSendsPerMinute', actual: 4, max: 3 });
    clock.time += 40_000; // the first send is now exactly 60 s old: it no longer counts
    assert.doesNotThrow(() => send(people(1)));
    rejects(() => send(people(1)), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxSendsPerMinute', actual: 4, max: 3 });
  });

  it('caps recipients per day over a rolling 24 hours', () => {
    config.maxRecipientsPerDay = 10;
    send(people(4));
    clock.time += 6 * 3600_000;
    send(people(4));
    rejects(() => send(people(3)), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxRecipientsPerDay', actual: 11, max: 10 });
    assert.doesNotThrow(() => send(people(2)));
    rejects(() => send(people(1)), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxRecipientsPerDay', actual: 11, max: 10 });
    clock.time += 18 * 3600_000 - 1;
    rejects(() => send(people(1)), 'SPEND_LIMIT_EXCEEDED');
    clock.time += 1;
    assert.doesNotThrow(() => send(people(4)));
  });

  it('counts only what was recorded: a refused or merely checked send costs nothing', () => {
    config.maxSendsPerMinute = 1;
    for (let i = 0; i < 5; i++) guard.check({ recipients: people(1), sandbox: false });
    send(people(1));
    rejects(() => guard.check({ recipients: people(1), sandbox: false }), 'SPEND_LIMIT_EXCEEDED');
  });

  it('with an allow-list, refuses anyone not on it and names them masked', () => {
    config.allowList = ['01000000001', '+82 10-0000-0002'];
    assert.doesNotThrow(() => guard.check({ recipients: people(2, 1), sandbox: false }));
    rejects(() => guard.check({ recipients: people(3, 1), sandbox: false }), 'RECIPIENT_NOT_ALLOWED', { input: '010-****-0003' }, 'recipients[2].phone_number');
  });

  it('keeps a mistyped allow-list restrictive', () => {
    config.allowList = ['not a number'];
    rejects(() => guard.check({ recipients: people(1), sandbox: false }), 'RECIPIENT_NOT_ALLOWED');
  });

  describe('in the sandbox (free, reaches no phone)', () => {
    it('ignores the live switch, the allow-list and the budgets, and does not count', () => {
      config = { ...config, liveSendingEnabled: false, allowList: ['010-9999-9999'], maxSendsPerMinute: 1, maxRecipientsPerDay: 1 };
      for (let i = 0; i < 5; i++) assert.doesNotThrow(() => send(people(3), true));
      config.liveSendingEnabled = true;
      config.allowList = [];
      assert.doesNotThrow(() => send(people(1)), 'sandbox sends did not use up the live budget');
    });

    it('still caps recipients per send, so it fails the way a live send would', () => {
      config.maxRecipientsPerSend = 2;
      rejects(() => guard.check({ recipients: people(3), sandbox: true }), 'SPEND_LIMIT_EXCEEDED', { limit: 'maxRecipientsPerSend', actual: 3, max: 2 });
    });
  });
});

describe('guardConfigFromEnv', () => {
  it('gives the defaults for an empty environment', () => {
    assert.deepEqual(guardConfigFromEnv({}), DEFAULT_GUARD);
  });

  it('reads the switch, the limits and the allow-list', () => {
    assert.deepEqual(guardConfigFromEnv({
      BAAS_LIVE_SENDING: 'false',
      BAAS_MAX_RECIPIENTS_PER_SEND: '5',
      BAAS_MAX_SENDS_PER_MINUTE: ' 2 ',
      BAAS_MAX_RECIPIENTS_PER_DAY: '0',
      BAAS_ALLOWED_RECIPIENTS: '01012345678, +82 10-9876-5432,,',
    }), { liveSendingEnabled: false, maxRecipientsPerSend: 5, maxSendsPerMinute: 2, maxRecipientsPerDay: 0, allowList: ['010-1234-5678', '010-9876-5432'] });
  });

  it('turns live sending off only for an explicit no', () => {
    for (const off of ['0', 'false', 'FALSE', 'no', 'off']) assert.equal(guardConfigFromEnv({ BAAS_LIVE_SENDING: off }).liveSendingEnabled, false, off);
    for (const on of ['1', 'true', 'yes', '']) assert.equal(guardConfigFromEnv({ BAAS_LIVE_SENDING: on }).liveSendingEnabled, true, on);
  });

  it('keeps the default for a limit it cannot read, and says so', () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const config = guardConfigFromEnv({ BAAS_MAX_SENDS_PER_MINUTE: 'ten', BAAS_MAX_RECIPIENTS_PER_DAY: '-5', BAAS_MAX_RECIPIENTS_PER_SEND: '1.5' }, logger);
    assert.equal(config.maxSendsPerMinute, DEFAULT_GUARD.maxSendsPerMinute);
    assert.equal(config.maxRecipientsPerDay, DEFAULT_GUARD.maxRecipientsPerDay);
    assert.equal(config.maxRecipientsPerSend, DEFAULT_GUARD.maxRecipientsPerSend);
    assert.equal(warnings.length, 3);
    assert.match(warnings[0], /BAAS_MAX_RECIPIENTS_PER_SEND="1.5"/);
  });
});

describe('parseAllowList', () => {
  it('normalises numbers and keeps what is not one as typed', () => {
    assert.deepEqual(parseAllowList('010 1234 5678;\n+821098765432, oops '), ['010-1234-5678', '010-9876-5432', 'oops']);
  });
});
