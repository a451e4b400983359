// FastAPI integration: one APIRouter per use case (app.include_router); the key, the API calls and the
// rules live in baas_sms.py (pythonCore.ts). Sync endpoints: FastAPI runs them in its thread pool.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab, verbatim } from './snippetBody';

const common = { framework: 'fastapi', language: 'python', requires: ['python-core'] } as const;

const ANSWER = `def _answer(call) -> JSONResponse:
    try:
        return JSONResponse(call())
    except SmsError as error:
        return JSONResponse(error.as_json(), status_code=error.status)`;

export const fastapiOtp: IntegrationTemplate = {
  ...common,
  id: 'fastapi-otp',
  useCase: 'verification',
  fileName: 'sms/otp_routes.py',
  title: 'FastAPI verification code routes (Python)',
  titleKo: 'FastAPI 인증번호 라우트 (Python)',
  description: 'POST /api/otp/send texts a 6-digit code (secrets module, stored as an HMAC with an expiry, resend cooldown per number); POST /api/otp/verify checks it with hmac.compare_digest and an attempt limit.',
  descriptionKo: 'POST /api/otp/send는 6자리 인증번호(secrets 모듈, HMAC으로 저장, 만료 시간, 번호별 재발송 대기)를 보내고, POST /api/otp/verify는 hmac.compare_digest와 시도 횟수 제한으로 확인합니다.',
  prefix: 'baas-fastapi-otp',
  body: snippet`"""BaaS SMS for FastAPI: verification codes. app.include_router(otp_router)
The code goes only into the SMS: it is never logged and never returned to the browser."""
from typing import Any, Dict

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from .baas_sms import SmsError, check_verification_code, send_verification_code

otp_router = APIRouter()


${verbatim(ANSWER)}


@otp_router.post("/api/otp/send")
def send_code(payload: Dict[str, Any] = Body(default={})) -> JSONResponse:
    # member_code names the recipient in your BaaS project: use your signed-in user's id when there is one.
    member_code = str(payload.get("memberCode") or "${tab(1, 'guest')}")
    return _answer(lambda: send_verification_code(payload.get("phone"), member_code))


@otp_router.post("/api/otp/verify")
def verify_code(payload: Dict[str, Any] = Body(default={})) -> JSONResponse:
    # On success, sign the user in or mark the number verified in your session here.
    return _answer(lambda: check_verification_code(payload.get("phone"), payload.get("code")))
`,
};

export const fastapiOrder: IntegrationTemplate = {
  ...common,
  id: 'fastapi-order',
  useCase: 'order_notification',
  fileName: 'sms/order_routes.py',
  title: 'FastAPI order notification route (Python)',
  titleKo: 'FastAPI 주문 알림 라우트 (Python)',
  description: 'POST /api/orders/notify: an SMS when an order is created, an MMS with a subject and the product image when it ships; or call notify_order() from your own order code.',
  descriptionKo: 'POST /api/orders/notify: 주문 접수 시 SMS, 배송 시작 시 제목과 상품 이미지가 있는 MMS를 보냅니다. 주문 코드에서 notify_order()를 직접 불러도 됩니다.',
  prefix: 'baas-fastapi-order',
  body: snippet`"""BaaS SMS for FastAPI: order notifications. app.include_router(order_router)
{"event": "created"} -> SMS; {"event": "shipped", "imageUrl", "trackingNumber"} -> MMS with subject and image."""
from typing import Any, Dict

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from .baas_sms import SmsError, notify_order

order_router = APIRouter()


${verbatim(ANSWER)}


# Server-to-server: protect it (${tab(1, 'an internal network or a shared secret header')}) so nobody else can text your customers.
@order_router.post("/api/orders/notify")
def order_notify(payload: Dict[str, Any] = Body(default={})) -> JSONResponse:
    return _answer(lambda: notify_order(payload))
`,
};

export const fastapiCampaign: IntegrationTemplate = {
  ...common,
  id: 'fastapi-campaign',
  useCase: 'campaign',
  fileName: 'sms/campaign_routes.py',
  title: 'FastAPI campaign preview and send routes (Python)',
  titleKo: 'FastAPI 캠페인 미리보기·발송 라우트 (Python)',
  description: 'POST /api/campaign/preview reports bytes, SMS/LMS/MMS type, estimated cost and the advertising-law check; POST /api/campaign/send sends only what was previewed (same previewId) and passed.',
  descriptionKo: 'POST /api/campaign/preview는 바이트 수, SMS/LMS/MMS 유형, 예상 비용, 광고 규정 점검 결과를 알려 주고, POST /api/campaign/send는 미리 본 그대로(같은 previewId)이고 점검을 통과한 것만 보냅니다.',
  prefix: 'baas-fastapi-campaign',
  body: snippet`"""BaaS SMS for FastAPI: the campaign form's endpoints. app.include_router(campaign_router)"""
from typing import Any, Dict

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse

from .baas_sms import SmsError, preview_campaign, send_campaign

# Only your admins may preview or send campaigns: ${tab(1, 'add dependencies=[Depends(require_admin)]')}.
campaign_router = APIRouter()


${verbatim(ANSWER)}


@campaign_router.post("/api/campaign/preview")
def campaign_preview(payload: Dict[str, Any] = Body(default={})) -> JSONResponse:
    return _answer(lambda: preview_campaign(payload))


@campaign_router.post("/api/campaign/send")
def campaign_send(payload: Dict[str, Any] = Body(default={})) -> JSONResponse:
    return _answer(lambda: send_campaign(payload))
`,
};
