"""The real SMS adapter against a stub provider on 127.0.0.1."""

import pytest

from centre import outbox
from centre.models import OutboxMessage
from centre.notifications.backends import HttpSMSBackend, PermanentSendError, TransientSendError

from .sms_provider_stub import ProviderStub, reply_json

pytestmark = pytest.mark.django_db


class StubProvider(ProviderStub):
    def __init__(self):
        self.requests = []
        self.status = 201
        super().__init__()

    def answer(self, request, body):
        self.requests.append({"path": request.path, "headers": dict(request.headers), "body": body})
        reply_json(request, self.status, {"id": f"provider-{len(self.requests)}"})


@pytest.fixture
def provider(settings):
    stub = StubProvider()
    settings.SMS_BACKEND = "http"
    settings.SMS_API_URL = stub.url
    settings.SMS_API_KEY = "test-key-123"
    settings.SMS_SENDER = "Hello"
    yield stub
    stub.close()


def test_sends_json_with_bearer_key_and_idempotency_key(provider):
    provider_id = HttpSMSBackend().send(to="+447700900123", body="Hi Jo", reference="outbox-7")
    assert provider_id == "provider-1"
    request = provider.requests[0]
    assert request["path"] == "/v2/notifications/sms"
    assert request["headers"]["Authorization"] == "Bearer test-key-123"
    assert request["headers"]["Idempotency-Key"] == "outbox-7"
    assert request["body"] == {
        "phone_number": "+447700900123",
        "body": "Hi Jo",
        "reference": "outbox-7",
        "sender": "Hello",
    }


@pytest.mark.parametrize(
    ("status", "error"),
    [(500, TransientSendError), (429, TransientSendError), (400, PermanentSendError)],
)
def test_provider_errors_are_sorted_into_retry_or_give_up(provider, status, error):
    provider.status = status
    with pytest.raises(error):
        HttpSMSBackend().send(to="+447700900123", body="Hi", reference="outbox-1")


def test_unreachable_provider_is_transient(settings):
    settings.SMS_BACKEND = "http"
    settings.SMS_API_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    settings.SMS_API_KEY = "k"
    with pytest.raises(TransientSendError):
        HttpSMSBackend().send(to="+447700900123", body="Hi", reference="outbox-1")


def test_outbox_sends_through_the_provider_once(provider):
    outbox.outbox_message_queue(
        purpose="t", reference="a:1", channel="sms", recipient="+447700900123", body="Hi"
    )
    outbox.outbox_send_due()
    outbox.outbox_send_due()
    assert len(provider.requests) == 1
    assert OutboxMessage.objects.get().provider_id == "provider-1"
