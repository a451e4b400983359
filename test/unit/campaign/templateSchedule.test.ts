// The template's syntax, the column choice and the night-time schedule, on their own.
import assert from 'node:assert/strict';
import { chooseColumns } from '../../../src/campaign/columns';
import { estimateSchedule } from '../../../src/campaign/schedule';
import { fillTemplate, parseTemplate } from '../../../src/campaign/template';

describe('campaign template', () => {
  it('splits text and variables, and fills them per row', () => {
    const t = parseTemplate('#{이름}님, #{ 포인트 }점 } 남음 #{이름}');
    assert.deepEqual(t.variables, ['이름', '포인트']);
    assert.deepEqual(fillTemplate(t, (n) => ({ 이름: '민수', 포인트: '30' })[n] ?? ''), { text: '민수님, 30점 } 남음 민수' });
    assert.deepEqual(fillTemplate(t, (n) => (n === '이름' ? '민수' : ' ')), { missing: '포인트' });
    assert.deepEqual(fillTemplate(parseTemplate('변수 없음'), () => ''), { text: '변수 없음' });
  });
});

describe('campaign columns', () => {
  it('finds the phone and member-code columns by header, exact names first', () => {
    assert.deepEqual(chooseColumns(['이름', '휴대폰 번호', '회원 코드']), { phone: 1, memberCode: 2 });
    assert.deepEqual(chooseColumns(['Name', 'Mobile', 'Hotel']), { phone: 1, memberCode: -1 });
    assert.deepEqual(chooseColumns(['전화', '전화번호']), { phone: 1, memberCode: -1 });
    assert.deepEqual(chooseColumns(['고객 연락처(필수)', 'id']), { phone: 0, memberCode: -1 });
    assert.throws(() => chooseColumns(['hotel', 'name']), { code: 'CAMPAIGN_NO_PHONE_COLUMN' });
  });
});

describe('campaign schedule (KST night window)', () => {
  const at = (iso: string) => new Date(iso);

  it('without an advertisement, batches × (request + pace) − the last pause', () => {
    const s = estimateSchedule({ batches: 10_000, paceMs: 1000, start: at('2026-11-30T11:00:00Z'), nightRestricted: false });
    assert.equal(s.estimated_end_at, new Date(Date.parse('2026-11-30T11:00:00Z') + 10_000 * 1300 - 1000).toISOString());
    assert.deepEqual(s.night_stops, []);
  });

  it('an advertisement reaching 21:00 KST stops there and continues at 08:00', () => {
    const s = estimateSchedule({ batches: 10_000, paceMs: 1000, start: at('2026-11-30T11:00:00Z'), nightRestricted: true });
    assert.deepEqual(s.night_stops, [{ stop_at: '2026-11-30T12:00:00.000Z', batches_before_stop: 2770, resume_at: '2026-11-30T23:00:00.000Z' }]);
    assert.equal(s.estimated_end_at, new Date(Date.parse('2026-11-30T23:00:00Z') + 7230 * 1300 - 1000).toISOString());
  });

  it('an advertisement planned at night waits for 08:00 KST', () => {
    const s = estimateSchedule({ batches: 3, paceMs: 0, start: at('2026-11-30T14:30:00Z'), nightRestricted: true });
    assert.equal(s.waits_until, '2026-11-30T23:00:00.000Z');
    assert.equal(s.estimated_end_at, '2026-11-30T23:00:00.900Z');
    assert.equal(estimateSchedule({ batches: 3, paceMs: 0, start: at('2026-11-30T14:30:00Z'), nightRestricted: false }).waits_until, undefined);
  });
});
