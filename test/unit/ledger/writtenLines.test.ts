import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LedgerReader } from '../../../src/ledger/ledgerReader';
import type { LedgerRecord } from '../../../src/ledger/ledgerRecords';
import { SendLedger } from '../../../src/ledger/sendLedger';
import { mmsInit, recordingLogger, removeDir, sendInit, tempDir } from './ledgerFixtures';

function readAll(file: string): LedgerRecord[] {
  const reader = new LedgerReader(file, recordingLogger());
  reader.refresh();
  return [...reader.newestFirst()].reverse();
}

function fileRecords(file: string): unknown[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
}

describe('LedgerReader: pending lines this process wrote come back unparsed', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'ledger.jsonl');
  });
  afterEach(() => removeDir(dir));

  it('gives the record it was written from, equal to what parsing the line gives, for any send', () => {
    const recipient = fc.record({ phone_number: fc.string({ maxLength: 13 }), member_code: fc.string({ minLength: 1, maxLength: 12 }) }, { noNullPrototype: true });
    const init = fc.record({
      mms: fc.boolean(),
      recipients: fc.array(recipient, { minLength: 1, maxLength: 30 }),
      message: fc.string({ unit: 'grapheme', maxLength: 80 }),
      sender: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
      campaign_id: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    }, { noNullPrototype: true });
    fc.assert(fc.property(init, ({ mms, ...given }) => {
      fs.rmSync(file, { force: true });
      // Given as undefined (never done by the send path): left out of the line, so not shared.
      const hasUndefined = Object.values(given).some((value) => value === undefined);
      const ledger = new SendLedger(file);
      const written = ledger.recordPending(mms ? mmsInit(given) : sendInit(given));
      const [record] = readAll(file);
      assert.deepStrictEqual(record, fileRecords(file)[0]);
      assert.equal(record.id, written.id);
      assert.equal(Object.isFrozen(record), !hasUndefined, 'shared with the writer (and frozen) unless a field was undefined');
    }), { numRuns: 100 });
  });

  it('parses the line again once its bytes on disk differ from what was written', () => {
    const ledger = new SendLedger(file);
    ledger.recordPending(sendInit({ recipients: [{ phone_number: '010-1234-5678', member_code: 'm1' }] }));
    const [written] = readAll(file);
    // Same length, one byte changed: a hand edit, or another process's identical-looking line.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"m1"', '"m2"'));
    const [read] = readAll(file);
    assert.notEqual(read, written);
    assert.equal(read.t === 'pending' && read.recipients[0].member_code, 'm2');
    assert.equal(Object.isFrozen(read), false);
  });

  it('matches only lines of the file they were written to', () => {
    const ledger = new SendLedger(file);
    ledger.recordPending(sendInit());
    const copy = path.join(dir, 'copy.jsonl');
    fs.copyFileSync(file, copy);
    const [original] = readAll(file);
    const [copied] = readAll(copy);
    assert.notEqual(copied, original);
    assert.deepStrictEqual(copied, original);
  });

  it('leaves outcome lines to the parser (they are small)', () => {
    const ledger = new SendLedger(file);
    const { id } = ledger.recordPending(sendInit());
    ledger.recordOutcome(id, { outcome: 'sent', group_id: 7 });
    const [, outcome] = readAll(file);
    assert.equal(outcome.t, 'outcome');
    assert.equal(Object.isFrozen(outcome), false);
  });
});
