"""Meetings' messages: an action reminder that goes late says the action "was due", every
sentence ends with a full stop, a time and a place are kept apart, and the examples link where
the real messages link."""

import datetime
from urllib.parse import urlparse

import pytest
from django.urls import resolve
from django.utils import timezone

from centre import messaging
from centre.models import OutboxMessage
from coproduction.meetings import reminders, services
from coproduction.meetings.messages import ACTION_DUE_PURPOSE

from .factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 1, 26)


def _email(name, **context):
    kind = messaging.get_kind(name)
    return messaging.message_render(
        kind=kind, channel=messaging.EMAIL, context={**kind.example, **context}
    )


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (MONDAY, "is due on Monday 26 January: Price a water cooler."),
        (
            MONDAY + datetime.timedelta(days=3),
            "was due on Monday 26 January: Price a water cooler.",
        ),
    ],
)
def test_an_action_is_due_on_the_day_and_was_due_after_it(today, said):
    rendered = _email(
        "meeting_action_due", action="Price a water cooler", due_on=MONDAY, today=today
    )
    assert said in rendered.body and said in rendered.html_body


def test_without_today_an_action_is_compared_with_the_day_the_message_is_written():
    past = _email("meeting_action_due", due_on=datetime.date(2000, 1, 3), today=None)
    assert "was due on Monday 3 January" in past.body
    ahead = _email("meeting_action_due", due_on=timezone.localdate(), today=None)
    assert " is due on " in ahead.body


def test_an_action_that_ends_its_own_sentence_gets_no_second_full_stop():
    rendered = _email("meeting_action_due", action="Can we get a water cooler?")
    assert "Can we get a water cooler?\n" in rendered.body and "?." not in rendered.body


def test_an_action_reminder_sent_days_late_says_it_was_due(centre, manager, key_worker):
    today = timezone.localdate()
    meeting = MeetingFactory(
        group=GroupFactory(centre=centre),
        starts_at=timezone.now() - datetime.timedelta(days=10),
        organiser=manager,
    )
    services.action_create(
        meeting=meeting,
        text="Price a water cooler",
        owner=key_worker,
        due_on=today - datetime.timedelta(days=3),
    )
    assert reminders.action_reminders_queue(now=timezone.now()) == 1
    body = OutboxMessage.objects.get(purpose=ACTION_DUE_PURPOSE).body
    assert " was due on " in body and body.split("\n")[0].endswith("Price a water cooler.")


def test_a_meeting_reminder_gives_the_time_then_the_place():
    rendered = _email("meeting_reminder")
    said = "meets on Monday 7 December at 11:00, at Community room."
    assert said in rendered.body and said in rendered.html_body


@pytest.mark.parametrize(
    ("days", "said"), [(3, "3 days after the meeting."), (1, "1 day after the meeting.")]
)
def test_a_minutes_reminder_says_how_long_after_the_meeting(days, said):
    rendered = _email("minutes_reminder", days=days)
    assert f"are not published yet, {said}" in rendered.body
    assert "days on" not in rendered.body
    assert f"Open the meeting: {messaging.get_kind('minutes_reminder').example['link']}" in (
        rendered.body
    )


@pytest.mark.parametrize(
    ("name", "view"),
    [
        ("meeting_reminder", "meetings:meeting_detail"),
        ("minutes_reminder", "meetings:meeting_detail"),
        ("meeting_action_due", "meetings:action_close"),
    ],
)
def test_an_example_links_where_the_real_message_links(name, view):
    """The sender: coproduction/meetings/reminders.py."""
    link = messaging.get_kind(name).example["link"]
    assert resolve(urlparse(link).path).view_name == view
