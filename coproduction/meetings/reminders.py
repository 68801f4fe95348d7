"""Reminders for meetings, minutes and actions, queued into the outbox when they fall due.

The beat task (tasks.meeting_reminders_queue_task) runs every few minutes and queues what is due
now. Each reminder's outbox key is (purpose, reference, recipient, send time), and the reference
names the meeting's start time, so running twice, or in two beat processes at once, gives one
row, and the outbox sends each row once even if a worker dies mid-send. A meeting is locked and
re-read before its reminders are queued, so a move or cancellation that commits first is always
seen; one that commits after withdraws whatever is still queued (reminders_withdraw).
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from casework.models import Woman
from casework.services import reminder_channel
from centre.messaging import EMAIL, absolute_url, message_queue
from centre.outbox import outbox_message_cancel

from .messages import (
    ACTION_DUE,
    MEETING_REMINDER,
    MINUTES_REMINDER,
    WOMAN_REMINDER,
)
from .models import Action, Invitation, Meeting, Minutes

LEADS = {"2d": timedelta(days=2), "2h": timedelta(hours=2)}
MINUTES_AFTER = (3, 7)  # days after the meeting, if the minutes are not published
ACTION_REMINDER_TIME = time(9, 0)
LOOK_BACK = timedelta(days=8)  # reminders older than this are not worth sending any more


def _meeting_reference(meeting: Meeting, lead: str) -> str:
    return f"meeting:{meeting.pk}:{meeting.starts_at:%Y%m%dT%H%M%z}:{lead}"


def _link(meeting: Meeting) -> str:
    return absolute_url(reverse("meetings:meeting_detail", args=[meeting.pk]))


def _lead_due(meeting: Meeting, now: datetime) -> str | None:
    """The reminder due now: two hours before, else two days before (not both at once)."""
    for lead in ("2h", "2d"):
        if meeting.starts_at - LEADS[lead] <= now < meeting.starts_at:
            return lead
    return None


def meeting_reminders_queue(*, now: datetime | None = None) -> int:
    """Queue the two-day and two-hour reminders due now. Safe to run twice, or twice at once."""
    now = now or timezone.now()
    soon = Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED, starts_at__gt=now, starts_at__lte=now + LEADS["2d"]
    )
    return sum(_queue_for_meeting(pk, now) for pk in soon.values_list("pk", flat=True))


@transaction.atomic
def _queue_for_meeting(meeting_id: int, now: datetime) -> int:
    # Locked and re-read: a move or cancellation committed before this is always seen.
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting_id)
    lead = _lead_due(meeting, now) if not meeting.is_cancelled else None
    if lead is None:
        return 0
    reference, send_at = _meeting_reference(meeting, lead), meeting.starts_at - LEADS[lead]
    queued = 0
    for member in meeting.group.members.filter(left_on__isnull=True).select_related(
        "user", "woman"
    ):
        if not member.wants_reminders:
            continue
        if member.user is not None and member.user.email:
            queued += _queue_team(meeting, member.user, reference, send_at)
        elif member.woman is not None:
            queued += _queue_woman(meeting, member.woman, reference, send_at)
    # Women their key worker asked, who said they are coming. The outbox key makes a woman who
    # is also a member reminded once.
    for invitation in meeting.invitations.filter(
        woman__isnull=False, answer=Invitation.Answer.COMING
    ).select_related("woman"):
        if invitation.woman is not None:
            queued += _queue_woman(meeting, invitation.woman, reference, send_at)
    return queued


def _queue_team(meeting: Meeting, user, reference: str, send_at: datetime) -> int:
    context = {
        "name": user.first_name or user.username,
        "group": meeting.group.name,
        "starts_at": timezone.localtime(meeting.starts_at),
        "place": meeting.place,
        "link": _link(meeting),
    }
    _message, created = message_queue(
        kind=MEETING_REMINDER.name,
        channel=EMAIL,
        recipient=user.email,
        context=context,
        reference=reference,
        centre=meeting.centre,
        send_at=send_at,
    )
    return int(created)


def _queue_woman(meeting: Meeting, woman: Woman, reference: str, send_at: datetime) -> int:
    channel = reminder_channel(woman)
    if channel is None:
        return 0
    context = {"first_name": woman.known_as, "starts_at": timezone.localtime(meeting.starts_at)}
    _message, created = message_queue(
        kind=WOMAN_REMINDER.name,
        channel=channel[0],
        recipient=channel[1],
        context=context,
        reference=reference,
        centre=meeting.centre,
        send_at=send_at,
    )
    return int(created)


def reminders_withdraw(*, meeting: Meeting, starts_at: datetime) -> int:
    """Cancel reminders still queued for the meeting at its old time. Safe to call twice."""
    withdrawn = 0
    old = Meeting(pk=meeting.pk, starts_at=starts_at)
    for lead in LEADS:
        reference = _meeting_reference(old, lead)
        for purpose in (MEETING_REMINDER.purpose, WOMAN_REMINDER.purpose):
            withdrawn += outbox_message_cancel(purpose=purpose, reference=reference)
    return withdrawn


def minutes_reminders_queue(*, now: datetime | None = None) -> int:
    """Remind the organiser 3 and 7 days after a meeting whose minutes are not published."""
    now = now or timezone.now()
    published = Minutes.objects.filter(status=Minutes.Status.PUBLISHED).values("meeting_id")
    held = (
        Meeting.objects.filter(
            status=Meeting.Status.SCHEDULED,
            starts_at__lte=now - timedelta(days=MINUTES_AFTER[0]),
            starts_at__gt=now - timedelta(days=MINUTES_AFTER[-1]) - LOOK_BACK,
        )
        .exclude(pk__in=published)
        .select_related("group", "organiser")
    )
    queued = 0
    for meeting in held:
        days = max(d for d in MINUTES_AFTER if meeting.starts_at + timedelta(days=d) <= now)
        queued += _queue_minutes(meeting, days)
    return queued


def _queue_minutes(meeting: Meeting, days: int) -> int:
    organiser = meeting.organiser
    if not organiser.email or not organiser.is_active:
        return 0
    context = {
        "name": organiser.first_name or organiser.username,
        "group": meeting.group.name,
        "starts_at": timezone.localtime(meeting.starts_at),
        "days": days,
        "link": _link(meeting),
    }
    _message, created = message_queue(
        kind=MINUTES_REMINDER.name,
        channel=EMAIL,
        recipient=organiser.email,
        context=context,
        reference=f"minutes:{meeting.pk}:{days}d",
        centre=meeting.centre,
        send_at=meeting.starts_at + timedelta(days=days),
    )
    return int(created)


def _reminder_time(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, ACTION_REMINDER_TIME))


def action_reminders_queue(*, now: datetime | None = None) -> int:
    """Remind an open action's owner on the morning it falls due (once per due date)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = Action.objects.filter(
        status=Action.Status.OPEN, due_on__lte=today, due_on__gt=today - LOOK_BACK
    ).select_related("group", "owner", "raised_at")
    queued = 0
    for action in due.filter(Q(owner__is_active=True) & ~Q(owner__email="")):
        send_at = _reminder_time(action.due_on)
        if send_at <= now:
            queued += _queue_action(action, send_at, today)
    return queued


def _queue_action(action: Action, send_at: datetime, today: date) -> int:
    context = {
        "name": action.owner.first_name or action.owner.username,
        "group": action.group.name,
        "action": action.text,
        "due_on": action.due_on,
        # The day it is queued, and so goes out: "is due" or, past the date, "was due".
        "today": today,
        "link": absolute_url(reverse("meetings:action_close", args=[action.pk])),
    }
    _message, created = message_queue(
        kind=ACTION_DUE.name,
        channel=EMAIL,
        recipient=action.owner.email,
        context=context,
        reference=f"action:{action.pk}:{action.due_on:%Y%m%d}",
        centre=action.centre,
        send_at=send_at,
    )
    return int(created)


def reminders_queue_all(*, now: datetime | None = None) -> dict[str, int]:
    """Everything the beat task does, for one point in time."""
    now = now or timezone.now()
    return {
        "meetings": meeting_reminders_queue(now=now),
        "minutes": minutes_reminders_queue(now=now),
        "actions": action_reminders_queue(now=now),
    }
