// Issue 12, item 2: a confirmation in every MCP client. A real SDK Client that declares elicitation is
// asked, through a form with the VS Code modal's summary, before each LIVE send; one that does not is
// refused by default (BAAS_CONFIRM) or, with BAAS_CONFIRM=off, sent to within the guard. Sandbox sends
// are never asked. createServer ↔ in-memory client ↔ the BaaS emulator on 127.0.0.1.
import assert from 'node:assert/strict';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { formValidator } from '../../../src/mcp/confirm/formValidator';
import { errorOf, startHarness, structured, type Harness, type HarnessOptions } from './harness';

const two = [{ phone_number: '010-1234-5678', member_code: 'u1' }, { phone_number: '010-2222-3333', member_code: 'u2' }];

describe('live-send confirmation through elicitation (issue 12, item 2)', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  async function withAnswer(answer: ElicitResult, options: HarnessOptions = {}): Promise<ElicitRequest['params'][]> {
    h = await startHarness({ confirmPolicy: 'ask', clientCapabilities: { elicitation: {} }, ...options });
    const asked: ElicitRequest['params'][] = [];
    h.client.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request.params);
      return answer;
    });
    return asked;
  }
  const livePosts = () => h.emulator.requests.filter((r) => r.method === 'POST').length;

  for (const [what, answer] of [
    ['decline', { action: 'decline' }],
    ['cancel', { action: 'cancel' }],
    ['accept without the box ticked', { action: 'accept', content: { confirm: false } }],
  ] as const) {
    it(`${what} → CONFIRMATION_DECLINED; the emulator saw nothing and the ledger has nothing`, async () => {
      const asked = await withAnswer(answer);
      const error = errorOf(await h.call('send_sms', { recipients: two, message: '내일 10시 회의' }));
      assert.equal(error.code, 'CONFIRMATION_DECLINED');
      assert.equal(asked.length, 1);
      assert.equal(livePosts(), 0);
      assert.equal(h.emulator.committedSends(), 0);
      assert.equal(h.runtime.ledger.list({}).entries.length, 0);
    });
  }

  it('accept → sent once; the form carries the modal summary (LIVE, masked recipients, type, cost)', async () => {
    const asked = await withAnswer({ action: 'accept', content: { confirm: true } });
    const out = structured<{ group_id: number }>(await h.call('send_sms', { recipients: two, message: '내일 10시 회의' }));
    assert.ok(out.group_id > 0);
    assert.equal(h.emulator.committedSends(), 1);
    assert.equal(asked.length, 1);
    const form = asked[0] as { message: string; requestedSchema: { properties: Record<string, { title?: string }> } };
    assert.match(form.message, /LIVE send: it is paid and reaches real phones/);
    assert.match(form.message, /Recipients: 2 \(010-\*\*\*\*-5678, 010-\*\*\*\*-3333\)/);
    assert.match(form.message, /Type: SMS, 14 bytes/);
    assert.match(form.message, /Estimated cost: 19\.8 KRW/);
    assert.ok(!form.message.includes('010-1234-5678') && !form.message.includes('010-2222-3333'), 'numbers are masked');
    assert.equal(form.requestedSchema.properties.confirm.title, 'Send SMS (Live)');
  });

  it('asks in Korean when the server speaks Korean', async () => {
    const asked = await withAnswer({ action: 'decline' }, { settings: { locale: 'ko' } });
    const error = errorOf(await h.call('send_sms', { recipients: two, message: 'hi' }));
    assert.equal(error.code, 'CONFIRMATION_DECLINED');
    assert.match((asked[0] as { message: string }).message, /실제 발송입니다/);
  });

  it('a sandbox send is never asked', async () => {
    const asked = await withAnswer({ action: 'decline' }, { sandbox: true });
    structured(await h.call('send_sms', { recipients: two, message: 'hi' }));
    assert.equal(asked.length, 0);
  });

  it('without elicitation: refused by default with an error naming BAAS_CONFIRM, nothing sent', async () => {
    h = await startHarness({ confirmPolicy: 'ask' });
    const error = errorOf(await h.call('send_sms', { recipients: two, message: 'hi' }));
    assert.deepEqual([error.code, error.outcome], ['CONFIRMATION_REQUIRED', 'not_sent']);
    assert.match(error.hint, /BAAS_CONFIRM=off/);
    assert.equal(livePosts(), 0);
    assert.equal(h.runtime.ledger.list({}).entries.length, 0);
  });

  it('without elicitation and BAAS_CONFIRM=off: sent within the guard', async () => {
    h = await startHarness({ confirmPolicy: 'off' });
    structured(await h.call('send_sms', { recipients: two, message: 'hi' }));
    assert.equal(h.emulator.committedSends(), 1);
    await h.close();
    h = await startHarness({ confirmPolicy: 'off', settings: { guard: { liveSendingEnabled: true, maxRecipientsPerSend: 1, maxSendsPerMinute: 10, maxRecipientsPerDay: 100, allowList: [] } } });
    assert.equal(errorOf(await h.call('send_sms', { recipients: two, message: 'hi' })).code, 'SPEND_LIMIT_EXCEEDED');
    assert.equal(h.emulator.committedSends(), 0);
  });

  it('the VS Code modal stays the gate when the host provides one: no elicitation is made', async () => {
    const asked = await withAnswer({ action: 'accept', content: { confirm: true } }, { confirm: () => Promise.resolve(false) });
    assert.equal(errorOf(await h.call('send_sms', { recipients: two, message: 'hi' })).code, 'CONFIRMATION_DECLINED');
    assert.equal(asked.length, 0);
  });

  it('formValidator checks a flat form as the spec defines it', () => {
    const check = formValidator.getValidator({ type: 'object', properties: { confirm: { type: 'boolean' }, n: { type: 'integer', minimum: 1 }, s: { type: 'string', enum: ['a', 'b'] } }, required: ['confirm'] });
    assert.equal(check({ confirm: true }).valid, true);
    assert.equal(check({ confirm: true, n: 2, s: 'a' }).valid, true);
    for (const bad of [{}, { confirm: 'yes' }, { confirm: true, n: 0 }, { confirm: true, n: 1.5 }, { confirm: true, s: 'c' }, { confirm: true, extra: 1 }, null, []]) {
      assert.equal(check(bad).valid, false, JSON.stringify(bad));
    }
  });
});
