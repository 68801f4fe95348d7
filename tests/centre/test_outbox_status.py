"""The outbox backlog, as the operator's check sees it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from centre import outbox
from centre.models import OutboxMessage
from centre.selectors import outbox_backlog

pytestmark = pytest.mark.django_db


def _queue(n, *, at, **changes):
    message, _ = outbox.outbox_message_queue(
        purpose="status", reference=f"s:{n}", channel="sms", recipient="+447700900000", body="Hi",
        scheduled_for=at,
    )  # fmt: skip
    OutboxMessage.objects.filter(pk=message.pk).update(**changes)
    return message


def test_the_backlog_counts_each_state_in_one_query(django_assert_num_queries):
    now = timezone.now()
    _queue(1, at=now - timedelta(minutes=30))
    _queue(2, at=now - timedelta(minutes=2))
    _queue(3, at=now + timedelta(days=1))
    _queue(4, at=now - timedelta(hours=1), status="sending", claimed_at=now - timedelta(minutes=11))
    _queue(5, at=now - timedelta(hours=1), status="sending", claimed_at=now - timedelta(minutes=1))
    _queue(6, at=now - timedelta(hours=1), status="failed")
    _queue(7, at=now - timedelta(hours=1), status="sent")
    with django_assert_num_queries(1):
        backlog = outbox_backlog(now)
    assert (backlog.due, backlog.waiting, backlog.sending, backlog.stale_claims, backlog.failed) == (
        2, 1, 2, 1, 1,
    )  # fmt: skip
    assert backlog.oldest_due_wait(now) == timedelta(minutes=30)


def test_the_command_is_quiet_and_succeeds_when_all_is_well():
    _queue(1, at=timezone.now() - timedelta(minutes=1))
    out = StringIO()
    call_command("outbox_status", stdout=out)
    assert "due now: 1 (oldest waiting 1 min)" in out.getvalue()


def test_the_command_fails_when_messages_wait_or_a_worker_is_stuck():
    now = timezone.now()
    _queue(1, at=now - timedelta(minutes=25))
    _queue(2, at=now - timedelta(hours=1), status="sending", claimed_at=now - timedelta(minutes=30))
    err = StringIO()
    with pytest.raises(SystemExit) as exit_status:
        call_command("outbox_status", "--alert-after", "20", stdout=StringIO(), stderr=err)
    assert exit_status.value.code == 1
    assert "waited over 20 minutes" in err.getvalue()
    assert "1 message(s) claimed by a worker that never finished" in err.getvalue()


def test_the_admin_sends_failed_messages_again_and_never_a_sent_one(client, django_user_model):
    now = timezone.now()
    failed = _queue(1, at=now - timedelta(hours=1), status="failed", attempts=5)
    sent = _queue(2, at=now - timedelta(hours=1), status="sent", attempts=1)
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        "/admin/centre/outboxmessage/",
        {"action": "retry_failed", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )
    assert "1 failed message(s) queued again" in response.content.decode()
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.status, failed.attempts) == ("queued", 0)
    assert sent.status == "sent"
    assert outbox.outbox_send_due() == 1  # the next run sends it
