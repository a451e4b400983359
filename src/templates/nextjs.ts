// Next.js (App Router) integration: route handlers per use case and server actions for verification,
// all over the shared Node core (lib/baasSms.ts), which keeps the key on the server. Node.js runtime
// only: the core uses node:crypto.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

const common = { framework: 'nextjs', language: 'typescript', requires: ['node-core-ts'] } as const;

export const nextjsOtpRoute: IntegrationTemplate = {
  ...common,
  id: 'nextjs-otp-route',
  useCase: 'verification',
  fileName: 'app/api/otp/[action]/route.ts',
  title: 'Next.js verification code route handlers (App Router)',
  titleKo: 'Next.js 인증번호 라우트 핸들러 (App Router)',
  description: 'POST /api/otp/send texts a 6-digit code (CSPRNG, stored as an HMAC with an expiry, resend cooldown per number); POST /api/otp/verify checks it in constant time with an attempt limit.',
  descriptionKo: 'POST /api/otp/send는 6자리 인증번호(CSPRNG, HMAC으로 저장, 만료 시간, 번호별 재발송 대기)를 보내고, POST /api/otp/verify는 시도 횟수 제한과 함께 상수 시간으로 확인합니다.',
  prefix: 'baas-nextjs-otp-route',
  body: snippet`// BaaS SMS for Next.js: POST /api/otp/send and POST /api/otp/verify (app/api/otp/[action]/route.ts).
// The code goes only into the SMS: it is never logged and never returned to the browser.
import { checkVerificationCode, failure, httpAnswer, sendVerificationCode } from '../../../../lib/baasSms';

export const runtime = 'nodejs';

export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  const body = (await request.json().catch(() => ({}))) as { phone?: unknown; code?: unknown; memberCode?: unknown };
  // member_code names the recipient in your BaaS project: use your signed-in user's id when there is one.
  const memberCode = typeof body.memberCode === 'string' && body.memberCode ? body.memberCode : '${tab(1, 'guest')}';
  const result = action === 'send'
    ? await sendVerificationCode(body.phone, memberCode)
    : action === 'verify'
      ? checkVerificationCode(body.phone, body.code) // on success, sign the user in or mark the number verified here
      : failure(404, 'NOT_FOUND', 'Unknown action.');
  const { status, body: answer } = httpAnswer(result);
  return Response.json(answer, { status });
}
`,
};

export const nextjsOtpAction: IntegrationTemplate = {
  ...common,
  id: 'nextjs-otp-action',
  useCase: 'verification',
  fileName: 'app/otp/actions.ts',
  title: 'Next.js verification code server actions',
  titleKo: 'Next.js 인증번호 서버 액션',
  description: 'Server actions sendCodeAction(phone) and verifyCodeAction(phone, code) for a client component to call instead of fetch: same rules (CSPRNG code, HMAC storage, expiry, attempt limit, cooldown), answers { ok, code, message }.',
  descriptionKo: '클라이언트 컴포넌트가 fetch 대신 부르는 서버 액션 sendCodeAction(phone), verifyCodeAction(phone, code)입니다. 규칙은 같고(CSPRNG 인증번호, HMAC 저장, 만료, 시도 제한, 재발송 대기) { ok, code, message }로 답합니다.',
  prefix: 'baas-nextjs-otp-action',
  body: snippet`'use server';
// BaaS SMS for Next.js: verification codes as server actions (app/otp/actions.ts). From a client
// component: const answer = await sendCodeAction(phone); then verifyCodeAction(phone, code).
// They run on the server only; the key and the codes never reach the browser. \`next dev\` logs every
// action's arguments (here a phone number and a code): turn that off in next.config with
// logging: { serverFunctions: false }.
import { checkVerificationCode, httpAnswer, sendVerificationCode } from '../../lib/baasSms';

export type OtpAnswer = { ok: boolean; code?: string; message?: string; retryAfterSeconds?: number; attemptsLeft?: number; expiresInSeconds?: number };

export async function sendCodeAction(phone: string): Promise<OtpAnswer> {
  // member_code names the recipient in your BaaS project: read your signed-in user's id from the session here.
  return httpAnswer(await sendVerificationCode(phone, '${tab(1, 'guest')}')).body as OtpAnswer;
}

export async function verifyCodeAction(phone: string, code: string): Promise<OtpAnswer> {
  // On success, sign the user in or mark the number verified (cookies(), your session) here.
  return httpAnswer(checkVerificationCode(phone, code)).body as OtpAnswer;
}
`,
};

export const nextjsOrderRoute: IntegrationTemplate = {
  ...common,
  id: 'nextjs-order-route',
  useCase: 'order_notification',
  fileName: 'app/api/orders/notify/route.ts',
  title: 'Next.js order notification route handler (App Router)',
  titleKo: 'Next.js 주문 알림 라우트 핸들러 (App Router)',
  description: 'POST /api/orders/notify: an SMS when an order is created, an MMS with a subject and the product image when it ships. Call it from your order service (it is not for browsers).',
  descriptionKo: 'POST /api/orders/notify: 주문 접수 시 SMS, 배송 시작 시 제목과 상품 이미지가 있는 MMS를 보냅니다. 주문 서비스에서 호출하세요(브라우저용이 아닙니다).',
  prefix: 'baas-nextjs-order-route',
  body: snippet`// BaaS SMS for Next.js: POST /api/orders/notify (app/api/orders/notify/route.ts).
// { event: 'created' } → SMS; { event: 'shipped', imageUrl, trackingNumber } → MMS with a subject and image.
import { httpAnswer, notifyOrder, type OrderEvent } from '../../../../lib/baasSms';

export const runtime = 'nodejs';

// Server-to-server: protect it (${tab(1, 'check a shared secret header here')}) so nobody else can text your customers.
export async function POST(request: Request) {
  const body = (await request.json().catch(() => ({}))) as OrderEvent;
  const { status, body: answer } = httpAnswer(await notifyOrder(body));
  return Response.json(answer, { status });
}
`,
};

export const nextjsCampaignRoute: IntegrationTemplate = {
  ...common,
  id: 'nextjs-campaign-route',
  useCase: 'campaign',
  fileName: 'app/api/campaign/[action]/route.ts',
  title: 'Next.js campaign preview and send route handlers (App Router)',
  titleKo: 'Next.js 캠페인 미리보기·발송 라우트 핸들러 (App Router)',
  description: 'POST /api/campaign/preview reports bytes, SMS/LMS/MMS type, estimated cost and the advertising-law check; POST /api/campaign/send sends only what was previewed (same previewId) and passed.',
  descriptionKo: 'POST /api/campaign/preview는 바이트 수, SMS/LMS/MMS 유형, 예상 비용, 광고 규정 점검 결과를 알려 주고, POST /api/campaign/send는 미리 본 그대로(같은 previewId)이고 점검을 통과한 것만 보냅니다.',
  prefix: 'baas-nextjs-campaign-route',
  body: snippet`// BaaS SMS for Next.js: POST /api/campaign/preview and /api/campaign/send (app/api/campaign/[action]/route.ts).
import { failure, httpAnswer, previewCampaign, sendCampaign, type CampaignInput } from '../../../../lib/baasSms';

export const runtime = 'nodejs';

export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  // Only your admins may preview or send campaigns: ${tab(1, 'check the admin session here and answer 403 otherwise')}.
  const { action } = await params;
  const body = (await request.json().catch(() => ({}))) as CampaignInput & { previewId?: unknown };
  const result = action === 'preview' ? previewCampaign(body) : action === 'send' ? await sendCampaign(body) : failure(404, 'NOT_FOUND', 'Unknown action.');
  const { status, body: answer } = httpAnswer(result);
  return Response.json(answer, { status });
}
`,
};
