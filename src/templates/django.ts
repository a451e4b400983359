// Django integration (Python): a standard-library send_sms() service and the views that use it; the key is
// read from the server's environment.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

export const djangoSms: IntegrationTemplate = {
  id: 'django-sms',
  framework: 'django',
  language: 'python',
  title: 'Django SMS service and views (Python)',
  titleKo: 'Django 문자 서비스와 뷰 (Python)',
  description: 'A send_sms() service on the standard library (urllib) with the key and project id from os.environ, both envelopes and every failure handled and no automatic retry, plus the views behind POST /api/sms/verification and GET /api/sms/status/<group_id>.',
  descriptionKo: '표준 라이브러리(urllib)만 쓰는 send_sms() 서비스(키와 프로젝트 ID는 os.environ에서, 두 응답 형식과 모든 실패 처리, 자동 재시도 없음)와 POST /api/sms/verification, GET /api/sms/status/<group_id> 뷰입니다.',
  prefix: 'baas-django-sms',
  body: snippet`"""BaaS SMS for Django: send_sms() calls the BaaS API; the views behind POST /api/sms/verification
and GET /api/sms/status/<group_id> use it. Split into services.py and views.py if you like.

The API key stays on the server (env BAAS_API_KEY) and never goes into a response. In urls.py:
    path("api/sms/verification", views.send_verification_code),
    path("api/sms/status/<str:group_id>", views.message_status),
"""
from __future__ import annotations

import json
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
import uuid

from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

BAAS_API_BASE_URL = os.environ.get("BAAS_API_BASE_URL", "https://api.aiapp.link").rstrip("/")
# The sender number must be registered with the carriers beforehand (Korean law) or the API refuses it.
CALLBACK_NUMBER = "${tab(1, '02-1234-5678')}"
REQUEST_TIMEOUT_SECONDS = 10
CODE_TTL_SECONDS = 5 * 60


class SmsError(Exception):
    """A failed SMS call: a stable code, a message for people and the HTTP status to answer with."""

    def __init__(self, code: str, message: str, status: int = 502) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def normalize_phone_number(value: str) -> str | None:
    """01012345678, 010 1234 5678 or +82 10-1234-5678 -> 010-1234-5678; None for anything else."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("82"):
        digits = "0" + digits[3 if digits.startswith("820") else 2:]
    match = re.fullmatch(r"010(\d{4})(\d{4})", digits)
    return f"010-{match.group(1)}-{match.group(2)}" if match else None


def _interpret(status: int, raw: bytes, is_send: bool) -> object:
    """Reads both envelopes the BaaS services use: {success, data, error_code} and {result, data, errorCode}."""
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except ValueError:
        envelope = None  # not JSON: judged by the status alone below
    if not isinstance(envelope, dict):
        envelope = {}
    server_code = envelope.get("error_code") or envelope.get("errorCode")
    if status in (401, 403) or server_code == "AUTHENTICATION_FAILED":
        # The server's own key is wrong: a server problem (502), not the visitor's.
        raise SmsError("AUTHENTICATION_FAILED", "The SMS service rejected this server's API key.", 502)
    if status == 429 or server_code == "RATE_LIMIT_EXCEEDED":
        raise SmsError("RATE_LIMIT_EXCEEDED", "Too many SMS requests. Please wait and try again.", 429)
    if 200 <= status < 300:
        if envelope.get("success") is True or envelope.get("result") == "SUCCESS":
            return envelope.get("data")
        if is_send and "success" not in envelope and "result" not in envelope:
            raise SmsError("OUTCOME_UNKNOWN", "The SMS service's answer could not be read: the message may have been sent.", 502)
    raise SmsError(server_code or "API_ERROR", envelope.get("message") or f"The SMS service answered HTTP {status}.", 502)


def _call_baas(method: str, path: str, body: dict | None = None) -> object:
    """One call to the BaaS API. Never retried: a send that timed out may still have gone out,
    and sending again could text the person twice. It raises OUTCOME_UNKNOWN instead."""
    api_key = os.environ.get("BAAS_API_KEY", "")
    if not api_key:
        raise SmsError("SMS_NOT_CONFIGURED", "SMS is not configured on this server.", 500)
    headers = {
        "Accept": "application/json",
        "X-API-KEY": api_key,
        "Authorization": f"Bearer {api_key}",
    }
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
        # Lets the API drop a duplicate of this exact request; reuse it if you ever add a retry.
        headers["Idempotency-Key"] = str(uuid.uuid4())
    request = urllib.request.Request(BAAS_API_BASE_URL + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        return _interpret(error.code, error.read(), body is not None)
    except OSError:
        # Timed out or the connection broke (URLError and TimeoutError are OSErrors):
        # for a send, nobody knows whether it went out.
        if body is None:
            raise SmsError("BAAS_UNREACHABLE", "The SMS service did not answer. Please try again.", 504)
        raise SmsError(
            "OUTCOME_UNKNOWN",
            "The SMS service did not answer in time: the message may or may not have been sent. "
            "Check its status before sending again.",
            504,
        )
    return _interpret(status, raw, body is not None)


def send_sms(recipients: list[dict[str, str]], message: str) -> object:
    """Sends one SMS to up to 1000 recipients ({"phone_number", "member_code"}); returns the group id."""
    project_id = os.environ.get("PROJECT_ID", "")
    if not project_id:
        raise SmsError("SMS_NOT_CONFIGURED", "SMS is not configured on this server.", 500)
    data = _call_baas("POST", "/message/sms", {
        "recipients": recipients,
        "message": message,
        "callback_number": CALLBACK_NUMBER,
        "project_id": project_id,
        "channel_id": 1,
    })
    if isinstance(data, dict):
        return data.get("group_id", data.get("groupId"))
    return None


def check_verification_code(phone: str, code: str) -> bool:
    """For your own sign-up/login view: True once, if the code matches and has not expired."""
    normalized = normalize_phone_number(phone)
    if normalized is None:
        return False
    key = f"sms-verification:{normalized}"
    stored = cache.get(key)
    if stored is None or not secrets.compare_digest(str(stored), code):
        return False
    cache.delete(key)
    return True


@require_POST
def send_verification_code(request: HttpRequest) -> JsonResponse:
    # Django checks CSRF on this POST: the browser must send the csrftoken cookie as X-CSRFToken.
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    phone = normalize_phone_number(str(payload.get("phone") or ""))
    if phone is None:
        return JsonResponse({"ok": False, "code": "INVALID_PHONE_NUMBER", "message": "Enter a mobile number like 010-1234-5678."}, status=400)
    # member_code names the recipient in your BaaS project; prefer request.user's id.
    member_code = str(payload.get("memberCode") or "${tab(2, 'guest')}")
    code = f"{secrets.randbelow(1_000_000):06d}"
    # Stored before sending: if the answer is lost the SMS may still arrive, and its code must work.
    cache.set(f"sms-verification:{phone}", code, CODE_TTL_SECONDS)
    try:
        group_id = send_sms([{"phone_number": phone, "member_code": member_code}], f"${tab(3, '[MyApp] 인증번호는 {code}입니다.')}")
    except SmsError as error:
        if error.code != "OUTCOME_UNKNOWN":
            cache.delete(f"sms-verification:{phone}")
        return JsonResponse({"ok": False, "code": error.code, "message": error.message}, status=error.status)
    return JsonResponse({"ok": True, "groupId": group_id})


def _mask(phone: object) -> str:
    return re.sub(r"^(\d{3})-?\d{3,4}-?(\d{4})$", r"\1-****-\2", str(phone or ""))


# Protect this view with your own auth: group ids are easy to guess.
@require_GET
def message_status(request: HttpRequest, group_id: str) -> JsonResponse:
    if not re.fullmatch(r"[\w-]{1,64}", group_id):
        return JsonResponse({"ok": False, "code": "INVALID_GROUP_ID", "message": "Unknown group id."}, status=400)
    try:
        data = _call_baas("GET", f"/message/send_history/sms/{urllib.parse.quote(group_id, safe='')}/messages")
    except SmsError as error:
        return JsonResponse({"ok": False, "code": error.code, "message": error.message}, status=error.status)
    rows = [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []
    success = sum(1 for row in rows if row.get("result") == "성공")
    failed = sum(1 for row in rows if row.get("result") == "실패")
    pending = len(rows) - success - failed
    if not rows or pending > 0:
        status = "전송중"
    elif failed == 0:
        status = "성공"
    elif success == 0:
        status = "실패"
    else:
        status = "부분성공"
    return JsonResponse({
        "ok": True,
        "groupId": group_id,
        "status": status,
        "total": len(rows),
        "success": success,
        "failed": failed,
        "pending": pending,
        # Masked: the browser needs the outcome, not everyone's phone number.
        "messages": [{"phone": _mask(row.get("phone")), "result": row.get("result"), "reason": row.get("reason")} for row in rows],
    })
`,
};
