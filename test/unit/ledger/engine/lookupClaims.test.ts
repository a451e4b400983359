// The file engine's lookupClaims (a campaign's batches in one read) answers exactly what lookupClaim
// answers for each claim alone: sent, failed, unknown, in flight, interrupted, reused and never used.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FileLedgerEngine } from '../../../../src/ledger/engine/fileEngine';
import type { Claim } from '../../../../src/ledger/engine/types';
import { ManualClock, removeDir, sendInit, tempDir } from '../ledgerFixtures';

const claim = (key: string, holdMs = Number.POSITIVE_INFINITY): Claim => ({ key: `key:${key}`, fingerprint: '', holdMs });

describe('file engine: lookupClaims', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('answers for each claim what lookupClaim answers alone, in this engine and in a fresh one', async () => {
    const clock = new ManualClock();
    const file = path.join(dir, 'ledger.jsonl');
    const engine = new FileLedgerEngine(file, { now: clock.now });
    await engine.open();
    const send = async (key: string, outcome?: 'sent' | 'failed' | 'unknown'): Promise<void> => {
      const { entry } = await engine.reserve({ init: sendInit({ idempotency_key: key }), claim: claim(key, 24 * 3600_000) });
      clock.advance(1000);
      if (outcome === 'sent') await engine.recordOutcome(entry!.id, { outcome, group_id: 7 });
      else if (outcome) await engine.recordOutcome(entry!.id, { outcome, error: { code: 'X', message: 'x' } });
    };
    await send('interrupted');
    clock.advance(10 * 60_000);
    for (let i = 0; i < 300; i++) await send(`batch:${i}`, i % 7 === 3 ? 'failed' : i % 11 === 5 ? 'unknown' : 'sent');
    await send('batch:3', 'sent');
    await send('in-flight');
    const claims = [claim('in-flight'), claim('never'), ...Array.from({ length: 300 }, (_, i) => claim(`batch:${i}`)), claim('interrupted'), claim('batch:1', 1000)];

    for (const reader of [engine, new FileLedgerEngine(file, { now: clock.now })]) {
      const alone = [];
      for (const c of claims) alone.push(await reader.lookupClaim(c));
      const together = await reader.lookupClaims(claims);
      assert.deepStrictEqual(together, alone);
      assert.deepStrictEqual(new Set(together.map((e) => e?.outcome ?? 'none')), new Set(['pending', 'none', 'sent', 'unknown']));
    }
  });

  it('answers an empty list without reading', async () => {
    const engine = new FileLedgerEngine(path.join(dir, 'missing', 'ledger.jsonl'));
    assert.deepStrictEqual(await engine.lookupClaims([]), []);
  });
});
