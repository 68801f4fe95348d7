"""Writes for activities: status with reasons, schedules and sessions, the register, reminders."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from casework.services import reminder_channel
from centre.messaging import message_queue
from centre.models import Centre, OutboxMessage, User
from centre.versioning import versioned_update

from .messages import REMINDER_PURPOSE, SESSION_REMINDER
from .models import (
    Activity,
    ActivityCost,
    ActivityStatusChange,
    Attendance,
    CourseCompletion,
    Enrolment,
    Facilitator,
    Feedback,
    Room,
    Schedule,
    Session,
    Term,
)

logger = logging.getLogger(__name__)

REMINDER_HOUR = 10  # the day before, mid-morning: late enough to be useful, never at night
STATUS_NEEDS_REASON = (Activity.Status.PAUSED, Activity.Status.ENDED)
M = TypeVar("M", bound=models.Model)


def _checked_save(row: M) -> M:
    """Write a new row once its model's checks pass (refused, nothing is written)."""
    row.full_clean()
    row.save()
    return row


# --- Activities -------------------------------------------------------------------------------


@transaction.atomic
def activity_create(*, centre: Centre, created_by: User, **fields: Any) -> Activity:
    """Create an activity and the first entry of its status history."""
    activity = Activity(centre=centre, **fields)
    if activity.origin == Activity.Origin.WOMAN and not activity.idea_stage:
        activity.idea_stage = Activity.IdeaStage.IDEA
    _checked_save(activity)
    ActivityStatusChange.objects.create(
        activity=activity,
        to_status=activity.status,
        reason=activity.status_reason,
        effective_on=activity.status_changed_on,
        changed_by=created_by,
    )
    return activity


EDITABLE_FIELDS = (
    "name",
    "kind",
    "category",
    "description",
    "starts_on",
    "ends_on",
    "owner",
    "room",
    "location",
    "capacity",
    "completion_sessions",
    "funding_source",
    "budget",
    "accessibility_notes",
    "origin",
    "idea_notes",
)


@transaction.atomic
def activity_update(*, activity: Activity, expected_version: int, **fields: Any) -> Activity:
    """Save edits unless someone saved since `expected_version` (then centre.versioning's
    EditConflict, with nothing written)."""
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} is not editable here")
        setattr(activity, name, value)
    activity.full_clean()
    values = {name: getattr(activity, name) for name in fields}
    return versioned_update(
        Activity, pk=activity.pk, expected_version=expected_version, values=values
    )


@transaction.atomic
def activity_status_change(
    *, activity: Activity, to_status: str, reason: str, effective_on: date, changed_by: User
) -> Activity:
    """Move an activity to a new status; pausing or ending needs a reason. History is kept.
    Ending cancels the sessions still to come (and their reminders)."""
    reason = (reason or "").strip()
    if to_status in STATUS_NEEDS_REASON and not reason:
        raise ValidationError({"reason": _("Say why, so reports show why groups stop.")})
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status == to_status and activity.status_reason == reason:
        return activity
    ActivityStatusChange.objects.create(
        activity=activity,
        from_status=activity.status,
        to_status=to_status,
        reason=reason,
        effective_on=effective_on,
        changed_by=changed_by,
    )
    activity.status, activity.status_reason = to_status, reason
    activity.status_changed_on = effective_on
    activity.version += 1
    if to_status == Activity.Status.ENDED and not activity.ends_on:
        activity.ends_on = effective_on
    activity.save(
        update_fields=["status", "status_reason", "status_changed_on", "version", "ends_on"]
    )
    if to_status == Activity.Status.ENDED:
        for session in activity.sessions.filter(
            date__gte=effective_on, status=Session.Status.SCHEDULED
        ):
            session_cancel(session=session, reason=_("The group has ended."))
    return activity


@transaction.atomic
def activity_idea_advance(*, activity: Activity, to_stage: str, notes: str = "") -> Activity:
    """Move a woman's idea on: idea, then pilot, then reviewed (with what the review found)."""
    order = [choice for choice, _label in Activity.IdeaStage.choices]
    current = order.index(activity.idea_stage) if activity.idea_stage else -1
    if to_stage not in order or order.index(to_stage) != current + 1:
        raise ValidationError(_("An idea goes to a pilot first, then to a review."))
    if to_stage == Activity.IdeaStage.REVIEWED and not notes.strip():
        raise ValidationError({"review_notes": _("Write what the review found.")})
    activity.idea_stage = to_stage
    fields = ["idea_stage", "version"]
    if to_stage == Activity.IdeaStage.REVIEWED:
        activity.review_notes, activity.reviewed_on = notes.strip(), timezone.localdate()
        fields += ["review_notes", "reviewed_on"]
    activity.version += 1
    activity.save(update_fields=fields)
    return activity


@transaction.atomic
def facilitator_add(*, activity: Activity, **fields: Any) -> Facilitator:
    """Add a facilitator. A woman co-facilitating must have a named staff partner."""
    facilitator = Facilitator(activity=activity, **fields)
    facilitator.full_clean()
    duplicate = activity.facilitators.filter(
        ended_on__isnull=True,
        kind=facilitator.kind,
        user=facilitator.user,
        woman=facilitator.woman,
        external_name=facilitator.external_name,
    ).first()
    if duplicate:
        return duplicate
    facilitator.save()
    return facilitator


@transaction.atomic
def facilitator_remove(*, facilitator: Facilitator) -> None:
    """She no longer facilitates; the record stays for the history. Safe to call twice."""
    Facilitator.objects.filter(pk=facilitator.pk, ended_on__isnull=True).update(
        ended_on=timezone.localdate()
    )


@transaction.atomic
def activity_cost_add(
    *,
    activity: Activity,
    description: str,
    amount: Decimal,
    committed_on: date,
    created_by: User,
) -> ActivityCost:
    """Commit money from the activity's budget."""
    return _checked_save(
        ActivityCost(
            activity=activity,
            description=description,
            amount=amount,
            committed_on=committed_on,
            created_by=created_by,
        )
    )


# --- Rooms, terms, schedules and sessions -----------------------------------------------------


@transaction.atomic
def room_create(
    *, centre: Centre, name: str, capacity: int | None = None, accessibility_notes: str = ""
) -> Room:
    return _checked_save(
        Room(centre=centre, name=name, capacity=capacity, accessibility_notes=accessibility_notes)
    )


@transaction.atomic
def term_create(*, centre: Centre, **fields: Any) -> Term:
    return _checked_save(Term(centre=centre, **fields))


def schedule_dates(schedule: Schedule) -> list[date]:
    """The dates a schedule runs on."""
    term = schedule.term
    start: date | None
    end: date | None
    if schedule.frequency == Schedule.Frequency.TERMLY and term is not None:
        start, end, step = term.starts_on, term.ends_on, 7
    else:
        start, end = schedule.starts_on, schedule.ends_on
        step = 14 if schedule.frequency == Schedule.Frequency.FORTNIGHTLY else 7
    if start is None or end is None:  # Schedule.clean refuses this: no days to run on
        return []
    first = start + timedelta(days=(schedule.weekday - start.weekday()) % 7)
    dates, day = [], first
    while day <= end:
        if not (term is not None and term.in_break(day)):
            dates.append(day)
        day += timedelta(days=step)
    return dates


def room_clashes(
    *,
    centre: Centre,
    room: Room | None,
    date: date,
    start_time: time,
    end_time: time,
    exclude_activity: Activity | None = None,
) -> list[Session]:
    """Other sessions on in the same room at overlapping times on that day."""
    return _clashes_for_dates(
        centre=centre,
        room=room,
        dates=[date],
        start_time=start_time,
        end_time=end_time,
        activity=exclude_activity,
    )


def _clashes_for_dates(
    *,
    centre: Centre,
    room: Room | None,
    dates: list[date],
    start_time: time,
    end_time: time,
    activity: Activity | None,
) -> list[Session]:
    """Sessions of other activities in `room` at overlapping times on any of `dates`."""
    if room is None or not dates:
        return []
    clashes = Session.objects.filter(
        centre=centre,
        room=room,
        date__in=dates,
        status=Session.Status.SCHEDULED,
        start_time__lt=end_time,
        end_time__gt=start_time,
    )
    if activity is not None:
        clashes = clashes.exclude(activity=activity)
    return list(clashes.select_related("activity").order_by("date", "start_time"))


@dataclass
class ScheduleResult:
    schedule: Schedule
    created: int
    clashes: list = field(default_factory=list)


@transaction.atomic
def schedule_create(*, activity: Activity, **fields: Any) -> "ScheduleResult":
    """Add a recurring schedule and make its sessions. Clashing rooms are warned, not refused.
    Safe to call again for the same schedule: a day never gets two sessions from it."""
    schedule = Schedule(activity=activity, **fields)
    schedule.room = schedule.room or activity.room
    result = schedule_sessions_generate(schedule=_checked_save(schedule))
    return result


@transaction.atomic
def schedule_sessions_generate(*, schedule: Schedule) -> "ScheduleResult":
    """Make the sessions of a schedule that do not exist yet. Safe to call twice."""
    activity = schedule.activity
    dates = schedule_dates(schedule)
    existing = set(schedule.sessions.values_list("date", flat=True))
    new = [
        Session(
            centre=activity.centre,
            activity=activity,
            schedule=schedule,
            date=day,
            start_time=schedule.start_time,
            end_time=schedule.end_time,
            room=schedule.room,
            location=activity.location,
        )
        for day in dates
        if day not in existing
    ]
    Session.objects.bulk_create(new, ignore_conflicts=True)
    clashes = _clashes_for_dates(
        centre=activity.centre,
        room=schedule.room,
        dates=dates,
        start_time=schedule.start_time,
        end_time=schedule.end_time,
        activity=activity,
    )
    return ScheduleResult(schedule=schedule, created=len(new), clashes=clashes)


@transaction.atomic
def session_create(
    *,
    activity: Activity,
    date: date,
    start_time: time,
    end_time: time,
    room: Room | None = None,
    location: str = "",
) -> tuple[Session, list[Session]]:
    """A one-off session (a trip, an event, an extra class). Returns (session, clashes)."""
    session = Session(
        centre=activity.centre,
        activity=activity,
        date=date,
        start_time=start_time,
        end_time=end_time,
        room=room or (None if location else activity.room),
        location=location or activity.location,
    )
    session.full_clean()
    clashes = room_clashes(
        centre=activity.centre,
        room=session.room,
        date=date,
        start_time=start_time,
        end_time=end_time,
    )
    session.save()
    return session, clashes


@transaction.atomic
def session_cancel(*, session: Session, reason: str) -> Session:
    """Cancel a session with a reason and withdraw its reminders. Safe to call twice."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the session is cancelled.")})
    Session.objects.filter(pk=session.pk).update(
        status=Session.Status.CANCELLED, cancel_reason=reason[:300]
    )
    session.status, session.cancel_reason = Session.Status.CANCELLED, reason[:300]
    _reminders_withdraw([session.pk])
    return session


@transaction.atomic
def session_reinstate(*, session: Session) -> Session:
    """Put a cancelled session back on. Safe to call twice."""
    Session.objects.filter(pk=session.pk).update(status=Session.Status.SCHEDULED, cancel_reason="")
    session.status, session.cancel_reason = Session.Status.SCHEDULED, ""
    return session


# --- Sign-ups and the waiting list ------------------------------------------------------------


@transaction.atomic
def enrolment_add(*, activity: Activity, woman: Woman) -> Enrolment:
    """Sign a woman up, or put her on the waiting list when the activity is full.
    Safe to call twice."""
    if woman.centre_id != activity.centre_id:
        raise ValidationError(_("That woman is not known at this centre."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    enrolment = Enrolment.objects.filter(activity=activity, woman=woman).first()
    if enrolment and enrolment.status != Enrolment.Status.LEFT:
        return enrolment
    signed_up = activity.enrolments.filter(status=Enrolment.Status.SIGNED_UP).count()
    full = activity.capacity is not None and signed_up >= activity.capacity
    status = Enrolment.Status.WAITING if full else Enrolment.Status.SIGNED_UP
    if enrolment:
        enrolment.status, enrolment.created_at = status, timezone.now()
        enrolment.save(update_fields=["status", "created_at", "updated_at"])
        return enrolment
    return Enrolment.objects.create(activity=activity, woman=woman, status=status)


@transaction.atomic
def enrolment_leave(*, enrolment: Enrolment) -> Enrolment | None:
    """She is no longer coming: free her place for the first woman waiting. Safe to call twice."""
    activity = Activity.objects.select_for_update().get(pk=enrolment.activity_id)
    if enrolment.status == Enrolment.Status.LEFT:
        return None
    was_signed_up = enrolment.status == Enrolment.Status.SIGNED_UP
    enrolment.status = Enrolment.Status.LEFT
    enrolment.save(update_fields=["status", "updated_at"])
    session_ids = activity.sessions.filter(date__gte=timezone.localdate()).values_list(
        "pk", flat=True
    )
    _reminders_withdraw(session_ids, recipient=enrolment.woman.mobile.strip())
    if not was_signed_up:
        return None
    waiting = activity.enrolments.filter(status=Enrolment.Status.WAITING).order_by(
        "created_at", "id"
    )
    promoted = waiting.first()
    if promoted:
        promoted.status = Enrolment.Status.SIGNED_UP
        promoted.save(update_fields=["status", "updated_at"])
    return promoted


# --- The register -----------------------------------------------------------------------------


@dataclass
class RegisterState:
    woman_ids: frozenset[int]
    others_count: int
    facilitator_ids: frozenset[int]


def register_state(session: Session) -> RegisterState:
    return RegisterState(
        woman_ids=frozenset(session.attendances.values_list("woman_id", flat=True)),
        others_count=session.others_count,
        facilitator_ids=frozenset(session.facilitators_present.values_list("pk", flat=True)),
    )


@transaction.atomic
def register_save(
    *,
    session: Session,
    woman_ids: Iterable[int],
    others_count: int,
    facilitator_ids: Iterable[int],
    taken_by: User,
    expected_version: int,
) -> Session:
    """Save the whole register in one go. Safe to call twice (a double tap saves once, and a
    woman is never counted twice: the database refuses a second attendance). If someone else
    saved a different register since `expected_version`, raises centre.versioning's
    EditConflict and writes nothing."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    wanted = RegisterState(frozenset(woman_ids), others_count, frozenset(facilitator_ids))
    current = register_state(session)
    if current == wanted and session.register_taken_at:
        return session
    session = versioned_update(
        Session,
        pk=session.pk,
        expected_version=expected_version,
        values={
            "others_count": others_count,
            "register_taken_at": timezone.now(),
            "register_taken_by": taken_by,
        },
    )
    valid_women = set(
        Woman.objects.filter(centre_id=session.centre_id, pk__in=wanted.woman_ids).values_list(
            "pk", flat=True
        )
    )
    valid_facilitators = set(
        session.activity.facilitators.filter(
            pk__in=wanted.facilitator_ids, ended_on__isnull=True
        ).values_list("pk", flat=True)
    )
    session.attendances.exclude(woman_id__in=valid_women).delete()
    Attendance.objects.bulk_create(
        [
            Attendance(session=session, woman_id=woman_id, recorded_by=taken_by)
            for woman_id in valid_women - current.woman_ids
        ],
        ignore_conflicts=True,
    )
    session.facilitators_present.set(valid_facilitators)
    return session


@transaction.atomic
def feedback_add(
    *, session: Session, rating: int, comment: str = "", source: str = Feedback.Source.REGISTER
) -> Feedback:
    """Record one person's quick, anonymous feedback on a session: from the register page or
    from the shared tablet (`source`). Keeps no name and no device."""
    comment = (comment or "").strip()
    if len(comment) > Feedback.COMMENT_MAX:
        raise ValidationError(
            {
                "comment": _("Please make it shorter: up to %(n)d letters.")
                % {"n": Feedback.COMMENT_MAX}
            }
        )
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(_("This session did not run, so it cannot have feedback."))
    return _checked_save(Feedback(session=session, rating=rating, comment=comment, source=source))


# --- Courses ----------------------------------------------------------------------------------


@transaction.atomic
def course_completions_award(*, activity: Activity, awarded_by: User) -> list[CourseCompletion]:
    """Record completion for every woman who came to enough sessions of the course.
    Safe to call twice. Returns the completions made by this call."""
    if activity.kind != Activity.Kind.COURSE or not activity.completion_sessions:
        raise ValidationError(_("Say how many sessions complete this course first."))
    counts = (
        Attendance.objects.filter(session__activity=activity)
        .values("woman_id")
        .annotate(sessions=Count("id"))
        .filter(sessions__gte=activity.completion_sessions)
    )
    done = set(activity.completions.values_list("woman_id", flat=True))
    today = timezone.localdate()
    completed_on = min(activity.ends_on or today, today)
    new = [
        CourseCompletion(
            activity=activity,
            woman_id=row["woman_id"],
            sessions_attended=row["sessions"],
            completed_on=completed_on,
            awarded_by=awarded_by,
        )
        for row in counts
        if row["woman_id"] not in done
    ]
    CourseCompletion.objects.bulk_create(new, ignore_conflicts=True)
    return new


# --- Reminders --------------------------------------------------------------------------------


def reminder_time(session: Session) -> datetime:
    """When the reminder for a session goes: the day before at 10am, fixed so that queuing it
    twice gives the same outbox row."""
    day_before = session.date - timedelta(days=1)
    return timezone.make_aware(datetime.combine(day_before, time(REMINDER_HOUR)))


def reminder_context(woman: Woman, session: Session) -> dict[str, Any]:
    """What the discreet session_reminder text may say: her first name, the day and time."""
    return {"first_name": woman.known_as, "day": session.date, "start_time": session.start_time}


def _reminder_reference(session_id: int) -> str:
    """The outbox reference of a session's reminders (with the recipient, its key)."""
    return f"session:{session_id}"


def _reminders_withdraw(session_ids: Iterable[int], **only: Any) -> None:
    """Withdraw the reminders still queued for these sessions (`only`: to one recipient)."""
    OutboxMessage.objects.filter(
        purpose=REMINDER_PURPOSE,
        status=OutboxMessage.Status.QUEUED,
        reference__in=[_reminder_reference(pk) for pk in session_ids],
        **only,
    ).update(status=OutboxMessage.Status.CANCELLED)


def session_reminders_queue(*, now: datetime | None = None, hours_ahead: int = 36) -> int:
    """Queue reminders for sessions in the next `hours_ahead` hours, to women signed up who
    opted in. Safe to call twice (and every hour): the outbox key makes one message each."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    last_day = timezone.localdate(now + timedelta(hours=hours_ahead))
    sessions = Session.objects.filter(
        date__gt=today,
        date__lte=last_day,
        status=Session.Status.SCHEDULED,
        activity__status=Activity.Status.RUNNING,
    ).select_related("activity")
    queued = 0
    for session in sessions:
        enrolments = Enrolment.objects.filter(
            activity=session.activity_id, status=Enrolment.Status.SIGNED_UP
        ).select_related("woman")
        for enrolment in enrolments:
            woman = enrolment.woman
            # Session reminders go by text only.
            reach = reminder_channel(woman, channels=(OutboxMessage.Channel.SMS,))
            if reach is None or not woman.is_open:
                continue
            try:
                _message, created = message_queue(
                    kind=SESSION_REMINDER.name,
                    reference=_reminder_reference(session.pk),
                    channel=reach[0],
                    recipient=reach[1],
                    context=reminder_context(woman, session),
                    centre=session.centre,
                    send_at=reminder_time(session),
                )
            except ValidationError:
                # Her name itself reads as a giveaway word (e.g. "Justice"): better no text
                # than an indiscreet one. The others still get theirs.
                logger.warning("Reminder for woman %s not sent: wording not discreet", woman.pk)
                continue
            queued += created
    return queued
