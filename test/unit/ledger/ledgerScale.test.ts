// A heavy user's ledger (100,000 sends): pages must still be right. Timing is the benchmark's job
// (npm run bench); here only correctness at that size is checked.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SendLedger } from '../../../src/ledger/sendLedger';
import { syntheticEntry, syntheticSendId, writeSyntheticLedger } from '../../support/syntheticLedger';
import { removeDir, sendInit, tempDir } from './ledgerFixtures';

const COUNT = 100_000;
const END = new Date('2025-05-01T00:00:00.000Z');
const options = { end: END };

describe('SendLedger with 100,000 entries', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  before(() => {
    dir = tempDir();
    file = path.join(dir, 'send-ledger.jsonl');
    writeSyntheticLedger(file, COUNT, options);
  });
  after(() => removeDir(dir));

  const entry = (i: number) => syntheticEntry(i, COUNT, options);
  /** Indexes from newest to oldest that satisfy `keep`, `n` of them. */
  const newest = (n: number, keep: (i: number) => boolean = () => true, skip = 0): number[] => {
    const out: number[] = [];
    for (let i = COUNT - 1; i >= 0 && out.length < skip + n; i--) if (keep(i)) out.push(i);
    return out.slice(skip);
  };
  const later = new Date(END.getTime() + 60_000);

  it('pages the newest sends of a type, with their outcome and status merged', () => {
    const ledger = new SendLedger(file, { now: () => later });
    const page = ledger.list({ limit: 20, message_type: 'SMS' });
    assert.equal(page.has_more, true);
    assert.deepEqual(page.entries, newest(20, (i) => entry(i).kind === 'sms').map(entry));
    assert.ok(page.entries.some((e) => e.status !== undefined), 'some entries carry a status line');
    assert.ok(page.entries.some((e) => e.message_type === 'LMS'));
  });

  it('pages further back and by project and MMS', () => {
    const ledger = new SendLedger(file, { now: () => later });
    assert.deepEqual(ledger.list({ offset: 40, limit: 100 }).entries.map((e) => e.id), newest(100, undefined, 40).map(syntheticSendId));
    const projectB = entry(1).project_id;
    const page = ledger.list({ project_id: projectB, message_type: 'MMS', offset: 10, limit: 5 });
    assert.deepEqual(page.entries, newest(5, (i) => entry(i).project_id === projectB && entry(i).kind === 'mms', 10).map(entry));
  });

  it('reaches the oldest page and says there is no more', () => {
    const ledger = new SendLedger(file, { now: () => later, cacheBytes: 1024 * 1024 });
    const page = ledger.list({ offset: COUNT - 3, limit: 20 });
    assert.deepEqual(page, { entries: [2, 1, 0].map(entry), has_more: false });
  });

  it('finds an old send by id and by group id', () => {
    const ledger = new SendLedger(file, { now: () => later });
    assert.deepEqual(ledger.get(syntheticSendId(10)), entry(10));
    assert.deepEqual(ledger.findByGroupId(entry(20).group_id!), entry(20));
    assert.equal(ledger.findByGroupId(1), undefined);
  });

  it('sees a send another writer appends after the first page was read', () => {
    const ledger = new SendLedger(file, { now: () => later });
    assert.equal(ledger.list({ limit: 1 }).entries[0].id, syntheticSendId(COUNT - 1));
    const other = new SendLedger(file, { now: () => later });
    const added = other.recordPending(sendInit());
    other.recordOutcome(added.id, { outcome: 'sent', group_id: 7 });
    const page = ledger.list({ limit: 2 });
    assert.deepEqual(page.entries.map((e) => [e.id, e.outcome]), [[added.id, 'sent'], [syntheticSendId(COUNT - 1), entry(COUNT - 1).outcome]]);
  });

  it('recovery looks only at the end of the file and finds nothing to recover', () => {
    assert.deepEqual(new SendLedger(file, { now: () => later }).recoverInterrupted(), []);
  });
});
