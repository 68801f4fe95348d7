"""Meetings."""

import calendar
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.models import User
from centre.versioning import versioned_update

from ..models import (
    MEETING_DETAILS,
    AgendaItem,
    Group,
    Meeting,
    MeetingChange,
    MeetingSeries,
)
from ..reminders import reminders_withdraw
from .agenda import standing_titles

STEERING_STANDING_ITEM = "Service-user involvement"


def local_datetime(day: date, at: time) -> datetime:
    """A wall-clock day and time at the centre, as an aware datetime (clocks change in spring)."""
    return timezone.make_aware(datetime.combine(day, at))


def nth_weekday(year: int, month: int, week: int, weekday: int) -> date:
    """The first (1) to fourth (4) or last (-1) `weekday` (Monday is 0) of a month."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    return days[-1] if week == -1 else days[week - 1]


def series_dates(*, week: int, weekday: int, first_month: date, months: int) -> list[date]:
    year, month = first_month.year, first_month.month
    dates = []
    for _index in range(months):
        dates.append(nth_weekday(year, month, week, weekday))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def _new_meeting(
    *,
    group: Group,
    starts_at: datetime,
    organiser: User,
    series: MeetingSeries | None,
    details: dict[str, Any],
) -> Meeting:
    meeting = Meeting(
        centre=group.centre,
        group=group,
        series=series,
        starts_at=starts_at,
        organiser=organiser,
        **{name: details[name] for name in MEETING_DETAILS if name in details},
    )
    meeting.full_clean()
    meeting.save()
    MeetingChange.objects.create(
        meeting=meeting, kind=MeetingChange.Kind.SCHEDULED, now_at=starts_at, by=organiser
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, kind=AgendaItem.Kind.STANDING, title=title, position=number)
        for number, title in enumerate(standing_titles(group), 1)
    )
    return meeting


@transaction.atomic
def meeting_schedule(
    *, group: Group, starts_at: datetime, organiser: User, details: dict
) -> Meeting:
    """A one-off meeting of the group, with its first history line."""
    return _new_meeting(
        group=group, starts_at=starts_at, organiser=organiser, series=None, details=details
    )


@transaction.atomic
def meeting_series_schedule(
    *,
    group: Group,
    week: int,
    weekday: int,
    start_time: time,
    first_month: date,
    months: int,
    organiser: User,
    details: dict,
) -> list[Meeting]:
    """A repeating meeting ("first Monday of the month, 11:00"): one meeting per month, from
    `first_month` for `months` months, skipping days already past."""
    series = MeetingSeries(
        group=group,
        week=week,
        weekday=weekday,
        start_time=start_time,
        first_month=first_month.replace(day=1),
        months=months,
    )
    series.full_clean()
    series.save()
    today = timezone.localdate()
    return [
        _new_meeting(
            group=group,
            starts_at=local_datetime(day, start_time),
            organiser=organiser,
            series=series,
            details=details,
        )
        for day in series_dates(week=week, weekday=weekday, first_month=first_month, months=months)
        if day >= today
    ]


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, by: User, expected_version: int | None, details: dict
) -> Meeting:
    """Change the place, access notes and what is provided (not the time: see reschedule)."""
    values = {name: details[name] for name in MEETING_DETAILS if name in details}
    candidate = Meeting(**{**_fields(meeting), **values})
    # Field checks only: the row exists already, so no uniqueness check on a copy of it.
    candidate.full_clean(exclude=["centre", "group", "organiser", "series"], validate_unique=False)
    return versioned_update(
        Meeting, pk=meeting.pk, expected_version=expected_version, values=values
    )


def _fields(meeting: Meeting) -> dict:
    return {f.attname: getattr(meeting, f.attname) for f in Meeting._meta.concrete_fields}


@transaction.atomic
def meeting_reschedule(
    *, meeting: Meeting, by: User, expected_version: int | None, starts_at: datetime, reason: str
) -> Meeting:
    """Move a meeting and keep the old time in its history. A cancelled meeting cannot move;
    someone else's change since she opened the page is an EditConflict."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled. Schedule a new one instead."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it is moving: members will be told.")})
    if starts_at == meeting.starts_at:
        raise ValidationError({"starts_on": _("That is the time it is already at.")})
    was_at = meeting.starts_at
    moved = versioned_update(
        Meeting, pk=meeting.pk, expected_version=expected_version, values={"starts_at": starts_at}
    )
    reminders_withdraw(meeting=moved, starts_at=was_at)
    MeetingChange.objects.create(
        meeting=moved,
        kind=MeetingChange.Kind.RESCHEDULED,
        was_at=was_at,
        now_at=starts_at,
        reason=reason.strip(),
        by=by,
    )
    return moved


@transaction.atomic
def meeting_cancel(
    *, meeting: Meeting, by: User, expected_version: int | None, reason: str
) -> Meeting:
    """Cancel a meeting with a reason; it stays in the list and the history, marked cancelled."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is already cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it is cancelled: members will be told.")})
    cancelled = versioned_update(
        Meeting,
        pk=meeting.pk,
        expected_version=expected_version,
        values={"status": Meeting.Status.CANCELLED},
    )
    reminders_withdraw(meeting=cancelled, starts_at=cancelled.starts_at)
    MeetingChange.objects.create(
        meeting=cancelled,
        kind=MeetingChange.Kind.CANCELLED,
        was_at=cancelled.starts_at,
        reason=reason.strip(),
        by=by,
    )
    return cancelled
