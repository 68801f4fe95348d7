"""Text-message backends, chosen by SMS_BACKEND like Django's email backends.

Email goes through Django's own EMAIL_BACKEND; this module covers the SMS side and the small
common interface the outbox uses for both channels.
"""

import json
import logging
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

logger = logging.getLogger(__name__)

# Messages sent with the in-memory backend, for tests (like django.core.mail.outbox).
sms_outbox: list = []


class TransientSendError(Exception):
    """Worth trying again later (a timeout, a 5xx, a rate limit)."""


class PermanentSendError(Exception):
    """Will never work (a bad number, a rejected request)."""


class ConsoleSMSBackend:
    def send(self, *, to, body, reference):
        print(f"SMS to {to} [{reference}]: {body}")  # noqa: T201
        return f"console-{reference}"


class FileSMSBackend:
    def send(self, *, to, body, reference):
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        (folder / f"{stamp}-{reference}.txt").write_text(f"To: {to}\n\n{body}\n", encoding="utf-8")
        return f"file-{reference}"


class LocMemSMSBackend:
    def send(self, *, to, body, reference):
        sms_outbox.append({"to": to, "body": body, "reference": reference})
        return f"locmem-{len(sms_outbox)}"


class HttpSMSBackend:
    """A GOV.UK Notify-style JSON API: POST {api}/v2/notifications/sms with a bearer key.

    `reference` is our outbox key, so the provider can recognise a retry of the same message.
    """

    def send(self, *, to, body, reference):
        payload = json.dumps(
            {
                "phone_number": to,
                "body": body,
                "reference": reference,
                "sender": settings.SMS_SENDER,
            }
        ).encode()
        # SMS_API_URL is checked to be http(s) at start-up (settings), so no file: or other scheme.
        request = urllib.request.Request(  # noqa: S310
            settings.SMS_API_URL.rstrip("/") + "/v2/notifications/sms",
            data=payload,
            method="POST",
            headers={
                "Authorization": f"Bearer {settings.SMS_API_KEY}",
                "Content-Type": "application/json",
                "Idempotency-Key": reference,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=settings.SMS_TIMEOUT_SECONDS) as response:  # noqa: S310
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            if error.code == 429 or error.code >= 500:
                raise TransientSendError(f"SMS provider answered {error.code}") from None
            raise PermanentSendError(f"SMS provider refused the message ({error.code})") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise TransientSendError(f"SMS provider unreachable: {error}") from None
        return str(answer.get("id", ""))


_SMS_BACKENDS = {
    "console": ConsoleSMSBackend,
    "file": FileSMSBackend,
    "locmem": LocMemSMSBackend,
    "http": HttpSMSBackend,
}


def get_sms_backend():
    return _SMS_BACKENDS[settings.SMS_BACKEND]()


def send_email(*, to, subject, body, html_body, reference):
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=[to], headers={"X-Reference": reference}
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    try:
        message.send(fail_silently=False)
    except (OSError, TimeoutError) as error:
        raise TransientSendError(f"Email server problem: {error}") from None
    return reference
