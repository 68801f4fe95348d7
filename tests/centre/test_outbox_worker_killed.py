"""A worker killed while the SMS provider holds its request: nothing is lost, and the resend
carries the same idempotency key, so the provider delivers the text once."""

import contextlib
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from centre import outbox
from centre.models import OutboxMessage
from centre.tasks import outbox_message_send_task, outbox_send_due_task
from tests.conftest import wait_for

from .sms_provider_stub import ProviderStub, reply_json

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


class SlowProvider(ProviderStub):
    """Holds the first request open until released; delivers once per idempotency key."""

    def __init__(self):
        self.seen_keys = []
        self.delivered = {}
        self.first_request_arrived = threading.Event()
        self.release = threading.Event()
        super().__init__()

    def answer(self, request, body):
        key = request.headers["Idempotency-Key"]
        self.seen_keys.append(key)
        if len(self.seen_keys) == 1:
            self.first_request_arrived.set()
            self.release.wait(30)
        self.delivered.setdefault(key, body)
        with contextlib.suppress(OSError):  # the worker that asked may be gone
            reply_json(request, 201, {"id": f"p-{key}"})

    def close(self):
        self.release.set()
        super().close()


@pytest.fixture
def provider():
    stub = SlowProvider()
    yield stub
    stub.close()


def test_a_killed_worker_loses_nothing_and_the_text_is_delivered_once(celery_workers, provider):
    sms = {"SMS_BACKEND": "http", "SMS_API_URL": provider.url, "SMS_API_KEY": "k"}
    message, _ = outbox.outbox_message_queue(
        purpose="reminder",
        reference="appointment:1",
        channel="sms",
        recipient="+447700900123",
        body="Hi Jo",
    )
    (worker,) = celery_workers(1, **sms)
    outbox_message_send_task.delay(message.pk)
    assert provider.first_request_arrived.wait(60), "the worker never reached the provider"
    worker.kill()  # SIGKILL mid-send: no chance to record anything
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENDING  # claimed, outcome unknown

    # Ten minutes on, the periodic task releases the dead worker's claim and sends again.
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    provider.release.set()
    celery_workers(1, **sms)
    outbox_send_due_task.delay()
    assert wait_for(
        lambda: OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.SENT
    )
    assert provider.seen_keys == [f"outbox-{message.pk}", f"outbox-{message.pk}"]
    assert len(provider.delivered) == 1  # same key both times: the provider delivers once
