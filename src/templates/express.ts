// Express integration (TypeScript; the JavaScript copies are generated from these): one router per use
// case, each only routing: the key, the API calls and the rules live in lib/baasSms (nodeCore.ts).
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

const common = { framework: 'express', language: 'typescript', requires: ['node-core-ts'], javascriptCopy: true } as const;

export const expressOtpTs: IntegrationTemplate = {
  ...common,
  id: 'express-otp-ts',
  useCase: 'verification',
  fileName: 'routes/otp.ts',
  title: 'Express verification code routes (TypeScript)',
  titleKo: 'Express 인증번호 라우트 (TypeScript)',
  description: 'POST /api/otp/send texts a 6-digit code (CSPRNG, stored as an HMAC with an expiry, resend cooldown per number); POST /api/otp/verify checks it in constant time with an attempt limit.',
  descriptionKo: 'POST /api/otp/send는 6자리 인증번호(CSPRNG, HMAC으로 저장, 만료 시간, 번호별 재발송 대기)를 보내고, POST /api/otp/verify는 시도 횟수 제한과 함께 상수 시간으로 확인합니다.',
  prefix: 'baas-express-otp-ts',
  body: snippet`// BaaS SMS for Express: verification codes. Mount with app.use(express.json(), otpRouter).
// The code goes only into the SMS: it is never logged and never returned to the browser.
import { Router } from 'express';
import { checkVerificationCode, httpAnswer, sendVerificationCode } from '../lib/baasSms.js';

export const otpRouter = Router();

otpRouter.post('/api/otp/send', async (req, res) => {
  // member_code names the recipient in your BaaS project: use your signed-in user's id when there is one.
  const memberCode = typeof req.body?.memberCode === 'string' && req.body.memberCode ? req.body.memberCode : '${tab(1, 'guest')}';
  const { status, body } = httpAnswer(await sendVerificationCode(req.body?.phone, memberCode));
  res.status(status).json(body);
});

otpRouter.post('/api/otp/verify', (req, res) => {
  const result = checkVerificationCode(req.body?.phone, req.body?.code);
  // On success, sign the user in or mark the number verified in your session here.
  const { status, body } = httpAnswer(result);
  res.status(status).json(body);
});
`,
};

export const expressOrderTs: IntegrationTemplate = {
  ...common,
  id: 'express-order-ts',
  useCase: 'order_notification',
  fileName: 'routes/orders.ts',
  title: 'Express order notification route (TypeScript)',
  titleKo: 'Express 주문 알림 라우트 (TypeScript)',
  description: 'POST /api/orders/notify: an SMS when an order is created, an MMS with a subject and the product image when it ships. Call it from your order service (it is not for browsers).',
  descriptionKo: 'POST /api/orders/notify: 주문 접수 시 SMS, 배송 시작 시 제목과 상품 이미지가 있는 MMS를 보냅니다. 주문 서비스에서 호출하세요(브라우저용이 아닙니다).',
  prefix: 'baas-express-order-ts',
  body: snippet`// BaaS SMS for Express: order notifications. Mount with app.use(express.json(), ordersRouter).
// { event: 'created' } → SMS; { event: 'shipped', imageUrl, trackingNumber } → MMS with a subject and image.
import { Router } from 'express';
import { httpAnswer, notifyOrder } from '../lib/baasSms.js';

export const ordersRouter = Router();

// Server-to-server: protect it (${tab(1, 'an internal network or a shared secret header')}) so nobody else can text your customers.
ordersRouter.post('/api/orders/notify', async (req, res) => {
  const { status, body } = httpAnswer(await notifyOrder(req.body ?? {}));
  res.status(status).json(body);
});
`,
};

export const expressCampaignTs: IntegrationTemplate = {
  ...common,
  id: 'express-campaign-ts',
  useCase: 'campaign',
  fileName: 'routes/campaign.ts',
  title: 'Express campaign preview and send routes (TypeScript)',
  titleKo: 'Express 캠페인 미리보기·발송 라우트 (TypeScript)',
  description: 'POST /api/campaign/preview reports bytes, SMS/LMS/MMS type, estimated cost and the advertising-law check; POST /api/campaign/send sends only what was previewed (same previewId) and passed.',
  descriptionKo: 'POST /api/campaign/preview는 바이트 수, SMS/LMS/MMS 유형, 예상 비용, 광고 규정 점검 결과를 알려 주고, POST /api/campaign/send는 미리 본 그대로(같은 previewId)이고 점검을 통과한 것만 보냅니다.',
  prefix: 'baas-express-campaign-ts',
  body: snippet`// BaaS SMS for Express: the campaign form's endpoints. Mount with app.use(express.json(), campaignRouter).
import { Router, type RequestHandler } from 'express';
import { httpAnswer, previewCampaign, sendCampaign } from '../lib/baasSms.js';

export const campaignRouter = Router();

// Only your admins may preview or send campaigns: replace this with your own auth check.
const requireAdmin: RequestHandler = (_req, _res, next) => {
  // ${tab(1, 'Check your admin session here and answer 403 when it is not one.')}
  next();
};

campaignRouter.post('/api/campaign/preview', requireAdmin, (req, res) => {
  const { status, body } = httpAnswer(previewCampaign(req.body ?? {}));
  res.status(status).json(body);
});

campaignRouter.post('/api/campaign/send', requireAdmin, async (req, res) => {
  const { status, body } = httpAnswer(await sendCampaign(req.body ?? {}));
  res.status(status).json(body);
});
`,
};
