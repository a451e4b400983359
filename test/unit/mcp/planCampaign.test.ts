// plan_campaign through a real SDK Client: a file inside the allowed root, rows given inline, paths
// outside the root (and a symbolic link leading out) refused, nothing sent, and the human-action note.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as iconv from 'iconv-lite';
import { errorOf, startHarness, structured, type Harness } from './harness';

interface PlanOut {
  ready: boolean;
  counts: Record<string, number>;
  source: { kind: string; encoding: string | null; phone_column: string };
  invalid_rows: Array<{ row: number; code: string }>;
  batch_count: number;
  batches: Array<{ id: string; recipient_count: number; message: string }>;
  next_step: string;
  schedule: { night_stops: unknown[]; starts_at: string; estimated_end_at: string; waits_until?: string };
  advertising: { is_advertisement: boolean };
}

describe('plan_campaign (SDK client ↔ createServer)', function () {
  this.timeout(30_000);
  let h: Harness;
  let root: string;
  let outside: string;
  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baas-ws-'));
    outside = mkdtempSync(path.join(tmpdir(), 'baas-outside-'));
    mkdirSync(path.join(root, 'lists'));
    writeFileSync(path.join(root, 'lists', '회원.csv'), iconv.encode('성명,핸드폰\r\n홍길동,010-1234-5678\r\n김철수,010-1234-5678\r\n이영희,123\r\n', 'cp949'));
    writeFileSync(path.join(outside, 'secret.csv'), '이름,전화번호\r\n가,010-1111-2222\r\n');
    symlinkSync(path.join(outside, 'secret.csv'), path.join(root, 'link.csv'));
    h = await startHarness({ campaignRoots: [root] });
  });
  after(async () => {
    await h.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('plans a CP949 file inside the workspace, sends nothing, and says sending is a human action', async () => {
    const out = structured<PlanOut>(await h.call('plan_campaign', { file_path: 'lists/회원.csv', message: '#{성명}님 안녕하세요' }));
    assert.equal(out.source.encoding, 'cp949');
    assert.equal(out.source.phone_column, '핸드폰');
    assert.deepEqual(out.counts, { rows_read: 3, valid_recipients: 1, invalid_rows: 1, duplicates_dropped: 1 });
    assert.deepEqual(out.invalid_rows.map((r) => [r.row, r.code]), [[4, 'INVALID_PHONE_NUMBER']]);
    assert.equal(out.batches[0].message, '홍길동님 안녕하세요');
    assert.match(out.next_step, /human action/);
    assert.equal(h.emulator.requests.filter((r) => r.method === 'POST').length, 0);
  });

  it('plans rows given inline, with the night stop of an advertisement', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({ phone: `010-7000-${String(i).padStart(4, '0')}`, 쿠폰: 'A10' }));
    const out = structured<PlanOut>(await h.call('plan_campaign', { rows, message: '(광고) #{쿠폰} 쿠폰 할인 02-123-4567 무료수신거부 080-123-4567', pace_ms: 3_600_000 }));
    assert.equal(out.ready, true);
    assert.deepEqual(out.batches.map((b) => b.recipient_count), [1000, 500]);
    assert.equal(out.source.kind, 'inline');
    assert.equal(out.advertising.is_advertisement, true);
    // Two batches an hour apart: at least an hour and two requests, more if the night stops it.
    const span = Date.parse(out.schedule.estimated_end_at) - Date.parse(out.schedule.waits_until ?? out.schedule.starts_at);
    assert.ok(span >= 3_600_600, String(span));
    assert.equal(span > 3_600_600, out.schedule.night_stops.length > 0);
  });

  it('a host that names no roots (the extension until it passes the workspace) takes inline rows only', async () => {
    const bare = await startHarness();
    try {
      assert.equal(errorOf(await bare.call('plan_campaign', { file_path: path.join(root, 'lists', '회원.csv'), message: 'x' })).code, 'CAMPAIGN_PATH_NOT_ALLOWED');
      assert.equal(structured<PlanOut>(await bare.call('plan_campaign', { rows: [{ phone: '010-1111-2222' }], message: '안내' })).counts.valid_recipients, 1);
    } finally {
      await bare.close();
    }
  });

  it('refuses a path outside the workspace, a link leading out, both or neither source', async () => {
    for (const file_path of [path.join(outside, 'secret.csv'), '../' + path.basename(outside) + '/secret.csv', 'link.csv']) {
      assert.equal(errorOf(await h.call('plan_campaign', { file_path, message: 'x' })).code, 'CAMPAIGN_PATH_NOT_ALLOWED', file_path);
    }
    assert.equal(errorOf(await h.call('plan_campaign', { file_path: 'absent.csv', message: 'x' })).code, 'CAMPAIGN_FILE_NOT_FOUND');
    assert.equal(errorOf(await h.call('plan_campaign', { message: 'x' })).code, 'INVALID_INPUT');
    assert.equal(errorOf(await h.call('plan_campaign', { message: 'x', file_path: 'a.csv', rows: [] })).code, 'INVALID_INPUT');
    assert.equal(errorOf(await h.call('plan_campaign', { rows: [{ phone: '010-1111-2222' }], message: '#{이름' })).code, 'TEMPLATE_UNBALANCED');
  });
});
