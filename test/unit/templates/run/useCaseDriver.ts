// The three use cases, driven over HTTP against a template app running in its real framework, with the
// emulator as the BaaS API. Every server framework gets the same suite, so they all keep one contract.
import assert from 'node:assert/strict';
import { startEmulator, type BaasEmulator, type EmulatorRequestRecord } from '../../../../src/emulator/emulator';
import { measureText } from '../../../../src/messaging/bytes';
import type { RunningApp } from './runningApp';

export const KEY = 'sk-live-TEMPLATE-SECRET-5d1e9a';
export const PROJECT = '6f1d2c3b-0000-4000-8000-0000000000aa';
const CALLBACK = '02-1234-5678';
// Django checks CSRF on browser POSTs; any 32-character token works when cookie and header agree.
const CSRF = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

/** The environment a template app runs with: short OTP timings so expiry and cooldown are testable. */
export function appEnvironment(emulator: BaasEmulator): NodeJS.ProcessEnv {
  return {
    ...process.env,
    BAAS_API_BASE_URL: `${emulator.url}/`, // a trailing slash must be tolerated
    BAAS_API_KEY: KEY,
    PROJECT_ID: PROJECT,
    BAAS_CALLBACK_NUMBER: CALLBACK,
    OTP_TTL_SECONDS: '2',
    OTP_MAX_ATTEMPTS: '3',
    // 1.5 s: a loaded machine still gets the second send in well inside it; 2 (the rounded-up wait) is what it answers.
    OTP_RESEND_COOLDOWN_SECONDS: '1.5',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
  };
}

export interface Answer { status: number; json: Record<string, unknown> }

export async function post(app: RunningApp, path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `csrftoken=${CSRF}`, 'x-csrftoken': CSRF },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(!text.includes(KEY), `${path}: the API key reached the client`);
  try {
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown> };
  } catch {
    throw new Error(`${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`);
  }
}

/** One send reached the emulator with both auth headers (it keeps them redacted), an idempotency key and the project. */
export function assertSendHeaders(request: EmulatorRequestRecord): void {
  assert.equal(request.headers['x-api-key'], '[REDACTED]', 'X-API-KEY header missing');
  assert.equal(request.headers.authorization, 'Bearer [REDACTED]', 'Authorization: Bearer header missing');
  assert.match(request.headers['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
  const body = request.body as Record<string, unknown>;
  assert.deepEqual([body.project_id, body.callback_number], [PROJECT, CALLBACK]);
}

/** Nothing the app printed holds the key, a full phone number or any code sent. */
export function assertLogsClean(output: string, codes: readonly string[]): void {
  assert.ok(!output.includes(KEY), 'the API key was logged');
  const phone = /010-?\d{4}-?\d{4}/.exec(output);
  assert.equal(phone, null, `a full phone number was logged: ${phone?.[0]}`);
  for (const code of codes) assert.ok(!new RegExp(`(?<!\\d)${code}(?!\\d)`).test(output), `verification code ${code} was logged`);
}

function sendsTo(emulator: BaasEmulator, phone: string): EmulatorRequestRecord[] {
  return emulator.requests.filter((r) => r.method === 'POST' && JSON.stringify(r.body).includes(phone));
}

export function codeSentTo(emulator: BaasEmulator, phone: string): string {
  const sends = sendsTo(emulator, phone);
  const message = String((sends.at(-1)?.body as { message?: string } | undefined)?.message ?? '');
  const code = /(?<!\d)(\d{6})(?!\d)/.exec(message)?.[1];
  assert.ok(code, `no 6-digit code in the SMS to ${phone}: ${message}`);
  return code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers the use-case suite. `start` starts the app once (frameworks are slow to boot); every case
 * reuses it. `useCases` leaves out what a framework's templates do not offer.
 */
export interface UseCaseContext {
  app: RunningApp;
  emulator: BaasEmulator;
  /** Codes sent so far: none may show up in the app's output. */
  codes: string[];
}

export function describeUseCases(
  title: string,
  start: (env: NodeJS.ProcessEnv) => Promise<RunningApp>,
  startTimeoutMs = 120_000,
  extraCases?: (context: () => UseCaseContext) => void,
): void {
  describe(title, function () {
    // Generous: Next.js compiles each route on its first request, which a busy 2-core machine makes slow.
    this.timeout(90_000);
    let emulator: BaasEmulator;
    let app: RunningApp;
    const codes: string[] = [];
    let expiringSentAt = 0;

    before(async function () {
      this.timeout(startTimeoutMs);
      emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 50 });
      app = await start(appEnvironment(emulator));
      // Sent first so its lifetime runs out while the other cases run: the expiry case then waits less.
      const sent = await post(app, '/api/otp/send', { phone: '010-5555-0004', memberCode: 'user-4' });
      assert.equal(sent.status, 200, JSON.stringify(sent.json));
      expiringSentAt = Date.now();
      codes.push(codeSentTo(emulator, '010-5555-0004'));
    });
    after(async () => {
      await app?.stop();
      await emulator?.close();
    });

    it('verification: send, wrong code, right code (once), over SMS with both auth headers', async () => {
      const sent = await post(app, '/api/otp/send', { phone: '+82 10-5555-0001', memberCode: 'user-1' });
      assert.deepEqual([sent.status, sent.json.ok, sent.json.expiresInSeconds], [200, true, 2]);
      assert.ok(!JSON.stringify(sent.json).match(/\d{6}/), 'the code reached the client');
      const [request] = sendsTo(emulator, '010-5555-0001');
      assert.deepEqual([request.path, (request.body as { channel_id: number }).channel_id], ['/message/sms', 1]);
      assertSendHeaders(request);
      assert.deepEqual((request.body as { recipients: unknown }).recipients, [{ phone_number: '010-5555-0001', member_code: 'user-1' }]);
      const code = codeSentTo(emulator, '010-5555-0001');
      codes.push(code);
      const wrong = code === '000000' ? '000001' : '000000';
      const mismatch = await post(app, '/api/otp/verify', { phone: '01055550001', code: wrong });
      assert.deepEqual([mismatch.status, mismatch.json.code, mismatch.json.attemptsLeft], [400, 'OTP_MISMATCH', 2]);
      const right = await post(app, '/api/otp/verify', { phone: '010-5555-0001', code });
      assert.deepEqual([right.status, right.json], [200, { ok: true, verified: true }]);
      const again = await post(app, '/api/otp/verify', { phone: '010-5555-0001', code });
      assert.deepEqual([again.status, again.json.code], [400, 'OTP_NOT_FOUND']);
    });

    it('verification: a bad number is refused without calling the API', async () => {
      const before = emulator.requests.length;
      const bad = await post(app, '/api/otp/send', { phone: '02-123-4567' });
      assert.deepEqual([bad.status, bad.json.code], [400, 'INVALID_PHONE_NUMBER']);
      assert.equal(emulator.requests.length, before);
    });

    it('verification: the attempt limit ends the code, even the right one', async () => {
      await post(app, '/api/otp/send', { phone: '010-5555-0002', memberCode: 'user-2' });
      const code = codeSentTo(emulator, '010-5555-0002');
      codes.push(code);
      const wrong = code === '999999' ? '999998' : '999999';
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await post(app, '/api/otp/verify', { phone: '010-5555-0002', code: wrong }));
      assert.deepEqual(answers.map((a) => [a.status, a.json.code]), [[400, 'OTP_MISMATCH'], [400, 'OTP_MISMATCH'], [429, 'OTP_TOO_MANY_ATTEMPTS']]);
      const right = await post(app, '/api/otp/verify', { phone: '010-5555-0002', code });
      assert.deepEqual([right.status, right.json.code], [400, 'OTP_NOT_FOUND']);
    });

    it('verification: a resend within the cooldown is refused and sends nothing; after it, a new code', async () => {
      const first = await post(app, '/api/otp/send', { phone: '010-5555-0003', memberCode: 'user-3' });
      assert.equal(first.status, 200);
      codes.push(codeSentTo(emulator, '010-5555-0003'));
      const second = await post(app, '/api/otp/send', { phone: '010-5555-0003', memberCode: 'user-3' });
      assert.deepEqual([second.status, second.json.code, second.json.retryAfterSeconds], [429, 'OTP_COOLDOWN', 2]);
      assert.equal(sendsTo(emulator, '010-5555-0003').length, 1);
      await sleep(1600);
      const third = await post(app, '/api/otp/send', { phone: '010-5555-0003', memberCode: 'user-3' });
      assert.equal(third.status, 200, JSON.stringify(third.json));
      assert.equal(sendsTo(emulator, '010-5555-0003').length, 2);
      codes.push(codeSentTo(emulator, '010-5555-0003'));
    });

    it('verification: an expired code is refused', async () => {
      await sleep(Math.max(0, expiringSentAt + 2200 - Date.now()));
      const late = await post(app, '/api/otp/verify', { phone: '010-5555-0004', code: codes[0] });
      assert.deepEqual([late.status, late.json.code], [400, 'OTP_EXPIRED']);
    });

    it('verification: API failures map to the documented codes; a definite failure lifts the cooldown; an unknown outcome keeps the code', async () => {
      const cases: Array<[object, number, string]> = [
        [{ mode: 'status', status: 401, count: 1 }, 502, 'AUTHENTICATION_FAILED'],
        [{ mode: 'rate_limit', count: 1 }, 429, 'RATE_LIMITED'],
        [{ mode: 'status', status: 503, count: 1 }, 503, 'SERVICE_UNAVAILABLE'],
        [{ mode: 'status', status: 422, errorCode: 'RECIPIENT_NOT_FOUND', message: 'no such member', count: 1 }, 502, 'API_ERROR'],
      ];
      for (const [i, [fault, status, code]] of cases.entries()) {
        emulator.setFaults(fault as never);
        const failed = await post(app, '/api/otp/send', { phone: `010-5555-010${i}`, memberCode: 'user-9' });
        assert.deepEqual([failed.status, failed.json.code], [status, code], JSON.stringify(failed.json));
        if (code === 'API_ERROR') assert.deepEqual([failed.json.serverCode, failed.json.message], ['RECIPIENT_NOT_FOUND', 'no such member']);
      }
      const retried = await post(app, '/api/otp/send', { phone: '010-5555-0100', memberCode: 'user-9' });
      assert.equal(retried.status, 200, 'a definite failure must not leave a cooldown behind');
      codes.push(codeSentTo(emulator, '010-5555-0100'));
      // A 500 comes after the server committed the send: the outcome is unknown and nothing is retried.
      emulator.setFaults({ mode: 'status', status: 500, count: 1 });
      const before = emulator.requests.length;
      const unknown = await post(app, '/api/otp/send', { phone: '010-5555-0110', memberCode: 'user-9' });
      assert.deepEqual([unknown.status, unknown.json.code], [502, 'OUTCOME_UNKNOWN']);
      assert.equal(emulator.requests.length, before + 1, 'a send with an unknown outcome was retried');
      const unknownCode = codeSentTo(emulator, '010-5555-0110');
      codes.push(unknownCode);
      // The SMS did go out (the emulator committed it), so its code must still work.
      const verified = await post(app, '/api/otp/verify', { phone: '010-5555-0110', code: unknownCode });
      assert.deepEqual([verified.status, verified.json.verified], [200, true]);
    });

    it('order notification: SMS when created, then MMS with subject and image when shipped', async () => {
      const created = await post(app, '/api/orders/notify', { event: 'created', orderId: 'A-1001', phone: '010-5555-0201', memberCode: 'user-21' });
      assert.deepEqual([created.status, created.json.ok, created.json.type], [200, true, 'SMS'], JSON.stringify(created.json));
      const shipped = await post(app, '/api/orders/notify', {
        event: 'shipped', orderId: 'A-1001', phone: '010-5555-0201', memberCode: 'user-21', trackingNumber: '6543-2100', imageUrl: 'https://cdn.example.com/p/1001.jpg',
      });
      assert.deepEqual([shipped.status, shipped.json.type], [200, 'MMS'], JSON.stringify(shipped.json));
      const [sms, mms] = sendsTo(emulator, '010-5555-0201');
      assert.equal(sms.path, '/message/sms');
      assert.match(String((sms.body as { message: string }).message), /A-1001/);
      assert.equal(mms.path, '/message/mms');
      assertSendHeaders(mms);
      const body = mms.body as Record<string, unknown>;
      assert.deepEqual([body.channel_id, body.img_url_list], [3, ['https://cdn.example.com/p/1001.jpg']]);
      assert.match(String(body.subject), /배송/);
      assert.match(String(body.message), /6543-2100/);
      assert.equal(typeof shipped.json.groupId === 'number' || typeof shipped.json.groupId === 'string', true);
      const noImage = await post(app, '/api/orders/notify', { event: 'shipped', orderId: 'A-1002', phone: '010-5555-0202', memberCode: 'u', imageUrl: 'http://x/a.jpg' });
      assert.deepEqual([noImage.status, noImage.json.code], [400, 'INVALID_IMAGE_URL']);
      assert.equal(sendsTo(emulator, '010-5555-0202').length, 0);
    });

    const goodAd = '(광고) 마이샵 봄 세일 20% 할인! 문의 02-1234-5678 무료수신거부 080-123-4567';
    const recipients = [
      { phone: '010-5555-0301', memberCode: 'm1' },
      { phone: '01055550302', memberCode: 'm2' },
      { phone: '010 5555 0301', memberCode: 'm1' }, // a duplicate once normalised
    ];

    it('campaign: the preview reports bytes, type, cost and the advertising check, and sends nothing', async () => {
      const before = emulator.requests.length;
      const bad = await post(app, '/api/campaign/preview', { message: '[광고] 세일! 😀', recipients });
      const preview = bad.json.preview as Record<string, unknown>;
      assert.equal(bad.status, 200, JSON.stringify(bad.json));
      assert.deepEqual([preview.recipients, preview.duplicatesDropped, preview.canSend], [2, 1, false]);
      assert.deepEqual(preview.unsendable, ['😀']);
      assert.deepEqual((preview.problems as string[]).sort(), ['ADVERTISING_RULES', 'UNSENDABLE_CHARACTERS']);
      assert.deepEqual((preview.advertising as { missing: string[] }).missing.filter((rule) => rule !== 'night_time'), ['prefix', 'opt_out', 'sender_contact']);
      const good = await post(app, '/api/campaign/preview', { message: goodAd, recipients, nightConsent: true });
      const ok = good.json.preview as Record<string, unknown>;
      // The byte count agrees with the product's own EUC-KR measure.
      assert.deepEqual([ok.bytes, ok.type, ok.costKrw, ok.canSend, ok.problems], [measureText(goodAd).bytes, 'SMS', 19.8, true, []]);
      const long = await post(app, '/api/campaign/preview', { message: '공지 '.repeat(40), recipients });
      assert.deepEqual([(long.json.preview as { type: string }).type, (long.json.preview as { costKrw: number }).costKrw], ['LMS', 60]);
      const mms = await post(app, '/api/campaign/preview', { message: '신상품 안내', subject: '신상품', imageUrls: ['https://cdn.example.com/a.jpg'], recipients });
      assert.deepEqual([(mms.json.preview as { type: string }).type, (mms.json.preview as { costKrw: number }).costKrw], ['MMS', 200]);
      assert.equal(emulator.requests.length, before, 'a preview sent something');
    });

    it('campaign: sends exactly what was previewed, once; refuses a changed or failing campaign', async () => {
      const previewed = await post(app, '/api/campaign/preview', { message: goodAd, recipients, nightConsent: true });
      const previewId = (previewed.json.preview as { previewId: string }).previewId;
      const changed = await post(app, '/api/campaign/send', { message: `${goodAd}!`, recipients, nightConsent: true, previewId });
      assert.deepEqual([changed.status, changed.json.code], [409, 'PREVIEW_MISMATCH']);
      const before = emulator.requests.length;
      const sent = await post(app, '/api/campaign/send', { message: goodAd, recipients, nightConsent: true, previewId });
      assert.deepEqual([sent.status, sent.json.ok], [200, true], JSON.stringify(sent.json));
      assert.equal(emulator.requests.length, before + 1);
      const request = emulator.requests.at(-1)!;
      assertSendHeaders(request);
      assert.deepEqual((request.body as { recipients: unknown }).recipients, [
        { phone_number: '010-5555-0301', member_code: 'm1' },
        { phone_number: '010-5555-0302', member_code: 'm2' },
      ]);
      const badAd = { message: '(광고) 세일', recipients, nightConsent: true };
      const badId = ((await post(app, '/api/campaign/preview', badAd)).json.preview as { previewId: string }).previewId;
      const refused = await post(app, '/api/campaign/send', { ...badAd, previewId: badId });
      assert.deepEqual([refused.status, refused.json.code], [400, 'ADVERTISING_RULES']);
      assert.equal(emulator.requests.length, before + 1, 'a failing campaign was sent');
    });

    extraCases?.(() => ({ app, emulator, codes }));

    it('logs: masked numbers only; never the key, a full number or a code', () => {
      assert.match(app.output(), /010-\*\*\*\*-0001/, 'the app logged nothing about sends: the check below would prove nothing');
      assertLogsClean(app.output(), codes);
    });
  });
}
