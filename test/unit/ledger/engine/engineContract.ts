// What both ledger engines must do, run against each (the file in a temp folder, PostgreSQL in a
// database of its own on the test run's real server): claims, budgets, outcomes, reads.
import assert from 'node:assert/strict';
import { BaasSmsError } from '../../../../src/core/errors';
import { KEY_HOLD_MS } from '../../../../src/ledger/engine/claimRules';
import type { Claim, LedgerEngine } from '../../../../src/ledger/engine/types';
import { sendInit } from '../ledgerFixtures';

export const LIMITS = { maxSendsPerMinute: 1000, maxRecipientsPerDay: 20 };

export function keyClaim(key: string, fingerprint = 'fp-a'): Claim {
  return { key: `key:${key}`, fingerprint, holdMs: KEY_HOLD_MS };
}

export function describeEngineContract(title: string, make: () => Promise<LedgerEngine>, release: (engine: LedgerEngine) => Promise<void>): void {
  describe(`${title}: the ledger engine contract`, () => {
    let engine: LedgerEngine;
    beforeEach(async () => {
      engine = await make();
      await engine.open();
    });
    afterEach(() => release(engine));

    it('reserve writes a pending record that holds its claim; a second reserve gets the earlier send', async () => {
      const first = await engine.reserve({ init: sendInit(), claim: keyClaim('k1') });
      assert.equal(first.entry?.outcome, 'pending');
      assert.equal(first.entry?.claim_key, 'key:k1');
      const second = await engine.reserve({ init: sendInit(), claim: keyClaim('k1') });
      assert.equal(second.entry, undefined);
      assert.equal(second.earlier?.id, first.entry?.id);
      assert.equal((await engine.lookupClaim(keyClaim('k1')))?.id, first.entry?.id);
      assert.equal(await engine.lookupClaim(keyClaim('k2')), undefined);
    });

    it('a sent send answers later claims with its group id; a failed one (certainly not sent) frees the claim', async () => {
      const sent = (await engine.reserve({ init: sendInit(), claim: keyClaim('s') })).entry!;
      await engine.recordOutcome(sent.id, { outcome: 'sent', group_id: 777 });
      assert.equal((await engine.lookupClaim(keyClaim('s')))?.group_id, 777);
      const failed = (await engine.reserve({ init: sendInit(), claim: keyClaim('f') })).entry!;
      await engine.recordOutcome(failed.id, { outcome: 'failed', error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } });
      assert.equal(await engine.lookupClaim(keyClaim('f')), undefined);
      const again = await engine.reserve({ init: sendInit(), claim: keyClaim('f') });
      assert.ok(again.entry && again.entry.id !== failed.id);
      assert.equal((await engine.lookupClaim(keyClaim('f')))?.id, again.entry.id);
    });

    it('an unknown outcome keeps holding its claim', async () => {
      const entry = (await engine.reserve({ init: sendInit(), claim: keyClaim('u') })).entry!;
      await engine.recordOutcome(entry.id, { outcome: 'unknown', error: { code: 'OUTCOME_UNKNOWN', message: 'x' } });
      assert.equal((await engine.lookupClaim(keyClaim('u')))?.outcome, 'unknown');
    });

    it('a fingerprint claim holds while in flight and for its window after the answer', async () => {
      const claim: Claim = { key: 'fp:abc', fingerprint: 'abc', holdMs: 60_000 };
      const entry = (await engine.reserve({ init: sendInit(), claim })).entry!;
      assert.equal((await engine.lookupClaim({ ...claim, holdMs: 0 }))?.id, entry.id, 'in flight: holds whatever the window');
      await engine.recordOutcome(entry.id, { outcome: 'sent', group_id: 5 });
      assert.equal((await engine.lookupClaim(claim))?.id, entry.id);
      assert.equal(await engine.lookupClaim({ ...claim, holdMs: 0 }), undefined, 'answered and out of its window: free');
    });

    it('40 concurrent single-recipient sends under a daily cap of 20: exactly 20 are reserved', async () => {
      const answers = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => engine.reserve({ init: sendInit(), claim: keyClaim(`c${i}`), budget: LIMITS })));
      const reserved = answers.filter((a) => a.status === 'fulfilled');
      const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      assert.equal(reserved.length, 20);
      assert.equal(refused.length, 20);
      for (const r of refused) assert.equal((r.reason as BaasSmsError).code, 'SPEND_LIMIT_EXCEEDED');
      assert.deepEqual(await engine.budgetUsage(), { sendsLastMinute: 20, recipientsLastDay: 20 });
    });

    it('the per-minute cap counts sends; failed sends give their budget back; sandbox sends spend none', async () => {
      const limits = { maxSendsPerMinute: 2, maxRecipientsPerDay: 100 };
      const a = (await engine.reserve({ init: sendInit(), claim: keyClaim('m1'), budget: limits })).entry!;
      await engine.reserve({ init: sendInit(), claim: keyClaim('m2'), budget: limits });
      await assert.rejects(engine.reserve({ init: sendInit(), claim: keyClaim('m3'), budget: limits }), (e: BaasSmsError) => e.code === 'SPEND_LIMIT_EXCEEDED' && e.params.limit === 'maxSendsPerMinute');
      assert.equal(await engine.lookupClaim(keyClaim('m3')), undefined, 'a refused send claims nothing');
      await engine.recordOutcome(a.id, { outcome: 'failed', error: { code: 'API_ERROR', message: 'x' } });
      assert.ok((await engine.reserve({ init: sendInit(), claim: keyClaim('m3'), budget: limits })).entry);
      await engine.reserve({ init: sendInit({ sandbox: true }), claim: keyClaim('sb') });
      assert.equal((await engine.budgetUsage()).sendsLastMinute, 2);
    });

    it('get, findByGroupId and list (newest first, filtered, paged) see the records', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const init = i % 2 ? sendInit({ kind: 'mms', message_type: 'MMS', subject: 's', image_urls: ['https://example.com/a.jpg'] }) : sendInit();
        const entry = (await engine.reserve({ init, claim: keyClaim(`l${i}`) })).entry!;
        await engine.recordOutcome(entry.id, { outcome: 'sent', group_id: 100 + i });
        ids.push(entry.id);
      }
      await engine.recordStatus(ids[1], { group_id: 101, status: '성공', total_count: 1, success_count: 1, failed_count: 0, pending_count: 0, messages: [] });
      assert.equal((await engine.get(ids[1]))?.status?.status, '성공');
      assert.equal((await engine.findByGroupId(103))?.id, ids[3]);
      assert.equal(await engine.findByGroupId(999), undefined);
      const page = await engine.list({ limit: 2, offset: 1 });
      assert.deepEqual(page.entries.map((e) => e.id), [ids[3], ids[2]]);
      assert.equal(page.has_more, true);
      const mms = await engine.list({ message_type: 'MMS' });
      assert.deepEqual(mms.entries.map((e) => e.id), [ids[3], ids[1]]);
      assert.equal(mms.has_more, false);
      assert.equal((await engine.list({ project_id: 'other' })).entries.length, 0);
    });

    it('tells listeners about the records it writes', async () => {
      const seen: string[] = [];
      const subscription = engine.onDidChange((e) => seen.push(e.outcome));
      const entry = (await engine.reserve({ init: sendInit(), claim: keyClaim('n') })).entry!;
      await engine.recordOutcome(entry.id, { outcome: 'sent', group_id: 1 });
      subscription.dispose();
      assert.deepEqual(seen, ['pending', 'sent']);
    });
  });
}
