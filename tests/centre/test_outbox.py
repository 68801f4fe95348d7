"""The outbox sends each message exactly once, retries what may work later, and survives faults."""

from datetime import timedelta
from threading import Barrier, Thread

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from centre import outbox
from centre.models import OutboxMessage
from centre.notifications import backends

pytestmark = pytest.mark.django_db


def queue(n=0, **kwargs):
    fields = {
        "purpose": "test",
        "reference": f"thing:{n}",
        "channel": OutboxMessage.Channel.SMS,
        "recipient": "+447700900123",
        "body": "Hi Jo, see you at 2pm tomorrow.",
    }
    fields.update(kwargs)
    return outbox.outbox_message_queue(**fields)


def test_queueing_twice_gives_one_row(sms_outbox):
    when = timezone.now() + timedelta(hours=1)
    first, created_first = queue(scheduled_for=when)
    second, created_second = queue(scheduled_for=when)
    assert first.pk == second.pk and created_first and not created_second
    assert OutboxMessage.objects.count() == 1


def test_running_the_send_task_twice_sends_once(sms_outbox):
    message, _ = queue()
    assert outbox.outbox_send_due() == 1
    assert outbox.outbox_send_due() == 0
    assert outbox.outbox_message_send(message_id=message.pk) is False
    assert len(sms_outbox) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and message.attempts == 1


def test_future_messages_wait_until_due(sms_outbox):
    queue(scheduled_for=timezone.now() + timedelta(hours=2))
    assert outbox.outbox_send_due() == 0 and sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_once(sms_outbox):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs a real database")
    messages = [queue(n)[0] for n in range(10)]
    barrier = Barrier(2)

    def worker():
        barrier.wait()
        for message in messages:
            outbox.outbox_message_send(message_id=message.pk)
        connection.close()

    threads = [Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m["reference"] for m in sms_outbox) == sorted(f"outbox-{m.pk}" for m in messages)
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).count() == 10


def _queue_and_send_through(monkeypatch, send):
    """Queue a text and make one sending pass with `send` in place of the SMS backend's."""
    monkeypatch.setattr(backends.LocMemSMSBackend, "send", send)
    message, _ = queue()
    outbox.outbox_send_due()
    message.refresh_from_db()
    return message


def test_transient_failure_is_retried_with_backoff_then_marked_failed(monkeypatch, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    calls = []

    def flaky(self, **kwargs):
        calls.append(kwargs)
        raise backends.TransientSendError("provider answered 503")

    message = _queue_and_send_through(monkeypatch, flaky)
    assert message.status == OutboxMessage.Status.QUEUED and message.attempts == 1
    first_wait = message.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_wait <= timedelta(seconds=60)
    assert outbox.outbox_send_due() == 0  # not due yet: backing off
    for attempt in (2, 3):
        OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        outbox.outbox_send_due()
        message.refresh_from_db()
        assert message.attempts == attempt
    assert message.status == OutboxMessage.Status.FAILED
    assert "503" in message.last_error and len(calls) == 3


def test_permanent_failure_is_not_retried(monkeypatch):
    def refuse(self, **kwargs):
        raise backends.PermanentSendError("bad number")

    message = _queue_and_send_through(monkeypatch, refuse)
    assert message.status == OutboxMessage.Status.FAILED and message.attempts == 1


def test_a_claim_left_by_a_dead_worker_is_released(sms_outbox):
    message, _ = queue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert outbox.outbox_send_due() == 1 and len(sms_outbox) == 1


def test_a_fresh_claim_is_left_alone(sms_outbox):
    message, _ = queue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, claimed_at=timezone.now()
    )
    assert outbox.outbox_send_due() == 0 and sms_outbox == []


def test_nothing_is_queued_or_enqueued_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("the view failed after queueing")
    assert OutboxMessage.objects.count() == 0
    assert callbacks == []


def test_sending_is_only_enqueued_after_commit(django_capture_on_commit_callbacks, sms_outbox):
    with django_capture_on_commit_callbacks() as callbacks:
        queue()
        assert sms_outbox == []
    assert len(callbacks) == 1


@pytest.mark.parametrize(
    "wording",
    [
        "Your court date is tomorrow",
        "Reminder from the women's centre",
        "Probation appointment at 2pm",
    ],
)
def test_messages_to_women_must_be_discreet(wording):
    with pytest.raises(ValidationError):
        queue(body=wording, discreet=True)
    assert OutboxMessage.objects.count() == 0


def test_discreet_wording_is_accepted(sms_outbox):
    message, created = queue(
        body="Hi Jo, just a reminder about 2pm tomorrow. Reply if you can't make it.", discreet=True
    )
    assert created


def test_email_goes_through_djangos_backend(mailoutbox):
    queue(
        channel=OutboxMessage.Channel.EMAIL,
        recipient="kate@example.org",
        subject="Daily list",
        body="3 things",
    )
    outbox.outbox_send_due()
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Daily list"


def test_cancel_stops_a_queued_message(sms_outbox):
    queue(scheduled_for=timezone.now() + timedelta(minutes=5))
    assert outbox.outbox_message_cancel(purpose="test", reference="thing:0") == 1
    assert outbox.outbox_message_cancel(purpose="test", reference="thing:0") == 0
