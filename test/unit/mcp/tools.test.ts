// The MCP tools through a real SDK Client (in memory) against the BaaS emulator on 127.0.0.1.
import assert from 'node:assert/strict';
import { delay, errorOf, PROJECT, startHarness, structured, type Harness } from './harness';
import { findTemplate, renderTemplate } from '../../../src/templates';

const one = [{ phone_number: '010-1234-5678', member_code: 'u1' }];

describe('MCP tools (SDK client ↔ createServer ↔ emulator)', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('lists the four seed tools plus preview, integration code and plan_campaign, with the promised annotations and output schemas', async () => {
    h = await startHarness();
    const { tools } = await h.client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    assert.deepEqual(Object.keys(byName).sort(), ['get_integration_code', 'get_message_status', 'get_send_history', 'plan_campaign', 'preview_message', 'send_mms', 'send_sms']);
    for (const send of ['send_sms', 'send_mms']) {
      assert.deepEqual(byName[send].annotations, { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
      assert.match(byName[send].description ?? '', /PAID/);
    }
    for (const read of ['get_message_status', 'get_send_history', 'preview_message', 'get_integration_code', 'plan_campaign']) assert.equal(byName[read].annotations?.readOnlyHint, true);
    for (const t of tools) assert.ok(t.outputSchema, `${t.name} has an output schema`);
    const { prompts } = await h.client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name).sort(), ['analyze_send_results', 'compose_mms', 'compose_sms']);
  });

  it('send_sms sends exactly one POST /message/sms with both auth headers, channel 1 and the project, and records it', async () => {
    h = await startHarness();
    const out = structured<Record<string, unknown>>(await h.call('send_sms', { recipients: [{ phone_number: '+82 10-1234-5678', member_code: 'u1' }], message: '인증번호 123456' }));
    assert.equal(out.success, true);
    assert.equal(out.message_type, 'SMS');
    assert.equal(out.message_bytes, 15);
    assert.equal(out.sandbox, false);
    assert.deepEqual(out.recipients, one);
    const sends = h.emulator.requests.filter((r) => r.method === 'POST');
    assert.equal(sends.length, 1);
    assert.equal(sends[0].path, '/message/sms');
    assert.equal(sends[0].headers['x-api-key'], '[REDACTED]');
    assert.equal(sends[0].headers.authorization, 'Bearer [REDACTED]');
    const body = sends[0].body as Record<string, unknown>;
    assert.equal(body.channel_id, 1);
    assert.equal(body.project_id, PROJECT);
    assert.equal(body.callback_number, '02-1234-5678');
    assert.deepEqual(body.recipients, one);
    assert.equal(h.emulator.committedSends(), 1);
    const [entry] = h.runtime.ledger.list({ limit: 5 }).entries;
    assert.equal(entry.outcome, 'sent');
    assert.equal(entry.group_id, out.group_id);
  });

  it('send_mms sends channel 3 with subject and img_url_list', async () => {
    h = await startHarness();
    const out = structured(await h.call('send_mms', { recipients: one, message: '상품 안내', subject: '주문 확인', image_urls: ['https://example.com/a.jpg'] }));
    assert.equal(out.message_type, 'MMS');
    const [req] = h.emulator.requests.filter((r) => r.method === 'POST');
    assert.equal(req.path, '/message/mms');
    const body = req.body as Record<string, unknown>;
    assert.equal(body.channel_id, 3);
    assert.equal(body.subject, '주문 확인');
    assert.deepEqual(body.img_url_list, ['https://example.com/a.jpg']);
  });

  it('get_message_status reports delivery per recipient and the group state as baas-api.md defines', async () => {
    h = await startHarness({ deliveryDelayMs: 400 });
    const sent = structured<{ group_id: number }>(await h.call('send_sms', {
      recipients: [{ phone_number: '010-1111-2222', member_code: 'a' }, { phone_number: '010-0000-0000', member_code: 'b' }],
      message: 'hello',
    }));
    const early = structured<Record<string, unknown>>(await h.call('get_message_status', { group_id: sent.group_id }));
    assert.equal(early.status, '전송중');
    assert.equal(early.pending_count, 2);
    await delay(450);
    const late = structured<{ status: string; success_count: number; failed_count: number; pending_count: number; total_count: number; messages: Array<{ status: string; reason: string | null }> }>(
      await h.call('get_message_status', { group_id: String(sent.group_id) }),
    );
    assert.equal(late.status, '부분성공');
    assert.deepEqual([late.total_count, late.success_count, late.failed_count, late.pending_count], [2, 1, 1, 0]);
    assert.ok(late.messages.some((m) => m.status === '실패' && m.reason));
    const [entry] = h.runtime.ledger.list({}).entries;
    assert.equal(entry.status?.status, '부분성공');
  });

  it('get_send_history answers from the ledger, newest first, filtered by type and paged', async () => {
    h = await startHarness();
    await h.call('send_sms', { recipients: one, message: 'first' });
    await h.call('send_mms', { recipients: one, message: 'second', subject: 's' });
    await h.call('send_sms', { recipients: one, message: 'third' });
    const all = structured<{ sends: Array<{ message: string }>; has_more: boolean }>(await h.call('get_send_history', {}));
    assert.deepEqual(all.sends.map((s) => s.message), ['third', 'second', 'first']);
    const sms = structured<{ sends: Array<{ message: string }> }>(await h.call('get_send_history', { message_type: 'SMS' }));
    assert.deepEqual(sms.sends.map((s) => s.message), ['third', 'first']);
    const page = structured<{ sends: Array<{ message: string }>; has_more: boolean }>(await h.call('get_send_history', { offset: 1, limit: 1 }));
    assert.deepEqual(page.sends.map((s) => s.message), ['second']);
    assert.equal(page.has_more, true);
    const other = structured<{ count: number }>(await h.call('get_send_history', { project_id: '00000000-0000-4000-8000-000000000001' }));
    assert.equal(other.count, 0);
  });

  it('rejects bad input with a coded tool error naming the field, and sends nothing', async () => {
    h = await startHarness();
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ recipients: [{ phone_number: '02-123-4567', member_code: 'x' }], message: 'hi' }, 'INVALID_PHONE_NUMBER', 'recipients[0].phone_number'],
      [{ recipients: [], message: 'hi' }, 'INVALID_RECIPIENTS_COUNT', undefined],
      [{ recipients: one, message: 'hi 😀' }, 'UNSENDABLE_CHARACTERS', undefined],
      [{ recipients: one, message: '가'.repeat(1001) }, 'MESSAGE_TOO_LONG', undefined],
      [{ recipients: one, message: 'hi', callback_number: '12' }, 'INVALID_CALLBACK_NUMBER', 'callback_number'],
      [{ recipients: 'nope', message: 'hi' }, 'INVALID_INPUT', 'recipients'],
    ];
    for (const [args, code, field] of cases) {
      const error = errorOf(await h.call('send_sms', args));
      assert.equal(error.code, code, JSON.stringify(args).slice(0, 80));
      if (field) assert.equal(error.field, field);
      assert.ok(error.hint.length > 0);
    }
    assert.equal(errorOf(await h.call('send_mms', { recipients: one, message: 'x', subject: '가'.repeat(21) })).code, 'SUBJECT_TOO_LONG');
    assert.equal(errorOf(await h.call('send_mms', { recipients: one, message: 'x', subject: 's', image_urls: Array(6).fill('https://e.com/a.jpg') })).code, 'TOO_MANY_IMAGES');
    assert.equal(errorOf(await h.call('get_message_status', { group_id: 'abc' })).code, 'INVALID_GROUP_ID');
    assert.equal(h.emulator.requests.filter((r) => r.method === 'POST').length, 0);
    assert.equal(h.runtime.ledger.list({}).entries.length, 0);
  });

  it('speaks Korean when the locale is ko', async () => {
    h = await startHarness({ settings: { locale: 'ko' } });
    const error = errorOf(await h.call('send_sms', { recipients: [{ phone_number: '123', member_code: 'x' }], message: 'hi' }));
    assert.match(error.message, /휴대폰 번호/);
  });

  it('without a key, fails with MISSING_API_KEY before any request', async () => {
    h = await startHarness({ key: null });
    const error = errorOf(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.equal(error.code, 'MISSING_API_KEY');
    assert.match(error.hint, /sandbox/);
    assert.equal(h.emulator.requests.length, 0);
  });

  it('without PROJECT_ID and project_id, fails with MISSING_PROJECT_ID', async () => {
    h = await startHarness({ settings: { projectId: undefined } });
    assert.equal(errorOf(await h.call('send_sms', { recipients: one, message: 'hi' })).code, 'MISSING_PROJECT_ID');
  });

  it('a declined confirmation sends nothing and says CONFIRMATION_DECLINED', async () => {
    let shown = 0;
    h = await startHarness({ confirm: (p) => { shown++; assert.equal(p.recipients.length, 1); return Promise.resolve(false); } });
    assert.equal(errorOf(await h.call('send_sms', { recipients: one, message: 'hi' })).code, 'CONFIRMATION_DECLINED');
    assert.equal(shown, 1);
    assert.equal(h.emulator.committedSends(), 0);
  });

  it('a repeated identical send within the window is answered from the first; a new idempotency_key sends again', async () => {
    h = await startHarness();
    const first = structured<{ group_id: number; deduplicated: boolean }>(await h.call('send_sms', { recipients: one, message: 'same' }));
    const again = structured<{ group_id: number; deduplicated: boolean }>(await h.call('send_sms', { recipients: one, message: 'same' }));
    assert.equal(again.group_id, first.group_id);
    assert.equal(again.deduplicated, true);
    assert.equal(h.emulator.committedSends(), 1);
    const deliberate = structured<{ group_id: number }>(await h.call('send_sms', { recipients: one, message: 'same', idempotency_key: 'second-on-purpose' }));
    assert.notEqual(deliberate.group_id, first.group_id);
    assert.equal(h.emulator.committedSends(), 2);
    const reused = errorOf(await h.call('send_sms', { recipients: [{ phone_number: '010-9999-8888', member_code: 'u2' }], message: 'other', idempotency_key: 'second-on-purpose' }));
    assert.deepEqual([reused.code, reused.field], ['INVALID_INPUT', 'idempotency_key']);
    assert.equal(h.emulator.committedSends(), 2);
  });

  it('a 500 after the send was committed is an unknown outcome: not retried, recorded, checkable', async () => {
    h = await startHarness();
    h.emulator.setFaults({ mode: 'status', status: 500, count: 1 });
    const error = errorOf(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.equal(error.code, 'OUTCOME_UNKNOWN');
    assert.equal(error.outcome, 'unknown');
    assert.ok(error.send_id);
    assert.equal(h.emulator.committedSends(), 1);
    const history = structured<{ sends: Array<{ send_id: string; outcome: string }> }>(await h.call('get_send_history', {}));
    assert.deepEqual(history.sends.map((s) => [s.send_id, s.outcome]), [[error.send_id, 'unknown']]);
    // An agent repeating the same call gets the same unknown answer, not a second send.
    const repeat = errorOf(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.deepEqual([repeat.code, repeat.send_id], ['OUTCOME_UNKNOWN', error.send_id]);
    assert.equal(h.emulator.committedSends(), 1);
  });

  it('a send that certainly did not go out (503) may be repeated at once', async () => {
    h = await startHarness();
    h.emulator.setFaults({ mode: 'status', status: 503, count: 3 });
    assert.equal(errorOf(await h.call('send_sms', { recipients: one, message: 'hi' })).code, 'SERVICE_UNAVAILABLE');
    structured(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.equal(h.emulator.committedSends(), 1);
    assert.deepEqual(h.runtime.ledger.list({}).entries.map((e) => e.outcome), ['sent', 'failed']);
  });

  it('the API key appears in no tool result and no log line', async () => {
    h = await startHarness();
    const results = [
      await h.call('send_sms', { recipients: one, message: 'hi' }),
      await h.call('send_sms', { recipients: [{ phone_number: 'x', member_code: 'y' }], message: 'hi' }),
      await h.call('get_send_history', {}),
    ];
    h.emulator.setFaults({ mode: 'status', status: 401, count: 1 });
    results.push(await h.call('send_sms', { recipients: one, message: 'other' }));
    const seen = JSON.stringify(results) + h.logs.join('\n');
    for (const form of [h.apiKey, Buffer.from(h.apiKey).toString('base64'), encodeURIComponent(h.apiKey)]) assert.ok(!seen.includes(form));
  });

  it('sandbox mode sends with no key and says sandbox: true; groups reach 성공', async () => {
    h = await startHarness({ sandbox: true, key: null, settings: { projectId: undefined } });
    const out = structured<{ sandbox: boolean; group_id: number }>(await h.call('send_sms', { recipients: one, message: 'sandbox' }));
    assert.equal(out.sandbox, true);
    assert.equal(h.emulator.requests.length, 0, 'the live emulator saw nothing');
    await delay(120);
    const status = structured<{ status: string; sandbox: boolean }>(await h.call('get_message_status', { group_id: out.group_id }));
    assert.deepEqual([status.status, status.sandbox], ['성공', true]);
  });

  it('preview_message shows type, bytes, cost and what would block the send, without sending', async () => {
    h = await startHarness({ settings: { guard: { liveSendingEnabled: false, maxRecipientsPerSend: 10, maxSendsPerMinute: 10, maxRecipientsPerDay: 100, allowList: [] } } });
    const p = structured<Record<string, unknown>>(await h.call('preview_message', { recipients: [...one, ...one], message: 'a'.repeat(91) }));
    assert.equal(p.message_type, 'LMS');
    assert.equal(p.message_bytes, 91);
    assert.equal(p.duplicates_dropped, 1);
    assert.equal(p.would_send, false);
    assert.equal((p.blocked_by as { code: string }).code, 'LIVE_SENDING_DISABLED');
    assert.ok((p.warnings as Array<{ code: string }>).length >= 1);
    assert.equal(h.emulator.requests.length, 0);
  });

  it('get_integration_code returns a framework × use case with the module it imports, the same code as the snippets; a missing one lists what exists', async () => {
    h = await startHarness();
    type Out = { templates: Array<{ id: string; framework: string; file_name: string; code: string }>; available?: Array<{ framework: string; use_case: string; languages: string[] }>; note?: string };
    const out = structured<Out>(await h.call('get_integration_code', { framework: 'express', use_case: 'verification', language: 'typescript' }));
    assert.deepEqual(out.templates.map((t) => [t.id, t.file_name]), [['express-otp-ts', 'routes/otp.ts'], ['node-core-ts', 'lib/baasSms.ts']]);
    assert.equal(out.templates[0].code, renderTemplate(findTemplate('express-otp-ts')!));
    assert.ok(out.templates[1].code.includes('process.env.BAAS_API_KEY'));
    assert.equal(out.available, undefined);
    const missing = structured<Out>(await h.call('get_integration_code', { framework: 'react', use_case: 'order_notification' }));
    assert.deepEqual(missing.templates, []);
    assert.match(missing.note ?? '', /react × order_notification/);
    const offered = new Set(missing.available?.map((c) => `${c.framework}/${c.use_case}`));
    for (const framework of ['express', 'nextjs', 'nestjs', 'django', 'fastapi']) {
      for (const useCase of ['verification', 'order_notification', 'campaign']) assert.ok(offered.has(`${framework}/${useCase}`), `${framework}/${useCase}`);
    }
    assert.ok(offered.has('vue/campaign') && offered.has('react/verification'));
    const { resources } = await h.client.listResources();
    assert.ok(resources.some((r) => r.uri.startsWith('baas-sms://templates/')));
  });
});
