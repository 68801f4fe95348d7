"""The real SMS adapter against a stub provider on 127.0.0.1."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from centre import outbox
from centre.models import OutboxMessage
from centre.notifications.backends import HttpSMSBackend, PermanentSendError, TransientSendError

pytestmark = pytest.mark.django_db


class StubProvider:
    def __init__(self):
        self.requests = []
        self.status = 201
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers["Content-Length"])
                stub.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": json.loads(self.rfile.read(length)),
                    }
                )
                self.send_response(stub.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"id": f"provider-{len(stub.requests)}"}).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


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
