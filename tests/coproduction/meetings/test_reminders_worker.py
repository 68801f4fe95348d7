"""Meeting reminders with real Celery workers and a real Redis: exactly once."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from centre.models import OutboxMessage
from centre.tasks import outbox_send_due_task
from coproduction.meetings import services
from coproduction.meetings.tasks import meeting_reminders_queue_task
from tests.casework.factories import WomanFactory
from tests.centre.test_outbox_worker_killed import SlowProvider
from tests.conftest import assert_racing_reminder_runs_send_once, sent_messages, wait_for

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _files(tmp_path):
    return list((tmp_path / "mail").glob("*.log")) + list((tmp_path / "sms").glob("*.txt"))


def _meeting_with_members(centre, key_worker, starts_at):
    group = GroupFactory(centre=centre)
    GroupMemberFactory(group=group, user=key_worker, wants_reminders=True)
    woman = WomanFactory(
        centre=centre, reminders_opt_in=True, safe_to_text=True, mobile="07700900222"
    )
    services.group_member_add(
        group=group, woman=woman, joined_on=datetime.date(2026, 1, 1), wants_reminders=True
    )
    return MeetingFactory(group=group, starts_at=starts_at, organiser=key_worker)


def test_repeated_and_racing_runs_send_each_reminder_once(
    centre, key_worker, celery_workers, tmp_path
):
    _meeting_with_members(centre, key_worker, timezone.now() + datetime.timedelta(hours=1))
    celery_workers(2)
    assert_racing_reminder_runs_send_once(
        meeting_reminders_queue_task, lambda: _files(tmp_path), count=2
    )
    assert OutboxMessage.objects.count() == 2
    assert len(_files(tmp_path)) == 2


def test_cancelled_and_moved_meetings_send_no_stale_reminder(
    centre, key_worker, manager, celery_workers, tmp_path
):
    soon = timezone.now() + datetime.timedelta(hours=1)
    cancelled = _meeting_with_members(centre, key_worker, soon)
    moved = _meeting_with_members(centre, key_worker, soon + datetime.timedelta(minutes=5))
    services.meeting_cancel(meeting=cancelled, by=manager, expected_version=1, reason="Snow")
    services.meeting_reschedule(
        meeting=moved,
        by=manager,
        expected_version=1,
        starts_at=soon + datetime.timedelta(days=5),
        reason="Room booked",
    )
    kept = _meeting_with_members(centre, key_worker, soon + datetime.timedelta(minutes=10))
    celery_workers(1)
    meeting_reminders_queue_task.delay()
    meeting_reminders_queue_task.delay()
    outbox_send_due_task.delay()
    # The meeting that still stands is reminded: proof the worker ran; the other two are not.
    assert wait_for(lambda: sent_messages().count() == 2)
    references = set(OutboxMessage.objects.values_list("reference", flat=True))
    assert references == {f"meeting:{kept.pk}:{kept.starts_at:%Y%m%dT%H%M%z}:2h"}
    assert len(_files(tmp_path)) == 2


@pytest.fixture
def provider():
    stub = SlowProvider()
    yield stub
    stub.close()


def test_a_worker_killed_mid_send_loses_no_reminder_and_sends_none_twice(
    centre, key_worker, celery_workers, provider
):
    """The SMS provider holds the first reminder's request; the worker is killed (SIGKILL) while
    it waits. Ten minutes on the claim is released and a new worker sends everything: each
    reminder reaches the provider under its own idempotency key, and is delivered once."""
    sms = {"SMS_BACKEND": "http", "SMS_API_URL": provider.url, "SMS_API_KEY": "k"}
    meeting = _meeting_with_members(centre, key_worker, timezone.now() + timedelta(hours=1))
    invited = WomanFactory(
        centre=centre, reminders_opt_in=True, safe_to_text=True, mobile="07700900777"
    )
    services.invitation_record(
        meeting=meeting, woman=invited, by=key_worker, method="phone", answer="coming"
    )
    (worker,) = celery_workers(1, **sms)
    meeting_reminders_queue_task.delay()
    outbox_send_due_task.delay()
    assert provider.first_request_arrived.wait(60), "the worker never reached the provider"
    worker.kill()  # SIGKILL mid-send: no chance to record anything
    texts = OutboxMessage.objects.filter(channel="sms")
    assert texts.count() == 2  # the member and the invited woman: both queued, nothing lost
    assert texts.filter(status=OutboxMessage.Status.SENDING).count() == 1

    texts.filter(status=OutboxMessage.Status.SENDING).update(
        claimed_at=timezone.now() - timedelta(minutes=11)
    )
    provider.release.set()
    celery_workers(1, **sms)
    meeting_reminders_queue_task.delay()  # the beat runs again after the restart: no new rows
    outbox_send_due_task.delay()
    assert wait_for(lambda: sent_messages().count() == 3), "not every reminder was sent"
    assert OutboxMessage.objects.count() == 3  # the team member's email, and two texts
    keys = {f"outbox-{pk}" for pk in texts.values_list("pk", flat=True)}
    assert set(provider.delivered) == keys  # each text delivered, once per key
    assert len(provider.seen_keys) == 3  # the killed attempt was resent with the same key
