import assert from 'node:assert/strict';
import { formatTime, presentRecipient, presentSend, recipientRows } from '../../../../src/extension/history/historyPresentation';
import { untranslated as t } from '../../../../src/extension/translate';
import type { LedgerEntry } from '../../../../src/ledger/sendLedger';

const NOW = new Date(2026, 10, 24, 15, 0);

function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 's_1', created_at: new Date(2026, 10, 24, 14, 5).toISOString(), kind: 'sms', message_type: 'SMS', project_id: 'p', sandbox: false, origin: 'mcp',
    recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }, { phone_number: '010-2222-3333', member_code: 'b' }],
    message: 'call 010-9876-5432', callback_number: '02-1234-5678', message_bytes: 18, estimated_cost_krw: 19.8, idempotency_key: 'k',
    outcome: 'sent', group_id: 77, ...over,
  };
}

describe('history tree wording', () => {
  it('labels a send with its time, type and first recipient (masked), plus how many more', () => {
    assert.equal(presentSend(entry(), t, NOW).label, '14:05 SMS → 010-****-5678 +1');
  });

  it('shows the date for an earlier day', () => {
    assert.equal(formatTime(new Date(2026, 10, 20, 9, 7).toISOString(), NOW), '2026-11-20 09:07');
  });

  it('describes each state with counts and an icon', () => {
    const status = (s: '전송중' | '성공' | '실패' | '부분성공', ok: number, failed: number, pending: number): Partial<LedgerEntry> => ({
      status: { group_id: 77, status: s, total_count: 2, success_count: ok, failed_count: failed, pending_count: pending, messages: [] },
    });
    const cases: Array<[Partial<LedgerEntry>, string, string]> = [
      [{}, '전송중', 'sync~spin'],
      [status('전송중', 1, 0, 1), '전송중 · 1/2 delivered, 1 pending', 'sync~spin'],
      [status('성공', 2, 0, 0), '성공 · 2/2 delivered', 'pass'],
      [status('부분성공', 1, 1, 0), '부분성공 · 1/2 delivered, 1 failed', 'warning'],
      [status('실패', 0, 2, 0), '실패 · 0/2 delivered, 2 failed', 'error'],
      [{ outcome: 'failed', group_id: undefined, error: { code: 'AUTHENTICATION_FAILED', message: 'x' } }, 'not sent: AUTHENTICATION_FAILED', 'error'],
      [{ outcome: 'unknown', group_id: undefined, error: { code: 'OUTCOME_UNKNOWN', message: 'x' } }, 'outcome unknown: OUTCOME_UNKNOWN; check before re-sending', 'question'],
      [{ outcome: 'pending', group_id: undefined }, 'sending…', 'sync~spin'],
    ];
    for (const [over, description, icon] of cases) {
      const shown = presentSend(entry(over), t, NOW);
      assert.equal(shown.description, description);
      assert.equal(shown.icon.id, icon, description);
    }
    assert.equal(presentSend(entry({ sandbox: true }), t, NOW).description, '전송중 · sandbox');
  });

  it('masks phone numbers in the tooltip\'s message text too', () => {
    const { tooltip } = presentSend(entry(), t, NOW);
    assert.match(tooltip, /^Group 77\n/);
    assert.match(tooltip, /call 010-\*\*\*\*-5432/);
    assert.ok(!tooltip.includes('9876'));
  });

  it('lists recipients from the last status, else from the send', () => {
    const withStatus = entry({
      status: { group_id: 77, status: '부분성공', total_count: 2, success_count: 1, failed_count: 1, pending_count: 0, messages: [
        { phone: '010-1234-5678', name: 'a', status: '성공', reason: null },
        { phone: '010-2222-3333', name: 'b', status: '실패', reason: '결번' },
      ] },
    });
    assert.deepEqual(recipientRows(withStatus).map((r) => presentRecipient(r, t)).map((p) => [p.label, p.description, p.icon.id]), [
      ['010-****-5678', '성공', 'pass'],
      ['010-****-3333', '실패 · 결번', 'error'],
    ]);
    assert.deepEqual(recipientRows(entry({ outcome: 'failed' })).map((r) => presentRecipient(r, t).description), ['not sent', 'not sent']);
    assert.deepEqual(recipientRows(entry()).map((r) => r.status), ['전송중', '전송중']);
  });
});
