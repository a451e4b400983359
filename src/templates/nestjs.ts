// NestJS integration: one injectable service over the shared Node core, and per use case a module with
// its controller. Injection is explicit (@Inject) so it works with tsc, SWC and esbuild builds alike.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

const common = { framework: 'nestjs', language: 'typescript' } as const;
const useCaseRequires = ['nestjs-service', 'node-core-ts'];

export const nestjsService: IntegrationTemplate = {
  ...common,
  id: 'nestjs-service',
  useCase: 'core',
  fileName: 'sms/baas-sms.service.ts',
  requires: ['node-core-ts'],
  title: 'NestJS BaaS SMS service (TypeScript)',
  titleKo: 'NestJS BaaS SMS 서비스 (TypeScript)',
  description: 'An injectable BaasSmsService over lib/baasSms (key from the environment, both auth headers, stable error codes) whose results become HttpExceptions with the documented codes.',
  descriptionKo: 'lib/baasSms 위의 주입 가능한 BaasSmsService입니다(키는 환경 변수에서, 두 인증 헤더, 고정 오류 코드). 실패는 문서의 코드를 담은 HttpException이 됩니다.',
  prefix: 'baas-nestjs-service',
  body: snippet`// BaaS SMS for NestJS: the service the controllers inject. The key stays in lib/baasSms (env BAAS_API_KEY).
import { HttpException, Injectable } from '@nestjs/common';
import * as baasSms from '../lib/baasSms.js';

@Injectable()
export class BaasSmsService {
  readonly sendVerificationCode = baasSms.sendVerificationCode;
  readonly checkVerificationCode = baasSms.checkVerificationCode;
  readonly notifyOrder = baasSms.notifyOrder;
  readonly previewCampaign = baasSms.previewCampaign;
  readonly sendCampaign = baasSms.sendCampaign;

  /** The body to answer with, or an HttpException carrying { ok: false, code, message } and its status. */
  answer(result: baasSms.SmsResult<object>): Record<string, unknown> {
    const { status, body } = baasSms.httpAnswer(result);
    if (status !== 200) throw new HttpException(body, status);
    return body;
  }

  // ${tab(1, 'Your own SMS helpers (e.g. looking up a user\'s number) can live here too.')}
}
`,
};

export const nestjsOtp: IntegrationTemplate = {
  ...common,
  id: 'nestjs-otp',
  useCase: 'verification',
  fileName: 'sms/otp.module.ts',
  requires: useCaseRequires,
  title: 'NestJS verification code module and controller (TypeScript)',
  titleKo: 'NestJS 인증번호 모듈과 컨트롤러 (TypeScript)',
  description: 'OtpModule with OtpController: POST /api/otp/send texts a 6-digit code (CSPRNG, stored as an HMAC with an expiry, resend cooldown per number); POST /api/otp/verify checks it in constant time with an attempt limit.',
  descriptionKo: 'OtpModule과 OtpController: POST /api/otp/send는 6자리 인증번호(CSPRNG, HMAC으로 저장, 만료 시간, 번호별 재발송 대기)를 보내고, POST /api/otp/verify는 시도 횟수 제한과 함께 상수 시간으로 확인합니다.',
  prefix: 'baas-nestjs-otp',
  body: snippet`// BaaS SMS for NestJS: verification codes. Add OtpModule to your AppModule's imports.
// The code goes only into the SMS: it is never logged and never returned to the browser.
import { Body, Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { BaasSmsService } from './baas-sms.service.js';

type OtpBody = { phone?: unknown; code?: unknown; memberCode?: unknown };

@Controller('api/otp')
export class OtpController {
  constructor(@Inject(BaasSmsService) private readonly sms: BaasSmsService) {}

  @Post('send')
  @HttpCode(200)
  async send(@Body() body: OtpBody = {}) {
    // member_code names the recipient in your BaaS project: use your signed-in user's id when there is one.
    const memberCode = typeof body.memberCode === 'string' && body.memberCode ? body.memberCode : '${tab(1, 'guest')}';
    return this.sms.answer(await this.sms.sendVerificationCode(body.phone, memberCode));
  }

  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: OtpBody = {}) {
    // On success, sign the user in or mark the number verified in your session here.
    return this.sms.answer(this.sms.checkVerificationCode(body.phone, body.code));
  }
}

@Module({ controllers: [OtpController], providers: [BaasSmsService] })
export class OtpModule {}
`,
};

export const nestjsOrder: IntegrationTemplate = {
  ...common,
  id: 'nestjs-order',
  useCase: 'order_notification',
  fileName: 'sms/orders.module.ts',
  requires: useCaseRequires,
  title: 'NestJS order notification module and controller (TypeScript)',
  titleKo: 'NestJS 주문 알림 모듈과 컨트롤러 (TypeScript)',
  description: 'OrdersModule with OrdersController: POST /api/orders/notify sends an SMS when an order is created and an MMS with a subject and the product image when it ships; or inject BaasSmsService in your order service.',
  descriptionKo: 'OrdersModule과 OrdersController: POST /api/orders/notify는 주문 접수 시 SMS, 배송 시작 시 제목과 상품 이미지가 있는 MMS를 보냅니다. 주문 서비스에 BaasSmsService를 주입해 써도 됩니다.',
  prefix: 'baas-nestjs-order',
  body: snippet`// BaaS SMS for NestJS: order notifications. Add OrdersModule to your AppModule's imports.
// { event: 'created' } → SMS; { event: 'shipped', imageUrl, trackingNumber } → MMS with a subject and image.
import { Body, Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import type { OrderEvent } from '../lib/baasSms.js';
import { BaasSmsService } from './baas-sms.service.js';

// Server-to-server: protect it (${tab(1, 'a guard checking a shared secret header')}) so nobody else can text your customers.
@Controller('api/orders')
export class OrdersController {
  constructor(@Inject(BaasSmsService) private readonly sms: BaasSmsService) {}

  @Post('notify')
  @HttpCode(200)
  async notify(@Body() body: OrderEvent = {}) {
    return this.sms.answer(await this.sms.notifyOrder(body));
  }
}

@Module({ controllers: [OrdersController], providers: [BaasSmsService] })
export class OrdersModule {}
`,
};

export const nestjsCampaign: IntegrationTemplate = {
  ...common,
  id: 'nestjs-campaign',
  useCase: 'campaign',
  fileName: 'sms/campaign.module.ts',
  requires: useCaseRequires,
  title: 'NestJS campaign preview and send module and controller (TypeScript)',
  titleKo: 'NestJS 캠페인 미리보기·발송 모듈과 컨트롤러 (TypeScript)',
  description: 'CampaignModule with CampaignController: POST /api/campaign/preview reports bytes, SMS/LMS/MMS type, estimated cost and the advertising-law check; POST /api/campaign/send sends only what was previewed (same previewId) and passed.',
  descriptionKo: 'CampaignModule과 CampaignController: POST /api/campaign/preview는 바이트 수, SMS/LMS/MMS 유형, 예상 비용, 광고 규정 점검 결과를 알려 주고, POST /api/campaign/send는 미리 본 그대로(같은 previewId)이고 점검을 통과한 것만 보냅니다.',
  prefix: 'baas-nestjs-campaign',
  body: snippet`// BaaS SMS for NestJS: the campaign form's endpoints. Add CampaignModule to your AppModule's imports.
import { Body, Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import type { CampaignInput } from '../lib/baasSms.js';
import { BaasSmsService } from './baas-sms.service.js';

// Only your admins may preview or send campaigns: ${tab(1, 'add @UseGuards(AdminGuard)')}.
@Controller('api/campaign')
export class CampaignController {
  constructor(@Inject(BaasSmsService) private readonly sms: BaasSmsService) {}

  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: CampaignInput = {}) {
    return this.sms.answer(this.sms.previewCampaign(body));
  }

  @Post('send')
  @HttpCode(200)
  async send(@Body() body: CampaignInput & { previewId?: unknown } = {}) {
    return this.sms.answer(await this.sms.sendCampaign(body));
  }
}

@Module({ controllers: [CampaignController], providers: [BaasSmsService] })
export class CampaignModule {}
`,
};
