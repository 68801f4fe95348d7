"""Reminders: due at the right time, to the right people, in discreet words for women, never
twice and never for a meeting that moved or was cancelled."""

import datetime

import pytest
from django.utils import timezone

from centre.models import OutboxMessage
from coproduction.meetings import reminders, services
from coproduction.meetings.messages import (
    ACTION_DUE_PURPOSE,
    MEETING_REMINDER_PURPOSE,
    MINUTES_REMINDER_PURPOSE,
    WOMAN_REMINDER_PURPOSE,
)
from coproduction.meetings.models import Minutes
from tests.casework.factories import WomanFactory

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2027, 3, 1, 11, 0))


@pytest.fixture
def meeting(centre, manager):
    group = GroupFactory(centre=centre, name="Monday meeting at the centre")
    return MeetingFactory(group=group, starts_at=START, organiser=manager, place="Centre hall")


@pytest.fixture
def members(meeting, key_worker, partner, centre):
    group = meeting.group
    GroupMemberFactory(group=group, user=key_worker, wants_reminders=True)
    GroupMemberFactory(group=group, user=partner, wants_reminders=False)
    woman = WomanFactory(
        centre=centre,
        first_name="Jo",
        reminders_opt_in=True,
        safe_to_text=True,
        mobile="07700900111",
    )
    unsafe = WomanFactory(centre=centre, reminders_opt_in=True, safe_to_text=False)
    for person in (woman, unsafe):
        services.group_member_add(
            group=group, woman=person, joined_on=datetime.date(2026, 1, 1), wants_reminders=True
        )
    return woman


def _queued(purpose=None):
    messages = OutboxMessage.objects.exclude(status=OutboxMessage.Status.CANCELLED)
    return messages.filter(purpose=purpose) if purpose else messages


def test_two_days_before_to_members_who_opted_in(meeting, members, key_worker):
    assert reminders.meeting_reminders_queue(now=START - datetime.timedelta(days=3)) == 0
    now = START - datetime.timedelta(days=2)
    assert reminders.meeting_reminders_queue(now=now) == 2
    assert reminders.meeting_reminders_queue(now=now + datetime.timedelta(minutes=10)) == 0
    staff = _queued(MEETING_REMINDER_PURPOSE).get()
    assert staff.recipient == key_worker.email and "Centre hall" in staff.body
    woman = _queued(WOMAN_REMINDER_PURPOSE).get()
    assert woman.recipient == "07700900111" and woman.channel == "sms"
    assert woman.body.startswith("Hi Jo,")
    assert "Monday" in woman.body and "centre" not in woman.body.lower()
    assert "hall" not in woman.body.lower()


def test_two_hours_before_is_a_second_reminder(meeting, members):
    reminders.meeting_reminders_queue(now=START - datetime.timedelta(days=2))
    reminders.meeting_reminders_queue(now=START - datetime.timedelta(hours=2))
    reminders.meeting_reminders_queue(now=START - datetime.timedelta(hours=1))
    assert _queued().count() == 4
    assert reminders.meeting_reminders_queue(now=START + datetime.timedelta(minutes=1)) == 0


def test_no_reminder_for_a_cancelled_meeting(meeting, members, manager):
    services.meeting_cancel(meeting=meeting, by=manager, expected_version=1, reason="Snow")
    assert reminders.meeting_reminders_queue(now=START - datetime.timedelta(hours=1)) == 0
    assert not _queued().exists()


def test_a_cancellation_withdraws_what_is_still_queued(meeting, members, manager):
    reminders.meeting_reminders_queue(now=START - datetime.timedelta(days=2))
    OutboxMessage.objects.update(status=OutboxMessage.Status.QUEUED)  # not sent yet (Redis down)
    services.meeting_cancel(meeting=meeting, by=manager, expected_version=1, reason="Snow")
    assert not _queued().exists()


def test_a_moved_meeting_is_reminded_at_its_new_time_only(meeting, members, manager):
    reminders.meeting_reminders_queue(now=START - datetime.timedelta(days=2))
    new_start = START + datetime.timedelta(days=7)
    services.meeting_reschedule(
        meeting=meeting, by=manager, expected_version=1, starts_at=new_start, reason="Room"
    )
    assert not _queued().exists()  # the old time's reminders are withdrawn
    assert reminders.meeting_reminders_queue(now=START - datetime.timedelta(hours=2)) == 0
    assert reminders.meeting_reminders_queue(now=new_start - datetime.timedelta(days=2)) == 2
    assert all(":20270308T" in m.reference for m in _queued())


def test_minutes_reminders_three_and_seven_days_after(meeting, manager):
    assert reminders.minutes_reminders_queue(now=START + datetime.timedelta(days=2)) == 0
    assert reminders.minutes_reminders_queue(now=START + datetime.timedelta(days=3)) == 1
    assert reminders.minutes_reminders_queue(now=START + datetime.timedelta(days=4)) == 0
    assert reminders.minutes_reminders_queue(now=START + datetime.timedelta(days=7)) == 1
    message = _queued(MINUTES_REMINDER_PURPOSE).last()
    assert message.recipient == manager.email and "7 days" in message.body


def test_no_minutes_reminder_once_published(meeting, manager):
    Minutes.objects.create(meeting=meeting, text="t", status=Minutes.Status.PUBLISHED)
    assert reminders.minutes_reminders_queue(now=START + datetime.timedelta(days=3)) == 0


def test_action_owner_is_reminded_on_the_morning_it_falls_due(meeting, key_worker):
    due = datetime.date(2027, 3, 15)
    action = services.action_create(
        meeting=meeting, text="Ring the bus company", owner=key_worker, due_on=due
    )
    morning = timezone.make_aware(datetime.datetime(2027, 3, 15, 8, 0))
    assert reminders.action_reminders_queue(now=morning) == 0
    assert reminders.action_reminders_queue(now=morning + datetime.timedelta(hours=2)) == 1
    assert reminders.action_reminders_queue(now=morning + datetime.timedelta(days=1)) == 0
    message = _queued(ACTION_DUE_PURPOSE).get()
    assert message.recipient == key_worker.email and "Ring the bus company" in message.body
    services.action_close(action=action, status="done")
    later = timezone.make_aware(datetime.datetime(2027, 3, 16, 10, 0))
    assert reminders.action_reminders_queue(now=later) == 0
