"""The outbox with real Celery workers and a real Redis that we stop and start."""

import pytest
from django.test import Client
from django.urls import reverse

from centre import outbox
from centre.models import OutboxMessage
from centre.tasks import outbox_message_send_task, outbox_send_due_task
from tests.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _sent_count():
    return OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).count()


def test_two_real_workers_send_each_message_once(celery_workers, tmp_path):
    messages = [
        outbox.outbox_message_queue(
            purpose="race",
            reference=f"r:{n}",
            channel="sms",
            recipient=f"+44770090{n:04d}",
            body="Hi, see you soon.",
        )[0]
        for n in range(12)
    ]
    celery_workers(2)
    # Every message is asked for three times over, by direct sends and by the periodic task.
    for message in messages:
        outbox_message_send_task.delay(message.pk)
        outbox_message_send_task.delay(message.pk)
    outbox_send_due_task.delay()
    outbox_send_due_task.delay()
    assert wait_for(lambda: _sent_count() == 12), "the workers did not send everything"
    files = list((tmp_path / "sms").glob("*.txt"))
    assert sorted(f.name.split("-", 2)[2] for f in files) == sorted(
        f"outbox-{m.pk}.txt" for m in messages
    )


def test_with_redis_down_the_view_works_and_the_message_goes_when_redis_is_back(
    key_worker, celery_workers, private_redis, tmp_path
):
    private_redis.stop()
    response = Client().post(reverse("password_reset"), {"email": key_worker.email})
    assert response.status_code == 302  # no error page for her
    message = OutboxMessage.objects.get(purpose="password_reset")
    assert message.status == OutboxMessage.Status.QUEUED

    private_redis.start()
    celery_workers(1)
    outbox_send_due_task.delay()  # what beat does every minute
    assert wait_for(lambda: _sent_count() == 1)
    outbox_send_due_task.delay()
    outbox_message_send_task.delay(message.pk)
    # Give the worker time to (wrongly) send again, then check it did not.
    assert not wait_for(lambda: len(list((tmp_path / "mail").glob("*.log"))) > 1, timeout=3)
    assert len(list((tmp_path / "mail").glob("*.log"))) == 1
    message.refresh_from_db()
    assert message.attempts == 1
