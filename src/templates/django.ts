// Django integration: one views module per use case, each with its own urlpatterns (include() it);
// the key, the API calls and the rules live in baas_sms.py (pythonCore.ts).
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab, verbatim } from './snippetBody';

const common = { framework: 'django', language: 'python', requires: ['python-core'] } as const;

// Shared by the three modules: the JSON answer for a call that returns a dict or raises SmsError.
const ANSWER = `def _answer(call) -> JsonResponse:
    try:
        return JsonResponse(call())
    except SmsError as error:
        return JsonResponse(error.as_json(), status=error.status, json_dumps_params={"ensure_ascii": False})`;

export const djangoOtp: IntegrationTemplate = {
  ...common,
  id: 'django-otp',
  useCase: 'verification',
  fileName: 'sms/otp_views.py',
  title: 'Django verification code views (Python)',
  titleKo: 'Django 인증번호 뷰 (Python)',
  description: 'POST /api/otp/send texts a 6-digit code (secrets module, stored as an HMAC with an expiry, resend cooldown per number); POST /api/otp/verify checks it with hmac.compare_digest and an attempt limit.',
  descriptionKo: 'POST /api/otp/send는 6자리 인증번호(secrets 모듈, HMAC으로 저장, 만료 시간, 번호별 재발송 대기)를 보내고, POST /api/otp/verify는 hmac.compare_digest와 시도 횟수 제한으로 확인합니다.',
  prefix: 'baas-django-otp',
  body: snippet`"""BaaS SMS for Django: verification codes. In your urls.py: path("", include("sms.otp_views")).
The code goes only into the SMS: it is never logged and never returned to the browser.
Django checks CSRF on these POSTs: the browser sends the csrftoken cookie back as X-CSRFToken."""
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

from .baas_sms import SmsError, check_verification_code, read_json, send_verification_code


${verbatim(ANSWER)}


@require_POST
def send_code(request: HttpRequest) -> JsonResponse:
    payload = read_json(request.body)
    # member_code names the recipient in your BaaS project: use request.user's id when signed in.
    member_code = str(payload.get("memberCode") or "${tab(1, 'guest')}")
    return _answer(lambda: send_verification_code(payload.get("phone"), member_code))


@require_POST
def verify_code(request: HttpRequest) -> JsonResponse:
    payload = read_json(request.body)
    # On success, sign the user in or mark the number verified in request.session here.
    return _answer(lambda: check_verification_code(payload.get("phone"), payload.get("code")))


urlpatterns = [
    path("api/otp/send", send_code),
    path("api/otp/verify", verify_code),
]
`,
};

export const djangoOrder: IntegrationTemplate = {
  ...common,
  id: 'django-order',
  useCase: 'order_notification',
  fileName: 'sms/order_views.py',
  title: 'Django order notification view (Python)',
  titleKo: 'Django 주문 알림 뷰 (Python)',
  description: 'POST /api/orders/notify: an SMS when an order is created, an MMS with a subject and the product image when it ships; or call notify_order() from your own order code.',
  descriptionKo: 'POST /api/orders/notify: 주문 접수 시 SMS, 배송 시작 시 제목과 상품 이미지가 있는 MMS를 보냅니다. 주문 코드에서 notify_order()를 직접 불러도 됩니다.',
  prefix: 'baas-django-order',
  body: snippet`"""BaaS SMS for Django: order notifications. In your urls.py: path("", include("sms.order_views")).
{"event": "created"} -> SMS; {"event": "shipped", "imageUrl", "trackingNumber"} -> MMS with subject and image.
Calling notify_order(...) straight from your order code (a signal, a task) works too."""
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .baas_sms import SmsError, notify_order, read_json


${verbatim(ANSWER)}


# Server-to-server, so no CSRF cookie: protect it (${tab(1, 'an internal network or a shared secret header')}) instead.
@csrf_exempt
@require_POST
def order_notify(request: HttpRequest) -> JsonResponse:
    payload = read_json(request.body)
    return _answer(lambda: notify_order(payload))


urlpatterns = [path("api/orders/notify", order_notify)]
`,
};

export const djangoCampaign: IntegrationTemplate = {
  ...common,
  id: 'django-campaign',
  useCase: 'campaign',
  fileName: 'sms/campaign_views.py',
  title: 'Django campaign preview and send views (Python)',
  titleKo: 'Django 캠페인 미리보기·발송 뷰 (Python)',
  description: 'POST /api/campaign/preview reports bytes, SMS/LMS/MMS type, estimated cost and the advertising-law check; POST /api/campaign/send sends only what was previewed (same previewId) and passed.',
  descriptionKo: 'POST /api/campaign/preview는 바이트 수, SMS/LMS/MMS 유형, 예상 비용, 광고 규정 점검 결과를 알려 주고, POST /api/campaign/send는 미리 본 그대로(같은 previewId)이고 점검을 통과한 것만 보냅니다.',
  prefix: 'baas-django-campaign',
  body: snippet`"""BaaS SMS for Django: the campaign form's endpoints. In your urls.py: path("", include("sms.campaign_views"))."""
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

from .baas_sms import SmsError, preview_campaign, read_json, send_campaign


${verbatim(ANSWER)}


# Only your admins may preview or send campaigns: add ${tab(1, '@staff_member_required (django.contrib.admin.views.decorators)')}.
@require_POST
def campaign_preview(request: HttpRequest) -> JsonResponse:
    payload = read_json(request.body)
    return _answer(lambda: preview_campaign(payload))


@require_POST
def campaign_send(request: HttpRequest) -> JsonResponse:
    payload = read_json(request.body)
    return _answer(lambda: send_campaign(payload))


urlpatterns = [
    path("api/campaign/preview", campaign_preview),
    path("api/campaign/send", campaign_send),
]
`,
};
