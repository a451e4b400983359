// The server-side Python module the Django and FastAPI templates import: standard library only, the one
// place that holds the key, calls the BaaS API and implements the three use cases.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

export const pythonCore: IntegrationTemplate = {
  id: 'python-core',
  framework: 'shared',
  useCase: 'core',
  language: 'python',
  fileName: 'sms/baas_sms.py',
  title: 'BaaS SMS server module (Python): API client, OTP, order notices, campaign preview',
  titleKo: 'BaaS SMS 서버 모듈 (Python): API 클라이언트, 인증번호, 주문 알림, 캠페인 미리보기',
  description: 'The standard-library module the Django and FastAPI templates import: reads BAAS_API_KEY, PROJECT_ID and BAAS_CALLBACK_NUMBER from the environment, sends both auth headers, maps API errors to stable codes, never retries a send, never logs the key, a code or a full phone number.',
  descriptionKo: 'Django·FastAPI 템플릿이 가져다 쓰는 표준 라이브러리 모듈입니다. BAAS_API_KEY, PROJECT_ID, BAAS_CALLBACK_NUMBER를 환경 변수에서 읽고, 두 인증 헤더를 보내며, API 오류를 고정 코드로 바꾸고, 발송을 자동 재시도하지 않으며, 키·인증번호·전체 전화번호를 로그에 남기지 않습니다.',
  prefix: 'baas-python-core',
  body: snippet`"""BaaS SMS, server side only (standard library). The API key (env BAAS_API_KEY) never leaves this
module: it is not returned, not logged and not put in an error message."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import os
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone

APP_NAME = "${tab(1, 'MyApp')}"
REQUEST_TIMEOUT_SECONDS = 10
log = logging.getLogger("baas_sms")


class SmsError(Exception):
    """A failure with the HTTP status to answer with, a stable code and a message for people."""

    def __init__(self, status: int, code: str, message: str, **extra: object) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra

    def as_json(self) -> dict:
        return {"ok": False, "code": self.code, "message": self.message, **self.extra}


def _env_number(name: str, fallback: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return fallback
    return value if value > 0 else fallback


def read_json(raw: bytes) -> dict:
    try:
        payload = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def normalize_phone_number(value: object) -> str | None:
    """01012345678, 010 1234 5678 or +82 10-1234-5678 -> 010-1234-5678; None for anything else."""
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    if digits.startswith("82"):
        digits = "0" + digits[3 if digits.startswith("820") else 2:]
    match = re.fullmatch(r"010(\d{4})(\d{4})", digits)
    return f"010-{match.group(1)}-{match.group(2)}" if match else None


def mask_phone_number(phone: str) -> str:
    """010-1234-5678 -> 010-****-5678: the only form a phone number may take in a log line."""
    return re.sub(r"^(\d{3})-?\d{3,4}-?(\d{4})$", r"\1-****-\2", phone)


def _interpret(status: int, raw: bytes) -> object:
    """Both envelopes the BaaS services use: {success, data, error_code} and {result, data, errorCode}."""
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except ValueError:
        envelope = None  # not JSON: judged by the status alone below
    if not isinstance(envelope, dict):
        envelope = {}
    server_code = envelope.get("error_code") or envelope.get("errorCode")
    if status in (401, 403) or server_code == "AUTHENTICATION_FAILED":
        # This server's own key is wrong: a server problem (502), not the visitor's.
        raise SmsError(502, "AUTHENTICATION_FAILED", "The SMS service rejected this server's API key.")
    if status == 429 or server_code == "RATE_LIMIT_EXCEEDED":
        raise SmsError(429, "RATE_LIMITED", "Too many SMS requests. Please wait and try again.")
    if status == 503:
        raise SmsError(503, "SERVICE_UNAVAILABLE", "The SMS service is unavailable. Nothing was sent; try again later.")
    if 200 <= status < 300 and (envelope.get("success") is True or envelope.get("result") == "SUCCESS"):
        return envelope.get("data")
    # A 5xx or an unreadable 2xx: the server may have done the work before failing to say so.
    if status >= 500 or (status < 300 and "success" not in envelope and "result" not in envelope):
        raise SmsError(502, "OUTCOME_UNKNOWN", "The SMS service did not confirm the send: it may have gone out. Check before sending again.")
    raise SmsError(502, "API_ERROR", envelope.get("message") or f"The SMS service answered HTTP {status}.", serverCode=server_code)


def _post(path: str, body: dict) -> object:
    """One send. Never retried: a send that timed out may still have gone out, and sending again
    could text the person twice. It raises OUTCOME_UNKNOWN instead."""
    api_key = os.environ.get("BAAS_API_KEY", "")
    project_id = os.environ.get("PROJECT_ID", "")
    callback_number = os.environ.get("BAAS_CALLBACK_NUMBER", "")
    if not api_key:
        raise SmsError(500, "MISSING_API_KEY", "SMS is not configured on this server (BAAS_API_KEY).")
    if not project_id:
        raise SmsError(500, "MISSING_PROJECT_ID", "SMS is not configured on this server (PROJECT_ID).")
    if not callback_number:
        # The sender number must be registered with the carriers beforehand (Korean law).
        raise SmsError(500, "MISSING_CALLBACK_NUMBER", "SMS is not configured on this server (BAAS_CALLBACK_NUMBER).")
    base_url = os.environ.get("BAAS_API_BASE_URL", "https://api.aiapp.link").rstrip("/")
    data = json.dumps({**body, "callback_number": callback_number, "project_id": project_id}).encode("utf-8")
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "X-API-KEY": api_key,
        "Authorization": f"Bearer {api_key}",
        # Lets the API drop a duplicate of this exact request; reuse it if you ever add a retry.
        "Idempotency-Key": str(uuid.uuid4()),
    }
    request = urllib.request.Request(base_url + path, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except OSError:
        # Timed out or the connection broke (URLError and TimeoutError are OSErrors).
        raise SmsError(504, "OUTCOME_UNKNOWN", "The SMS service did not answer in time: the message may or may not have gone out. Check before sending again.") from None
    result = _interpret(status, raw)
    return result.get("group_id", result.get("groupId")) if isinstance(result, dict) else None


def send_sms(recipients: list[dict], message: str) -> object:
    return _post("/message/sms", {"recipients": recipients, "message": message, "channel_id": 1})


def send_mms(recipients: list[dict], message: str, subject: str, image_urls: list[str]) -> object:
    return _post("/message/mms", {"recipients": recipients, "message": message, "subject": subject, "img_url_list": image_urls, "channel_id": 3})


# ---- Verification codes (OTP) ------------------------------------------------------------------
OTP_TTL_SECONDS = _env_number("OTP_TTL_SECONDS", 300)
OTP_MAX_ATTEMPTS = int(_env_number("OTP_MAX_ATTEMPTS", 5))
OTP_RESEND_COOLDOWN_SECONDS = _env_number("OTP_RESEND_COOLDOWN_SECONDS", 60)
# One process only: use your cache or database (Redis, Django's cache) when you run several.
_otp_lock = threading.Lock()
_otp_codes: dict[str, dict] = {}
_otp_last_sent: dict[str, float] = {}
# Codes are stored as HMACs: a leaked store does not give them away. Set OTP_HASH_SECRET when several processes share one.
_otp_key = os.environ.get("OTP_HASH_SECRET", "").encode() or secrets.token_bytes(32)


def _hash_code(phone: str, code: str) -> bytes:
    return hmac.new(_otp_key, f"{phone}:{code}".encode(), hashlib.sha256).digest()


def send_verification_code(raw_phone: object, member_code: str) -> dict:
    """Texts a fresh 6-digit code (from the CSPRNG) to the number, at most once per cooldown."""
    phone = normalize_phone_number(raw_phone)
    if phone is None:
        raise SmsError(400, "INVALID_PHONE_NUMBER", "Enter a mobile number like 010-1234-5678.")
    now = time.monotonic()
    with _otp_lock:
        # Expired codes are kept for one more lifetime, so a late try hears "expired" rather than "no code".
        for key in [k for k, entry in _otp_codes.items() if entry["expires_at"] + OTP_TTL_SECONDS <= now]:
            del _otp_codes[key]
        last = _otp_last_sent.get(phone)
        if last is not None and now - last < OTP_RESEND_COOLDOWN_SECONDS:
            retry_after = math.ceil(last + OTP_RESEND_COOLDOWN_SECONDS - now)
            raise SmsError(429, "OTP_COOLDOWN", "A code was just sent to this number. Please wait before asking again.", retryAfterSeconds=retry_after)
        code = f"{secrets.randbelow(1_000_000):06d}"
        # Stored before sending: if the answer is lost the SMS may still arrive, and its code must work.
        _otp_codes[phone] = {"hash": _hash_code(phone, code), "expires_at": now + OTP_TTL_SECONDS, "attempts": 0}
        _otp_last_sent[phone] = now
    try:
        send_sms([{"phone_number": phone, "member_code": member_code}], f"[{APP_NAME}] 인증번호는 {code}입니다.")
    except SmsError as error:
        if error.code == "OUTCOME_UNKNOWN":
            # The code stays valid: the SMS may still arrive. The cooldown stops an instant second send.
            log.warning("verification code to %s: outcome unknown", mask_phone_number(phone))
        else:
            with _otp_lock:
                _otp_codes.pop(phone, None)
                _otp_last_sent.pop(phone, None)
        raise
    log.info("verification code sent to %s", mask_phone_number(phone))
    return {"ok": True, "expiresInSeconds": round(OTP_TTL_SECONDS)}


def check_verification_code(raw_phone: object, code: object) -> dict:
    """True once for the right code within its lifetime; wrong codes count towards the attempt limit."""
    phone = normalize_phone_number(raw_phone)
    if phone is None:
        raise SmsError(400, "INVALID_PHONE_NUMBER", "Enter a mobile number like 010-1234-5678.")
    with _otp_lock:
        entry = _otp_codes.get(phone)
        if entry is None:
            raise SmsError(400, "OTP_NOT_FOUND", "No code is waiting for this number. Ask for a new one.")
        if entry["expires_at"] <= time.monotonic():
            del _otp_codes[phone]
            raise SmsError(400, "OTP_EXPIRED", "The code has expired. Ask for a new one.")
        # Compared as HMACs, in constant time, so timing does not reveal digits.
        if hmac.compare_digest(_hash_code(phone, code.strip() if isinstance(code, str) else ""), entry["hash"]):
            del _otp_codes[phone]
            return {"ok": True, "verified": True}
        entry["attempts"] += 1
        if entry["attempts"] >= OTP_MAX_ATTEMPTS:
            del _otp_codes[phone]
            raise SmsError(429, "OTP_TOO_MANY_ATTEMPTS", "Too many wrong codes. Ask for a new one.")
        raise SmsError(400, "OTP_MISMATCH", "The code is not right.", attemptsLeft=OTP_MAX_ATTEMPTS - entry["attempts"])


# ---- Order notifications -----------------------------------------------------------------------
def notify_order(payload: dict) -> dict:
    """created -> an SMS; shipped -> an MMS with a subject and the product image (a public https URL)."""
    phone = normalize_phone_number(payload.get("phone"))
    if phone is None:
        raise SmsError(400, "INVALID_PHONE_NUMBER", "phone: enter a mobile number like 010-1234-5678.")
    order_id = payload.get("orderId")
    if not isinstance(order_id, str) or not re.fullmatch(r"[\w-]{1,40}", order_id, re.ASCII):
        raise SmsError(400, "INVALID_INPUT", "orderId: 1 to 40 letters, digits, - or _.")
    member_code = payload.get("memberCode")
    if not isinstance(member_code, str) or not member_code.strip():
        raise SmsError(400, "INVALID_MEMBER_CODE", "memberCode: required.")
    recipients = [{"phone_number": phone, "member_code": member_code.strip()}]
    if payload.get("event") == "created":
        kind = "SMS"
        group_id = send_sms(recipients, f"[{APP_NAME}] 주문 {order_id}이(가) 접수되었습니다.")
    elif payload.get("event") == "shipped":
        image_url = payload.get("imageUrl")
        if not isinstance(image_url, str) or not re.fullmatch(r"https://\S+", image_url):
            raise SmsError(400, "INVALID_IMAGE_URL", "imageUrl: a public https:// URL of a JPG image.")
        tracking = payload.get("trackingNumber")
        tracking_text = f" 송장번호 {tracking}" if isinstance(tracking, str) and tracking else ""
        kind = "MMS"
        group_id = send_mms(recipients, f"주문 {order_id} 상품이 출발했습니다.{tracking_text}", f"[{APP_NAME}] 배송 시작", [image_url])
    else:
        raise SmsError(400, "INVALID_INPUT", 'event: "created" or "shipped".')
    log.info("order %s: %s sent to %s", order_id, kind, mask_phone_number(phone))
    return {"ok": True, "groupId": group_id, "type": kind}


# ---- Campaigns: preview (bytes, type, cost, advertising rules) before sending -----------------
SMS_BYTE_LIMIT = _env_number("SMS_BYTE_LIMIT", 90)
PRICES = {"SMS": _env_number("PRICE_SMS", 9.9), "LMS": _env_number("PRICE_LMS", 30), "MMS": _env_number("PRICE_MMS", 100)}
_OPT_OUT = re.compile(r"무료\s*수신\s*거부\s*[:：]?\s*080-?\d{3,4}-?\d{4}$")


def measure_euc_kr(text: str) -> tuple[int, list[str]]:
    """Carriers bill EUC-KR bytes (Hangul 2, ASCII 1) and cannot carry what it cannot encode (emoji)."""
    size, unsendable = 0, []
    for char in text:
        try:
            size += len(char.encode("cp949"))
        except UnicodeEncodeError:
            if char not in unsendable:
                unsendable.append(char)
    return size, unsendable


def advertising_problems(message: str, night_consent: bool, now: datetime) -> list[str]:
    """The advertising law: "(광고)" first, a sender contact, a free 080 opt-out last, no night sends."""
    missing, text = [], message.strip()
    if not text.startswith("(광고)"):
        missing.append("prefix")
    if not _OPT_OUT.search(text):
        missing.append("opt_out")
    if not re.search(r"(?<!\d)(0[1-9]\d{0,2}-?\d{3,4}-?\d{4}|1\d{3}-?\d{4}|https?://\S+)", _OPT_OUT.sub("", text)):
        missing.append("sender_contact")
    korean_hour = (now.astimezone(timezone.utc).hour + 9) % 24
    if not night_consent and (korean_hour >= 21 or korean_hour < 8):
        missing.append("night_time")
    return missing


def _read_campaign(payload: dict) -> dict:
    message = payload.get("message") if isinstance(payload.get("message"), str) else ""
    subject = payload.get("subject").strip() if isinstance(payload.get("subject"), str) else ""
    images = payload.get("imageUrls") if isinstance(payload.get("imageUrls"), list) else []
    rows = payload.get("recipients") if isinstance(payload.get("recipients"), list) else []
    recipients: dict[str, dict] = {}
    for index, row in enumerate(rows):
        row = row if isinstance(row, dict) else {}
        phone = normalize_phone_number(row.get("phone"))
        if phone is None:
            raise SmsError(400, "INVALID_PHONE_NUMBER", f"recipients[{index}].phone: enter a mobile number like 010-1234-5678.")
        member_code = row.get("memberCode")
        if not isinstance(member_code, str) or not member_code.strip():
            raise SmsError(400, "INVALID_MEMBER_CODE", f"recipients[{index}].memberCode: required.")
        recipients.setdefault(phone, {"phone_number": phone, "member_code": member_code.strip()})
    is_ad = payload.get("isAdvertisement") is True or bool(re.search(r"[(\[<]\s*광\s*고\s*[)\]>]|수신\s*거부", message))
    return {"message": message, "subject": subject, "image_urls": [url for url in images if isinstance(url, str) and url],
            "recipients": list(recipients.values()), "duplicates": len(rows) - len(recipients), "ad": is_ad,
            "night_consent": payload.get("nightConsent") is True}


def preview_campaign(payload: dict, now: datetime | None = None) -> dict:
    """What the admin sees before sending. previewId pins the exact content: send_campaign refuses anything else."""
    campaign = _read_campaign(payload)
    size, unsendable = measure_euc_kr(campaign["message"])
    subject_size, subject_unsendable = measure_euc_kr(campaign["subject"])
    # The BaaS API takes a subject only with images (MMS); long text goes as LMS through /message/sms.
    kind = "MMS" if campaign["image_urls"] else "LMS" if size > SMS_BYTE_LIMIT else "SMS"
    missing = advertising_problems(campaign["message"], campaign["night_consent"], now or datetime.now(timezone.utc)) if campaign["ad"] else []
    count = len(campaign["recipients"])
    checks = [
        ("EMPTY_MESSAGE", not campaign["message"].strip()),
        ("MESSAGE_TOO_LONG", size > 2000),
        ("SUBJECT_TOO_LONG", subject_size > 40),
        ("EMPTY_SUBJECT", kind == "MMS" and not campaign["subject"]),
        ("TOO_MANY_IMAGES", len(campaign["image_urls"]) > 5),
        ("INVALID_IMAGE_URL", any(not re.fullmatch(r"https://\S+", url) for url in campaign["image_urls"])),
        ("UNSENDABLE_CHARACTERS", bool(unsendable or subject_unsendable)),
        ("INVALID_RECIPIENTS_COUNT", count < 1 or count > 1000),
        ("ADVERTISING_RULES", bool(missing)),
    ]
    problems = [code for code, failed in checks if failed]
    pinned = json.dumps([campaign["message"], campaign["subject"], campaign["image_urls"], campaign["recipients"], campaign["ad"], campaign["night_consent"]],
                        ensure_ascii=False, separators=(",", ":"))
    return {"ok": True, "preview": {
        "type": kind, "bytes": size, "subjectBytes": subject_size, "recipients": count, "duplicatesDropped": campaign["duplicates"],
        "costKrw": round(count * PRICES[kind], 1), "unsendable": unsendable + subject_unsendable,
        "advertising": {"isAdvertisement": campaign["ad"], "missing": missing}, "problems": problems,
        "canSend": not problems, "previewId": hashlib.sha256(pinned.encode()).hexdigest()[:32],
    }}


def send_campaign(payload: dict) -> dict:
    """Sends exactly what was previewed (same previewId) and passed every check; protect it with your admin auth."""
    preview = preview_campaign(payload)["preview"]
    if payload.get("previewId") != preview["previewId"]:
        raise SmsError(409, "PREVIEW_MISMATCH", "Preview the campaign again: it changed since the preview.")
    if not preview["canSend"]:
        raise SmsError(400, preview["problems"][0], f"Fix before sending: {', '.join(preview['problems'])}.", preview=preview)
    campaign = _read_campaign(payload)
    if preview["type"] == "MMS":
        group_id = send_mms(campaign["recipients"], campaign["message"], campaign["subject"], campaign["image_urls"])
    else:
        group_id = send_sms(campaign["recipients"], campaign["message"])
    log.info("campaign %s: %s sent to %d recipients", preview["previewId"], preview["type"], preview["recipients"])
    return {"ok": True, "groupId": group_id, "preview": preview}
`,
};
