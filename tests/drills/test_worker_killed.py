"""Drill: a Celery worker is killed with SIGKILL in the middle of a batch of mixed messages.

The batch interleaves emails and texts of several kinds. The text provider holds the first text
open, so the worker dies with some of the batch sent, one message claimed with its outcome
unknown, and the rest still queued. Afterwards everything is delivered and nothing twice: each
email reached the mail backend once, and each text reached the provider under one idempotency
key (the one sent again after the crash carries the same key, so the provider delivers it once).
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from centre.messaging import EMAIL, SMS, get_kind, message_queue
from centre.models import OutboxMessage
from centre.tasks import outbox_message_send_task, outbox_send_due_task
from tests.centre.test_outbox_worker_killed import provider  # noqa: F401 - the slow provider
from tests.conftest import wait_for

from .conftest import delivered

pytestmark = [pytest.mark.drill, pytest.mark.services, pytest.mark.django_db(transaction=True)]

# Emails and texts of several kinds, interleaved so the batch is part-sent when the worker dies.
BATCH = [
    ("meeting_reminder", EMAIL),
    ("break_glass", EMAIL),
    ("appointment_reminder", SMS),  # the provider holds this one: the worker dies here
    ("court_reminder", EMAIL),
    ("session_reminder", SMS),
    ("appointment_reminder", EMAIL),
    ("meeting_reminder_woman", SMS),
    ("team_invitation", EMAIL),
] * 3


def _queue_batch():
    due = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
    messages = []
    for n, (kind, channel) in enumerate(BATCH):
        message, _ = message_queue(
            kind=kind,
            channel=channel,
            recipient=f"+4477009{n:05d}" if channel == SMS else f"person{n}@example.org",
            context=get_kind(kind).example,
            reference=f"drill:{n}",
            send_at=due + timedelta(seconds=n),  # the batch's order
        )
        messages.append(message)
    return messages


def _by_status(messages):
    rows = OutboxMessage.objects.filter(pk__in=[m.pk for m in messages])
    return Counter(rows.values_list("status", flat=True))


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    celery_workers,
    provider,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    sms = {"SMS_BACKEND": "http", "SMS_API_URL": provider.url, "SMS_API_KEY": "k"}
    messages = _queue_batch()
    (worker,) = celery_workers(1, **sms)
    outbox_send_due_task.delay()  # beat's task: the whole batch in one go
    assert provider.first_request_arrived.wait(60), "the worker never reached the provider"
    worker.kill()  # SIGKILL mid-batch
    assert _by_status(messages) == {"sent": 2, "sending": 1, "queued": len(BATCH) - 3}
    assert set(delivered(tmp_path)) == {f"outbox-{m.pk}" for m in messages[:2]}

    # Ten minutes on, the dead worker's claim is released; two fresh workers, the periodic task
    # twice and a stray direct send of every message all compete for the rest.
    OutboxMessage.objects.filter(status=OutboxMessage.Status.SENDING).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    provider.release.set()
    celery_workers(2, **sms)
    outbox_send_due_task.delay()
    outbox_send_due_task.delay()
    for message in messages:
        outbox_message_send_task.delay(message.pk)
    assert wait_for(lambda: _by_status(messages) == {"sent": len(BATCH)}, timeout=90), _by_status(
        messages
    )
    assert not wait_for(lambda: max(delivered(tmp_path).values()) > 1, timeout=3)

    emails = {f"outbox-{m.pk}" for m in messages if m.channel == EMAIL}
    texts = {f"outbox-{m.pk}" for m in messages if m.channel == SMS}
    assert delivered(tmp_path) == dict.fromkeys(emails, 1)
    assert set(provider.delivered) == texts  # each text delivered, once per key
    held = f"outbox-{messages[2].pk}"
    # Only the text the worker died holding was asked for again, under the same key.
    assert Counter(provider.seen_keys) == {**dict.fromkeys(texts, 1), held: 2}
