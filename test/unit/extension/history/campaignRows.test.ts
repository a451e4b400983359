// The history's campaign rows without VS Code: batches of a campaign gathered into one row placed
// by its newest batch, delivery counted per recipient as a single send counts them, and the wording.
import assert from 'node:assert/strict';
import { presentBatch, presentCampaign } from '../../../../src/extension/history/campaignPresentation';
import { batchIndex, campaignTotals, groupRows, rowCount, type CampaignRow } from '../../../../src/extension/history/campaignRows';
import { untranslated as t } from '../../../../src/extension/translate';
import type { DeliveryResult } from '../../../../src/core/types';
import type { LedgerEntry } from '../../../../src/ledger/sendLedger';

const NOW = new Date(2026, 10, 24, 15, 0);
let seq = 0;

function send(over: Partial<LedgerEntry> = {}): LedgerEntry {
  seq++;
  return {
    id: `s_${seq}`, created_at: new Date(2026, 10, 24, 14, seq % 60).toISOString(), kind: 'sms', message_type: 'SMS', project_id: 'p', sandbox: false, origin: 'command',
    recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'hello', callback_number: '02-1234-5678', message_bytes: 5,
    estimated_cost_krw: 9.9, idempotency_key: `k${seq}`, outcome: 'sent', group_id: 100 + seq, ...over,
  };
}

/** A batch of campaign `id` whose recipients have the given results (from a status check). */
function batch(id: string, index: number, results: DeliveryResult[], over: Partial<LedgerEntry> = {}): LedgerEntry {
  const recipients = results.map((_, i) => ({ phone_number: `010-5555-${String(index * 100 + i).padStart(4, '0')}`, member_code: `m${i}` }));
  const entry = send({ campaign_id: id, idempotency_key: `${id}:batch:${index}`, recipients, ...over });
  if (entry.outcome !== 'sent' || !results.length) return entry;
  const count = (r: DeliveryResult): number => results.filter((x) => x === r).length;
  return {
    ...entry,
    status: {
      group_id: entry.group_id!, status: count('전송중') ? '전송중' : count('실패') ? (count('성공') ? '부분성공' : '실패') : '성공',
      total_count: results.length, success_count: count('성공'), failed_count: count('실패'), pending_count: count('전송중'),
      messages: recipients.map((r, i) => ({ phone: r.phone_number, name: r.member_code, status: results[i], reason: results[i] === '실패' ? '결번' : null })),
    },
  };
}

describe('history campaign rows', () => {
  it('gathers a campaign\'s batches into one row, placed by its newest batch, between the sends around it', () => {
    // Newest first, as the ledger lists: batch 3 is newer than the single send in between batches.
    const entries = [send({ id: 'newest' }), batch('cmp-a', 3, ['성공']), send({ id: 'middle' }), batch('cmp-a', 2, ['성공']), batch('cmp-a', 1, ['성공']), send({ id: 'oldest' })];
    const rows = groupRows(entries);
    assert.deepEqual(rows.map((r) => (r.kind === 'send' ? r.entry.id : r.campaign.campaignId)), ['newest', 'cmp-a', 'middle', 'oldest']);
    const campaign = rows[1].kind === 'campaign' ? rows[1].campaign : undefined;
    assert.deepEqual(campaign?.batches.map((b) => b.index), [1, 2, 3], 'batches in plan order');
    assert.equal(campaign?.latest, entries[1].created_at);
    assert.equal(rowCount(entries), 4);
  });

  it('keeps `count` rows, a campaign counting once, and follows no campaign that starts past them', () => {
    const entries = [batch('cmp-a', 2, ['성공']), batch('cmp-a', 1, ['성공']), send({ id: 'x' }), batch('cmp-b', 1, ['성공']), send({ id: 'y' })];
    assert.deepEqual(groupRows(entries, 2).map((r) => (r.kind === 'send' ? r.entry.id : r.campaign.campaignId)), ['cmp-a', 'x']);
    assert.equal(rowCount(entries), 4);
  });

  it('shows a batch tried twice (failed, then sent on resume) by its newest attempt', () => {
    const failed = batch('cmp-a', 1, [], { outcome: 'failed', group_id: undefined, error: { code: 'NETWORK_ERROR', message: 'x' } });
    const rows = groupRows([batch('cmp-a', 1, ['성공', '성공']), failed]);
    const campaign = rows[0].kind === 'campaign' ? rows[0].campaign : undefined;
    assert.deepEqual(campaign?.batches.map((b) => b.state), ['sent']);
  });

  it('reads the batch index off the key only when the key is the campaign\'s', () => {
    assert.equal(batchIndex(send({ campaign_id: 'cmp-a', idempotency_key: 'cmp-a:batch:12' })), 12);
    assert.equal(batchIndex(send({ campaign_id: 'cmp-a', idempotency_key: 'other:batch:12' })), 0);
    assert.equal(batchIndex(send({ idempotency_key: 'cmp-a:batch:12' })), 0);
  });

  it('sums delivery over the batches\' recipients; unknown and pending batches are "to check", open ones not sent', () => {
    const row = campaignRow();
    const totals = campaignTotals(row);
    assert.deepEqual(
      { d: totals.delivered, f: totals.failed, s: totals.sending, u: totals.unknown, n: totals.notSent },
      { d: 3, f: 1, s: 1, u: 3, n: 5 },
    );
    assert.deepEqual(
      { sent: totals.batchesSent, check: totals.batchesToCheck, failed: totals.batchesFailed, total: totals.batchesTotal },
      { sent: 2, check: 2, failed: 1, total: 6 },
    );
  });

  it('describes the campaign with its delivery counts, batches sent and a warning while a batch is to check', () => {
    const shown = presentCampaign(campaignRow(), t, NOW);
    assert.match(shown.label, /^\d\d:\d\d Campaign · customers\.csv$/);
    assert.equal(shown.description, 'delivered 3 · failed 1 · sending 1 · 2/6 batches sent · 2 batch(es) to check · sandbox');
    assert.equal(shown.icon.id, 'warning');
    assert.match(shown.tooltip, /Started by kim at 2026/);
    assert.match(shown.tooltip, /never sent again automatically/);
    // The template is the user's text: phone numbers masked, Markdown characters taken literally.
    assert.match(shown.tooltip, /010\\-(\\\*){4}\\-9999/);
    assert.ok(!shown.tooltip.includes('2222-9999'));
    assert.match(shown.tooltip, /\\\*\\\*VIP\\\*\\\*/);
  });

  it('without the campaign\'s record, names it by id, counts what the ledger holds and says so', () => {
    const rows = groupRows([batch('cmp-far', 2, ['성공', '성공']), batch('cmp-far', 1, ['성공', '실패'])]);
    const row = rows[0].kind === 'campaign' ? rows[0].campaign : assert.fail('no campaign row');
    const shown = presentCampaign(row, t, NOW);
    assert.match(shown.label, /Campaign · cmp-far$/);
    assert.equal(shown.description, 'delivered 3 · failed 1 · sending 0 · 2/2 batches sent');
    assert.equal(shown.icon.id, 'warning', 'some delivered, some failed');
    assert.match(shown.tooltip, /record is not on this machine/);
    const delivered = groupRows([batch('cmp-ok', 1, ['성공'])]);
    assert.equal(presentCampaign(delivered[0].kind === 'campaign' ? delivered[0].campaign : assert.fail(), t, NOW).icon.id, 'pass');
  });

  it('describes each batch: state, recipients and group; an open one as not sent yet', () => {
    const [sent, , unknown, , , open] = campaignRow().batches;
    assert.equal(presentBatch(sent, t, NOW).label, 'Batch 1');
    assert.equal(presentBatch(sent, t, NOW).description, `성공 · 2/2 delivered · 2 recipient(s) · Group ${sent.entry?.group_id}`);
    assert.equal(presentBatch(unknown, t, NOW).icon.id, 'warning');
    assert.match(presentBatch(unknown, t, NOW).description, /^outcome unknown: OUTCOME_UNKNOWN; check before re-sending · 2 recipient\(s\)$/);
    assert.equal(presentBatch(open, t, NOW).description, 'not sent yet · 4 recipient(s)');
    assert.equal(presentBatch(open, t, NOW).icon.id, 'circle-large-outline');
  });
});

/** Six batches: delivered, partly delivered/sending, unknown, pending, failed, and one not sent yet. */
function campaignRow(): CampaignRow {
  const rows = groupRows([
    batch('cmp-a', 5, ['실패'], { outcome: 'failed', group_id: undefined, error: { code: 'INVALID_PARAMETER', message: 'x' } }),
    batch('cmp-a', 4, ['전송중'], { outcome: 'pending', group_id: undefined }),
    batch('cmp-a', 3, ['전송중', '전송중'], { outcome: 'unknown', group_id: undefined, error: { code: 'OUTCOME_UNKNOWN', message: 'x' } }),
    batch('cmp-a', 2, ['성공', '실패', '전송중']),
    batch('cmp-a', 1, ['성공', '성공']),
  ]);
  const row = rows[0].kind === 'campaign' ? rows[0].campaign : assert.fail('no campaign row');
  row.batches.push({ index: 6, state: 'open', recipients: 4 });
  row.info = { file: 'customers.csv', template: '**VIP** #{이름}님, 문의 010-2222-9999', batchCount: 6, startedBy: 'kim', startedAt: '2026-11-24T05:00:00.000Z', sandbox: true };
  return row;
}
