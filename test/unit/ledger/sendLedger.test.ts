import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GroupStatus } from '../../../src/core/types';
import { newSendId, SendLedger, type LedgerEntry } from '../../../src/ledger/sendLedger';
import { ManualClock, mmsInit, recordingLogger, removeDir, sendInit, tempDir } from './ledgerFixtures';

const STATUS: GroupStatus = {
  group_id: 501, status: '성공', total_count: 1, success_count: 1, failed_count: 0, pending_count: 0,
  messages: [{ phone: '010-1234-5678', name: null, status: '성공', reason: null }],
};

function lines(file: string): Array<Record<string, unknown>> {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('SendLedger', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'nested', 'folder', 'send-ledger.jsonl');
  });
  afterEach(() => removeDir(dir));

  it('constructing reads and creates nothing', () => {
    new SendLedger(file).list();
    assert.equal(fs.existsSync(path.dirname(file)), false);
  });

  it('writes the pending line before returning, creating the folder and a 0600 file', () => {
    const ledger = new SendLedger(file);
    const entry = ledger.recordPending(sendInit());
    assert.match(entry.id, /^s_[a-z2-7]{10}$/);
    assert.equal(entry.outcome, 'pending');
    const [line] = lines(file);
    assert.deepEqual({ v: line.v, t: line.t, id: line.id, message: line.message }, { v: 1, t: 'pending', id: entry.id, message: '인증번호 123456' });
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('round-trips an entry through the file into a fresh instance', () => {
    const clock = new ManualClock();
    const ledger = new SendLedger(file, { now: clock.now });
    const pending = ledger.recordPending(mmsInit());
    clock.advance(200);
    const sent = ledger.recordOutcome(pending.id, { outcome: 'sent', group_id: 501 });
    clock.advance(5000);
    const checked = ledger.recordStatus(pending.id, STATUS);

    const expected: LedgerEntry = {
      ...mmsInit(), id: pending.id, created_at: '2025-05-02T03:00:00.000Z', outcome: 'sent', group_id: 501,
      completed_at: '2025-05-02T03:00:00.200Z', status: STATUS, status_checked_at: '2025-05-02T03:00:05.200Z',
    };
    assert.deepEqual(checked, expected);
    const expectedSent: LedgerEntry = { ...expected };
    delete expectedSent.status;
    delete expectedSent.status_checked_at;
    assert.deepEqual(sent, expectedSent);
    const fresh = new SendLedger(file, { now: clock.now });
    assert.deepEqual(fresh.get(pending.id), expected);
    assert.deepEqual(fresh.findByGroupId(501), expected);
    assert.equal(fresh.findByGroupId(50), undefined);
    assert.equal(fresh.get('s_nothere000'), undefined);
    assert.deepEqual(lines(file).map((l) => l.t), ['pending', 'outcome', 'status']);
  });

  it('records failed and unknown outcomes with their error', () => {
    const ledger = new SendLedger(file);
    const a = ledger.recordPending(sendInit());
    const b = ledger.recordPending(sendInit());
    ledger.recordOutcome(a.id, { outcome: 'failed', error: { code: 'AUTHENTICATION_FAILED', message: 'bad key' } });
    ledger.recordOutcome(b.id, { outcome: 'unknown', error: { code: 'TIMEOUT', message: 'no answer' } });
    const fresh = new SendLedger(file);
    assert.equal(fresh.get(a.id)?.outcome, 'failed');
    assert.deepEqual(fresh.get(a.id)?.error, { code: 'AUTHENTICATION_FAILED', message: 'bad key' });
    assert.equal(fresh.get(a.id)?.group_id, undefined);
    assert.equal(fresh.get(b.id)?.outcome, 'unknown');
    assert.equal(fresh.get(b.id)?.error?.code, 'TIMEOUT');
  });

  it('the latest status wins', () => {
    const ledger = new SendLedger(file);
    const e = ledger.recordPending(sendInit());
    ledger.recordOutcome(e.id, { outcome: 'sent', group_id: 501 });
    ledger.recordStatus(e.id, { ...STATUS, status: '전송중', success_count: 0, pending_count: 1 });
    ledger.recordStatus(e.id, STATUS);
    assert.equal(new SendLedger(file).get(e.id)?.status?.status, '성공');
    assert.equal(new SendLedger(file).list().entries[0].status?.status, '성공');
  });

  describe('after a crash between request and answer', () => {
    it('reports an old pending send as unknown, and recovery writes that down once', () => {
      const clock = new ManualClock();
      const crashed = new SendLedger(file, { now: clock.now });
      const lost = crashed.recordPending(sendInit());
      const done = crashed.recordPending(sendInit());
      crashed.recordOutcome(done.id, { outcome: 'sent', group_id: 7 });

      clock.advance(6 * 60_000);
      const restarted = new SendLedger(file, { now: clock.now });
      // Even before recovery, nobody is told it is still pending.
      assert.equal(restarted.get(lost.id)?.outcome, 'unknown');
      assert.equal(restarted.list().entries.find((e) => e.id === lost.id)?.outcome, 'unknown');

      const recovered = restarted.recoverInterrupted();
      assert.deepEqual(recovered.map((e) => e.id), [lost.id]);
      assert.equal(recovered[0].outcome, 'unknown');
      assert.equal(recovered[0].error?.code, 'OUTCOME_UNKNOWN');
      assert.match(recovered[0].error?.message ?? '', /process stopped before the answer arrived/);
      assert.deepEqual(lines(file).filter((l) => l.id === lost.id).map((l) => [l.t, l.outcome]), [['pending', undefined], ['outcome', 'unknown']]);

      assert.deepEqual(new SendLedger(file, { now: clock.now }).recoverInterrupted(), []);
      assert.equal(new SendLedger(file, { now: clock.now }).get(done.id)?.outcome, 'sent');
    });

    it('leaves a young pending send alone: another process may be sending it right now', () => {
      const clock = new ManualClock();
      const other = new SendLedger(file, { now: clock.now });
      const inFlight = other.recordPending(sendInit());
      clock.advance(60_000);
      const starting = new SendLedger(file, { now: clock.now });
      assert.deepEqual(starting.recoverInterrupted(), []);
      assert.equal(starting.get(inFlight.id)?.outcome, 'pending');
      // Its own process answers later; that outcome stands.
      other.recordOutcome(inFlight.id, { outcome: 'sent', group_id: 9 });
      clock.advance(60 * 60_000);
      assert.equal(starting.get(inFlight.id)?.outcome, 'sent');
      assert.deepEqual(starting.recoverInterrupted(), []);
    });

    it('recovers only within the window at the end of the file, yet never reports an older one as pending', () => {
      const clock = new ManualClock();
      const ledger = new SendLedger(file, { now: clock.now });
      const deep = ledger.recordPending(sendInit());
      for (let i = 0; i < 20; i++) ledger.recordOutcome(ledger.recordPending(sendInit()).id, { outcome: 'sent', group_id: i });
      const recent = ledger.recordPending(sendInit());
      clock.advance(10 * 60_000);
      const restarted = new SendLedger(file, { now: clock.now, recoveryWindowBytes: 2000 });
      assert.deepEqual(restarted.recoverInterrupted().map((e) => e.id), [recent.id]);
      assert.equal(restarted.get(deep.id)?.outcome, 'unknown');
      assert.deepEqual(new SendLedger(file, { now: clock.now }).recoverInterrupted().map((e) => e.id), [deep.id]);
    });

    it('honours a custom stale age', () => {
      const clock = new ManualClock();
      const ledger = new SendLedger(file, { now: clock.now, staleAfterMs: 1000 });
      const e = ledger.recordPending(sendInit());
      clock.advance(1001);
      assert.deepEqual(ledger.recoverInterrupted().map((x) => x.id), [e.id]);
    });
  });

  describe('damaged lines', () => {
    it('skips a corrupt line with a warning and keeps reading', () => {
      const logger = recordingLogger();
      const ledger = new SendLedger(file, { logger });
      const a = ledger.recordPending(sendInit({ message: 'first' }));
      fs.appendFileSync(file, '{"v":1,"t":"pending","id":"s_broken\n');
      fs.appendFileSync(file, 'not json at all\n\n');
      const b = ledger.recordPending(sendInit({ message: 'second' }));
      const page = ledger.list();
      assert.deepEqual(page.entries.map((e) => e.id), [b.id, a.id]);
      assert.equal(logger.warnings.length, 2);
      assert.match(logger.warnings[0], /skipped an unreadable line/);
      ledger.list();
      assert.equal(logger.warnings.length, 2, 'each bad line is reported once');
    });

    it('survives a line cut short at the end of the file, and the next write does not run into it', () => {
      const logger = recordingLogger();
      const writer = new SendLedger(file);
      const a = writer.recordPending(sendInit());
      fs.appendFileSync(file, '{"v":1,"t":"outcome","id":"' + a.id + '","outc');
      const reader = new SendLedger(file, { logger });
      assert.deepEqual(reader.list().entries.map((e) => e.id), [a.id]);
      assert.equal(reader.get(a.id)?.outcome, 'pending');
      const b = reader.recordPending(sendInit());
      reader.recordOutcome(b.id, { outcome: 'sent', group_id: 3 });
      const fresh = new SendLedger(file, { logger });
      assert.deepEqual(fresh.list().entries.map((e) => [e.id, e.outcome]), [[b.id, 'sent'], [a.id, 'pending']]);
      assert.ok(logger.warnings.some((w) => /unreadable line/.test(w)));
    });

    it('ignores records of another version and foreign shapes', () => {
      const ledger = new SendLedger(file, { logger: recordingLogger() });
      const a = ledger.recordPending(sendInit());
      fs.appendFileSync(file, `${JSON.stringify({ v: 2, t: 'outcome', id: a.id, outcome: 'sent', group_id: 1, completed_at: 'x' })}\n`);
      fs.appendFileSync(file, `${JSON.stringify({ v: 1, t: 'pending', id: 's_x', recipients: 'nope' })}\n[1,2]\nnull\n`);
      assert.deepEqual(ledger.list().entries.map((e) => [e.id, e.outcome]), [[a.id, 'pending']]);
    });
  });

  describe('list', () => {
    function fill(ledger: SendLedger, clock: ManualClock): LedgerEntry[] {
      const made: LedgerEntry[] = [];
      for (let i = 0; i < 25; i++) {
        const init = i % 3 === 2 ? mmsInit({ message: `m${i}` }) : sendInit({ message: `m${i}`, message_type: i % 2 ? 'LMS' : 'SMS' });
        const e = ledger.recordPending({ ...init, project_id: i % 5 === 0 ? 'project-b' : 'project-a' });
        made.push(ledger.recordOutcome(e.id, { outcome: 'sent', group_id: 100 + i }));
        clock.advance(1000);
      }
      return made.reverse();
    }

    it('pages newest first with offset, limit and has_more', () => {
      const clock = new ManualClock();
      const ledger = new SendLedger(file, { now: clock.now });
      const all = fill(ledger, clock);
      const reader = new SendLedger(file, { now: clock.now });
      assert.deepEqual(reader.list(), { entries: all.slice(0, 20), has_more: true });
      assert.deepEqual(reader.list({ offset: 20 }), { entries: all.slice(20), has_more: false });
      assert.deepEqual(reader.list({ offset: 5, limit: 5 }), { entries: all.slice(5, 10), has_more: true });
      assert.deepEqual(reader.list({ offset: 20, limit: 5 }), { entries: all.slice(20, 25), has_more: false });
      assert.deepEqual(reader.list({ offset: 25 }), { entries: [], has_more: false });
      assert.equal(reader.list({ limit: 1000 }).entries.length, 25, 'limit is capped at 100, not refused');
      assert.equal(reader.list({ limit: 0 }).entries.length, 1);
    });

    it('filters by message type (SMS = SMS and LMS) and project', () => {
      const clock = new ManualClock();
      const ledger = new SendLedger(file, { now: clock.now });
      const all = fill(ledger, clock);
      const reader = new SendLedger(file, { now: clock.now });
      assert.deepEqual(reader.list({ message_type: 'MMS', limit: 100 }).entries, all.filter((e) => e.kind === 'mms'));
      assert.deepEqual(reader.list({ message_type: 'SMS', limit: 100 }).entries, all.filter((e) => e.kind === 'sms'));
      assert.ok(reader.list({ message_type: 'SMS', limit: 100 }).entries.some((e) => e.message_type === 'LMS'));
      assert.deepEqual(reader.list({ message_type: 'ALL', limit: 100 }).entries, all);
      assert.deepEqual(reader.list({ project_id: 'project-b', limit: 100 }).entries, all.filter((e) => e.project_id === 'project-b'));
      const bMms = all.filter((e) => e.project_id === 'project-b' && e.kind === 'mms');
      assert.deepEqual(reader.list({ project_id: 'project-b', message_type: 'MMS', limit: 1 }), { entries: bMms.slice(0, 1), has_more: bMms.length > 1 });
    });

    it('sees what another writer appends, and a replaced file', () => {
      const mine = new SendLedger(file);
      const theirs = new SendLedger(file);
      const a = mine.recordPending(sendInit());
      assert.deepEqual(mine.list().entries.map((e) => e.id), [a.id]);
      const b = theirs.recordPending(sendInit());
      theirs.recordOutcome(b.id, { outcome: 'sent', group_id: 42 });
      assert.deepEqual(mine.list().entries.map((e) => [e.id, e.outcome]), [[b.id, 'sent'], [a.id, 'pending']]);
      assert.equal(mine.findByGroupId(42)?.id, b.id);

      fs.rmSync(file);
      assert.deepEqual(mine.list(), { entries: [], has_more: false });
      const c = theirs.recordPending(sendInit());
      assert.deepEqual(mine.list().entries.map((e) => e.id), [c.id]);
    });

    it('reads lines longer than the read chunk', () => {
      const ledger = new SendLedger(file, { chunkBytes: 64 });
      const made = Array.from({ length: 10 }, (_, i) => ledger.recordPending(sendInit({ message: `${i}`.repeat(300) })).id);
      assert.deepEqual(new SendLedger(file, { chunkBytes: 64 }).list({ limit: 100 }).entries.map((e) => e.id), made.reverse());
    });

    it('keeps reading past a small cache budget', () => {
      const ledger = new SendLedger(file);
      const made = Array.from({ length: 200 }, (_, i) => ledger.recordPending(sendInit({ message: `m${i}` })).id).reverse();
      const small = new SendLedger(file, { chunkBytes: 512, cacheBytes: 2048 });
      assert.deepEqual(small.list({ offset: 150, limit: 50 }).entries.map((e) => e.id), made.slice(150));
      assert.deepEqual(small.list({ offset: 0, limit: 10 }).entries.map((e) => e.id), made.slice(0, 10));
      assert.equal(small.get(made[199])?.id, made[199]);
    });
  });

  it('tells listeners about every record this instance writes', () => {
    const ledger = new SendLedger(file);
    const seen: Array<[string, string]> = [];
    const subscription = ledger.onDidChange((e) => seen.push([e.id, e.outcome]));
    const e = ledger.recordPending(sendInit());
    ledger.recordOutcome(e.id, { outcome: 'sent', group_id: 1 });
    ledger.recordStatus(e.id, STATUS);
    subscription.dispose();
    ledger.recordStatus(e.id, STATUS);
    assert.deepEqual(seen, [[e.id, 'pending'], [e.id, 'sent'], [e.id, 'sent']]);
  });

  it('a listener that throws does not break recording', () => {
    const logger = recordingLogger();
    const ledger = new SendLedger(file, { logger });
    ledger.onDidChange(() => {
      throw new Error('boom');
    });
    const e = ledger.recordPending(sendInit());
    assert.equal(new SendLedger(file).get(e.id)?.id, e.id);
    assert.equal(logger.errors.length, 1);
  });

  it('refuses to record a send it cannot write, so the send does not go out', () => {
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const ledger = new SendLedger(path.join(dir, 'blocker', 'ledger.jsonl'));
    assert.throws(() => ledger.recordPending(sendInit()), (error: Error & { code?: string }) => error.code === 'INTERNAL_ERROR' && /cannot be written/.test(error.message));
  });

  it('still returns the outcome when writing it fails, and logs it', () => {
    const logger = recordingLogger();
    const ledger = new SendLedger(file, { logger });
    const e = ledger.recordPending(sendInit());
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.dirname(file), 'a file where the folder was');
    assert.equal(ledger.recordOutcome(e.id, { outcome: 'sent', group_id: 8 }).group_id, 8);
    assert.equal(logger.errors.length, 1);
  });

  it('makes distinct short ids', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newSendId()));
    assert.equal(ids.size, 2000);
  });
});
