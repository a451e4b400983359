// The group status rule of baas-api.md, over every mix of recipient results, and the row reading.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { summarise, toGroupStatus } from '../../../src/baas/groupStatus';
import type { DeliveryResult, RecipientStatus } from '../../../src/core/types';

const row = (status: DeliveryResult): RecipientStatus => ({ phone: '010-1234-5678', name: null, status, reason: null });

describe('group status', () => {
  it('follows baas-api.md for any mix of results', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom<DeliveryResult>('전송중', '성공', '실패'), { minLength: 1, maxLength: 50 }), (results) => {
      const s = summarise(1, results.map(row));
      const pending = results.filter((r) => r === '전송중').length;
      const success = results.filter((r) => r === '성공').length;
      const failed = results.filter((r) => r === '실패').length;
      assert.deepEqual([s.total_count, s.success_count, s.failed_count, s.pending_count], [results.length, success, failed, pending]);
      assert.equal(s.pending_count, s.total_count - s.success_count - s.failed_count);
      const expected = pending > 0 ? '전송중' : failed === 0 ? '성공' : success === 0 ? '실패' : '부분성공';
      assert.equal(s.status, expected);
    }), { numRuns: 500 });
  });

  it('examples: 부분성공, 실패, 성공, 전송중', () => {
    assert.equal(summarise(1, [row('성공'), row('실패')]).status, '부분성공');
    assert.equal(summarise(1, [row('실패'), row('실패')]).status, '실패');
    assert.equal(summarise(1, [row('성공')]).status, '성공');
    assert.equal(summarise(1, [row('성공'), row('전송중'), row('실패')]).status, '전송중');
  });

  it('no rows yet is 전송중, not a final state', () => {
    assert.equal(summarise(1, []).status, '전송중');
  });

  it('reads rows as {phone,name,result,reason}, maps result to status, and treats an unknown result as pending', () => {
    const s = toGroupStatus(7, [
      { phone: '010-1111-2222', name: '홍길동', result: '성공', reason: null },
      { phone: '010-3333-4444', name: null, result: '실패', reason: '결번' },
      { phone: '010-5555-6666', result: '대기' },
    ]);
    assert.deepEqual(s.messages, [
      { phone: '010-1111-2222', name: '홍길동', status: '성공', reason: null },
      { phone: '010-3333-4444', name: null, status: '실패', reason: '결번' },
      { phone: '010-5555-6666', name: null, status: '전송중', reason: null },
    ]);
    assert.equal(s.group_id, 7);
    assert.equal(s.status, '전송중');
  });

  it('accepts {messages:[…]} too, and refuses an answer without a list', () => {
    assert.equal(toGroupStatus(1, { messages: [{ phone: 'x', result: '성공' }] }).status, '성공');
    assert.throws(() => toGroupStatus(1, { nothing: true }), /API_ERROR|refused/);
  });
});
