import assert from 'node:assert/strict';
import { silentLogger } from '../../../../src/core/logger';
import { FinalStateTracker } from '../../../../src/extension/history/finalStateTracker';
import { StatusPoller } from '../../../../src/extension/history/statusPoller';
import type { LedgerEntry } from '../../../../src/ledger/sendLedger';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function sent(groupId: number, status?: '전송중' | '성공' | '실패'): LedgerEntry {
  return {
    id: `s_${groupId}`, created_at: new Date().toISOString(), kind: 'sms', message_type: 'SMS', project_id: 'p', sandbox: true, origin: 'mcp',
    recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: 'hi', callback_number: '02-1234-5678', message_bytes: 2,
    estimated_cost_krw: 9.9, idempotency_key: 'k', outcome: 'sent', group_id: groupId,
    ...(status ? { status: { group_id: groupId, status, total_count: 1, success_count: status === '성공' ? 1 : 0, failed_count: status === '실패' ? 1 : 0, pending_count: status === '전송중' ? 1 : 0, messages: [] } } : {}),
  };
}

describe('StatusPoller (history polling with backoff)', () => {
  let poller: StatusPoller | undefined;
  afterEach(() => poller?.dispose());

  it('polls open groups with doubling pauses up to the cap, and stops when none is open', async () => {
    const polls: number[] = [];
    let open = [sent(1)];
    const t0 = Date.now();
    poller = new StatusPoller({
      openGroups: () => open,
      refresh: () => {
        polls.push(Date.now() - t0);
        if (polls.length === 5) open = [];
        return Promise.resolve();
      },
      capMs: () => 80,
      initialMs: 20,
      logger: silentLogger,
    });
    poller.poke();
    assert.equal(poller.active, true);
    for (let waited = 0; polls.length < 5 && waited < 3000; waited += 20) await sleep(20);
    await sleep(200);
    assert.equal(polls.length, 5, `polls at ${polls.join(', ')} ms`);
    const gaps = polls.map((at, i) => at - (polls[i - 1] ?? 0));
    // 20, 40, 80, 80, 80 ms: timers may run late, never early; without the cap the last two would be 160 and 320.
    [20, 40, 80, 80, 80].forEach((expected, i) => assert.ok(gaps[i] >= expected - 2, `gap ${i}: ${gaps[i]} ms`));
    assert.ok(gaps[3] < 160 && gaps[4] < 160, `capped gaps: ${gaps.join(', ')}`);
    assert.equal(poller.active, false, 'stopped once nothing was open');
  });

  it('does nothing when no group is open, and starts over from the shortest pause for a new group', async () => {
    let open: LedgerEntry[] = [];
    let polls = 0;
    poller = new StatusPoller({ openGroups: () => open, refresh: () => Promise.resolve(polls++), capMs: () => 10_000, initialMs: 20, logger: silentLogger });
    poller.poke();
    assert.equal(poller.active, false);
    open = [sent(1)];
    poller.poke();
    await sleep(100); // polls at 20 and 60 ms; the next pause is 80 ms
    assert.equal(polls, 2);
    assert.equal(poller.currentDelayMs, 80);
    open = [sent(1), sent(2)];
    poller.poke();
    assert.equal(poller.currentDelayMs, 20, 'a new group resets the backoff');
    await sleep(40);
    assert.equal(polls, 3);
  });

  it('keeps polling after a failed refresh', async () => {
    let polls = 0;
    poller = new StatusPoller({
      openGroups: () => [sent(1)],
      refresh: () => (polls++ === 0 ? Promise.reject(new Error('network down')) : Promise.resolve()),
      capMs: () => 20, initialMs: 10, logger: silentLogger,
    });
    poller.poke();
    await sleep(120);
    assert.ok(polls >= 3, `${polls} polls`);
  });
});

describe('FinalStateTracker (one notification per finished group)', () => {
  it('reports a group once, when it goes from open to final', () => {
    const tracker = new FinalStateTracker();
    assert.deepEqual(tracker.observe([sent(1), sent(2, '전송중')]), []);
    const finished = tracker.observe([sent(1, '성공'), sent(2, '전송중')]);
    assert.deepEqual(finished.map((e) => e.group_id), [1]);
    assert.deepEqual(tracker.observe([sent(1, '성공'), sent(2, '실패')]).map((e) => e.group_id), [2]);
    assert.deepEqual(tracker.observe([sent(1, '성공'), sent(2, '실패')]), []);
  });

  it('stays quiet about groups that were already final when first seen', () => {
    const tracker = new FinalStateTracker();
    assert.deepEqual(tracker.observe([sent(1, '성공')]), []);
    assert.deepEqual(tracker.observe([sent(1, '성공')]), []);
  });
});
