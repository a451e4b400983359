// Issue 12, item 4: each message found by trying says what fits the case it is shown in. Real SDK
// client ↔ createServer ↔ the BaaS emulator on 127.0.0.1 (fault injection for the API's answers).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { guardConfigFromEnv } from '../../../src/cli/envSettings';
import { DEFAULT_GUARD } from '../../../src/core/settings';
import { checkAdvertising } from '../../../src/messaging/advertising';
import { errorOf, startHarness, structured, type Harness } from './harness';

const one = [{ phone_number: '010-1234-5678', member_code: 'u1' }];
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ phone_number: `010-2000-${String(i).padStart(4, '0')}`, member_code: `m${i}` }));

describe('messages that fit the case (issue 12, item 4)', function () {
  this.timeout(20_000);
  let h: Harness;
  afterEach(async () => h?.close());

  it('a UUID the API does not know (INVALID_PROJECT) is not called "not a UUID"', async () => {
    h = await startHarness();
    h.emulator.setFaults({ mode: 'status', status: 400, errorCode: 'INVALID_PROJECT', message: 'unknown project', count: 1 });
    const error = errorOf(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.equal(error.code, 'INVALID_PROJECT_ID');
    assert.doesNotMatch(error.message, /UUID/);
    assert.match(error.message, /does not know project/);
    assert.match(error.hint, /API key belongs to the same project/);
  });

  it('0 recipients asks for one, not to split a larger list', async () => {
    h = await startHarness();
    const error = errorOf(await h.call('send_sms', { recipients: [], message: 'hi' }));
    assert.equal(error.code, 'INVALID_RECIPIENTS_COUNT');
    assert.doesNotMatch(error.hint, /[Ss]plit/);
    assert.match(error.hint, /at least one recipient/);
  });

  it('SPEND_LIMIT_EXCEEDED names the environment variable standalone and the setting in VS Code', async () => {
    h = await startHarness({ settings: { guard: { ...guardConfigFromEnv({}), maxRecipientsPerDay: 100_000 } } });
    const standalone = errorOf(await h.call('send_sms', { recipients: many(101), message: 'hi' }));
    assert.equal(standalone.code, 'SPEND_LIMIT_EXCEEDED');
    assert.match(`${standalone.message} ${standalone.hint}`, /BAAS_MAX_RECIPIENTS_PER_SEND/);
    assert.doesNotMatch(`${standalone.message} ${standalone.hint}`, /baasSms\./);
    await h.close();
    h = await startHarness({ settings: { guard: { ...DEFAULT_GUARD } } });
    const vscode = errorOf(await h.call('send_sms', { recipients: many(101), message: 'hi' }));
    assert.match(`${vscode.message} ${vscode.hint}`, /baasSms\.guard\.maxRecipientsPerSend/);
    assert.doesNotMatch(`${vscode.message} ${vscode.hint}`, /BAAS_/);
  });

  it('the send tools say the guard stops at 100 recipients by default though the API takes 1000', async () => {
    h = await startHarness();
    const { tools } = await h.client.listTools();
    for (const name of ['send_sms', 'send_mms']) {
      const description = tools.find((t) => t.name === name)?.description ?? '';
      assert.match(description, /up to 1000 recipients/, name);
      assert.match(description, /at 100 by default/, name);
      assert.match(description, /BAAS_MAX_RECIPIENTS_PER_SEND/, name);
    }
  });

  it('errors of a status check say nothing about sending and carry no send outcome', async () => {
    h = await startHarness();
    const sent = structured<{ group_id: number }>(await h.call('send_sms', { recipients: one, message: 'hi' }));
    for (const plan of [{ status: 401 }, { status: 503 }, { status: 400, errorCode: 'BAD' }]) {
      h.emulator.setFaults({ mode: 'status', match: 'status', count: 3, ...plan });
      const error = errorOf(await h.call('get_message_status', { group_id: sent.group_id }));
      assert.doesNotMatch(`${error.message} ${error.hint}`, /[Nn]othing was sent|not sent/, JSON.stringify(plan));
      assert.equal(error.outcome, undefined, JSON.stringify(plan));
    }
    h.emulator.setFaults(null);
    const unknown = errorOf(await h.call('get_message_status', { group_id: 12345 }));
    assert.deepEqual([unknown.code, unknown.outcome], ['GROUP_NOT_FOUND', undefined]);
    // A send refused by the API still says so.
    h.emulator.setFaults({ mode: 'status', status: 401, count: 1 });
    const refused = errorOf(await h.call('send_sms', { recipients: one, message: 'other' }));
    assert.deepEqual([refused.code, refused.outcome], ['AUTHENTICATION_FAILED', 'not_sent']);
    assert.match(refused.hint, /Nothing was sent\.$/);
  });

  it('a timed-out send reads with one full stop, not two', async () => {
    h = await startHarness({ settings: { timeoutMs: 300 } });
    h.emulator.setFaults({ mode: 'latency', latencyMs: 800, count: 1 });
    const error = errorOf(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.equal(error.code, 'OUTCOME_UNKNOWN');
    assert.match(error.message, /within 300 ms\.$/);
    assert.doesNotMatch(error.message, /\.\./);
  });

  it('preview_message on an advertisement that breaks the rules still gives bytes, type and cost, with the findings', async () => {
    h = await startHarness();
    const out = structured<{ message_bytes: number; message_type: string; estimated_cost_krw: number; would_send: boolean; blocked_by: { code: string; message: string } | null; warnings: Array<{ code: string }> }>(
      await h.call('preview_message', { recipients: one, message: '(광고) 주말 특가 세일! 무료수신거부 080-123-4567', is_advertisement: true, night_time_consent: true }),
    );
    assert.equal(out.message_type, 'SMS');
    assert.ok(out.message_bytes > 0);
    assert.ok(out.estimated_cost_krw > 0);
    assert.equal(out.would_send, false);
    assert.equal(out.blocked_by?.code, 'ADVERTISING_RULES');
    assert.match(out.blocked_by?.message ?? '', /contact/);
    assert.ok(!out.warnings.some((w) => w.code === 'ADVERTISING_CHECK_SKIPPED'));
    // The send itself is still refused, and nothing reaches the API.
    assert.equal(errorOf(await h.call('send_sms', { recipients: one, message: '(광고) 주말 특가 세일! 무료수신거부 080-123-4567', night_time_consent: true })).code, 'ADVERTISING_RULES');
    assert.equal(h.emulator.committedSends(), 0);
  });

  it('a parenthesised opt-out at the end of an advertisement counts', () => {
    const noon = new Date(Date.UTC(2025, 4, 2, 3));
    for (const text of ['(광고) 바른꽃집 할인 문의 02-123-4567 (무료수신거부 080-123-4567)', '(광고) 바른꽃집 할인 문의 02-123-4567 [무료수신거부 080-123-4567].']) {
      assert.deepEqual(checkAdvertising(text, { now: noon }).missing, [], text);
    }
  });

  it('the emulator banner shows its test numbers readably (the logger masks phone numbers elsewhere)', async () => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.resolve('src/cli/bin.ts'), 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${stderr}`)), 15_000);
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (/test numbers.*\n/.test(stderr)) { clearTimeout(timer); resolve(); }
      });
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    for (const n of ['010-0000-0000', '010-0000-0001', '010-0000-0002']) assert.ok(stderr.includes(n), `${n} in ${stderr}`);
  });
});
