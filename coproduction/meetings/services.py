"""Writes for groups and meetings. Every service is atomic and takes keyword arguments only."""

import calendar
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.models import Centre, Membership, User
from centre.versioning import versioned_update
from coproduction.suggestions import access as suggestion_access
from coproduction.suggestions import services as suggestion_services
from coproduction.suggestions.models import Suggestion

from .models import (
    PAPER_MAX_BYTES,
    PAPER_TYPES,
    PAPERS_RELEASE_DAYS,
    Action,
    AgendaItem,
    Attendance,
    Decision,
    ElectedRole,
    Group,
    GroupMember,
    InterestDeclaration,
    Invitation,
    Meeting,
    MeetingChange,
    MeetingSeries,
    Minutes,
    Naming,
    Paper,
)
from .reminders import reminders_withdraw

STEERING_STANDING_ITEM = "Service-user involvement"

MEETING_DETAILS = (
    "duration_minutes",
    "place",
    "accessibility_notes",
    "travel_notes",
    "provides_lunch",
    "provides_travel_costs",
    "provides_childcare",
    "also_provided",
)


# --- Groups, members and elected roles --------------------------------------------------------


@transaction.atomic
def group_create(
    *,
    centre: Centre,
    name: str,
    kind: str,
    terms_of_reference: str = "",
    standing_items: str = "",
    papers_release_days: int = PAPERS_RELEASE_DAYS,
) -> Group:
    """A new group; a name already used in the centre is a ValidationError. A steering group
    always starts with service-user involvement as a standing item."""
    if kind in Group.STEERING_KINDS and STEERING_STANDING_ITEM not in standing_items:
        standing_items = "\n".join(filter(None, [STEERING_STANDING_ITEM, standing_items.strip()]))
    group = Group(
        centre=centre,
        name=name.strip(),
        kind=kind,
        terms_of_reference=terms_of_reference,
        standing_items=standing_items,
        papers_release_days=papers_release_days,
    )
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_update(
    *,
    group: Group,
    name: str,
    kind: str,
    terms_of_reference: str,
    standing_items: str,
    papers_release_days: int = PAPERS_RELEASE_DAYS,
) -> Group:
    """Change a group's name, kind, terms of reference, standing items or when papers go out."""
    group.name, group.kind, group.terms_of_reference = name.strip(), kind, terms_of_reference
    group.standing_items = standing_items
    group.papers_release_days = papers_release_days
    group.full_clean()
    group.save(
        update_fields=[
            "name",
            "kind",
            "terms_of_reference",
            "standing_items",
            "papers_release_days",
        ]
    )
    return group


@transaction.atomic
def group_member_add(
    *,
    group: Group,
    user: User | None = None,
    woman: Woman | None = None,
    joined_on: date,
    wants_reminders: bool = False,
    naming: str = Naming.ANONYMOUS,
) -> GroupMember:
    """Add a member of the team or a woman (exactly one); someone already in the group is an error."""
    if (user is None) == (woman is None):
        raise ValidationError(_("Choose one person: someone from the team or a woman."))
    if woman is not None and woman.centre_id != group.centre_id:
        raise ValidationError(_("That woman is not at this centre."))
    current = group.members.filter(left_on__isnull=True)
    if current.filter(Q(user=user) if user else Q(woman=woman)).exists():
        raise ValidationError(_("She is already a member of this group."))
    member = GroupMember(
        group=group,
        user=user,
        woman=woman,
        joined_on=joined_on,
        wants_reminders=wants_reminders,
        naming=naming,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_naming_set(*, member: GroupMember, naming: str) -> GroupMember:
    """How she wants to be named from now on. Attendance already recorded keeps its choice
    unless the minutes are still a draft (then it follows her new choice)."""
    if naming not in Naming.values:
        raise ValidationError({"naming": _("Choose how she wants to be named.")})
    member.naming = naming
    member.save(update_fields=["naming"])
    if member.woman_id:
        drafts = Attendance.objects.filter(
            woman_id=member.woman_id, meeting__group_id=member.group_id
        ).exclude(meeting__minutes__status__in=[Minutes.Status.APPROVED, Minutes.Status.PUBLISHED])
        drafts.update(naming=naming)
    return member


@transaction.atomic
def group_member_leave(*, member: GroupMember, left_on: date) -> GroupMember:
    """She leaves the group; any role she holds ends the same day. Safe to call twice."""
    if member.left_on is not None:
        return member
    member.left_on = max(left_on, member.joined_on)
    member.save(update_fields=["left_on"])
    member.roles.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=member.left_on)).update(
        ends_on=member.left_on
    )
    return member


def _role_overlaps(
    group: Group, role: str, starts_on: date, ends_on: date | None
) -> QuerySet[ElectedRole]:
    overlapping = group.elected_roles.filter(role=role).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    return overlapping


@transaction.atomic
def elected_role_record(
    *,
    member: GroupMember,
    role: str,
    starts_on: date,
    ends_on: date | None,
    by: User,
) -> ElectedRole:
    """Record an election. For chair, vice chair and secretary, the holder whose term is still
    running hands over the day before; a term that would overlap an earlier finished one is an
    error. Past terms are kept as the group's election history."""
    group = Group.objects.select_for_update().get(pk=member.group_id)
    if not member.is_current:
        raise ValidationError(_("Only a current member can be elected."))
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The term must end after it starts.")})
    if role in ElectedRole.SINGLE_HOLDER:
        _hand_over(group, role, starts_on, ends_on)
    elected = ElectedRole(
        group=group, member=member, role=role, starts_on=starts_on, ends_on=ends_on, elected_by=by
    )
    elected.full_clean()
    elected.save()
    return elected


def _hand_over(group: Group, role: str, starts_on: date, ends_on: date | None) -> None:
    for holder in _role_overlaps(group, role, starts_on, ends_on):
        if holder.starts_on >= starts_on:
            raise ValidationError(
                _("%(name)s is already %(role)s from %(day)s. Change the dates.")
                % {
                    "name": holder.member,
                    "role": holder.get_role_display().lower(),
                    "day": f"{holder.starts_on:%-d %b %Y}",
                }
            )
        holder.ends_on = starts_on - timedelta(days=1)
        holder.save(update_fields=["ends_on"])


# --- Meetings ---------------------------------------------------------------------------------


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


# --- Agenda and actions ----------------------------------------------------------------------


def standing_titles(group: Group) -> list[str]:
    return [line.strip()[:300] for line in group.standing_items.splitlines() if line.strip()]


def suggestions_for_meetings(centre: Centre) -> QuerySet[Suggestion]:
    """Open suggestions marked "taken to a meeting" that passed the safeguarding check."""
    return Suggestion.objects.filter(
        centre=centre,
        status=Suggestion.Status.MEETING,
        screening=Suggestion.Screening.CLEAR,
        duplicate_of__isnull=True,
    ).order_by("received_on", "receipt_code")


def _suggestion_title(suggestion: Suggestion) -> str:
    return f"{suggestion.receipt_code}: {suggestion.you_said or suggestion.text}"[:300]


@transaction.atomic
def agenda_bring_in(*, meeting: Meeting) -> int:
    """Add the group's standing items and the open suggestions marked for a meeting that are not
    on this agenda yet; returns how many were added. Safe to call twice."""
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: its agenda cannot change."))
    items = meeting.agenda_items
    position = (items.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    have_titles = set(items.filter(kind=AgendaItem.Kind.STANDING).values_list("title", flat=True))
    have_suggestions = set(items.values_list("suggestion_id", flat=True))
    new = [
        AgendaItem(meeting=meeting, kind=AgendaItem.Kind.STANDING, title=title)
        for title in standing_titles(meeting.group)
        if title not in have_titles
    ] + [
        AgendaItem(
            meeting=meeting,
            kind=AgendaItem.Kind.SUGGESTION,
            title=_suggestion_title(suggestion),
            suggestion=suggestion,
        )
        for suggestion in suggestions_for_meetings(meeting.centre)
        if suggestion.pk not in have_suggestions
    ]
    for offset, item in enumerate(new):
        item.position = position + offset
    AgendaItem.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, raised_by: str, naming: str) -> AgendaItem:
    """A new item, with who raises it and how she wants to be named."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: its agenda cannot change."))
    last = meeting.agenda_items.order_by("-position").values_list("position", flat=True).first()
    item = AgendaItem(
        meeting=meeting,
        kind=AgendaItem.Kind.NEW,
        title=title.strip(),
        raised_by=raised_by.strip(),
        naming=naming,
        position=(last or 0) + 1,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    """Take an item off the agenda (carried-forward actions are not items and cannot be)."""
    item.delete()


@transaction.atomic
def action_create(*, meeting: Meeting, text: str, owner: User, due_on: date) -> Action:
    """An action point raised at this meeting; it is on the group's agendas until closed."""
    action = Action(
        centre=meeting.centre,
        group=meeting.group,
        raised_at=meeting,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_close(
    *, action: Action, status: str, reason: str = "", on: date | None = None
) -> Action:
    """Mark an open action done, or dropped with a reason. Closing a closed action is an error,
    so two people closing it at once cannot both win."""
    if status not in (Action.Status.DONE, Action.Status.DROPPED):
        raise ValidationError(_("Choose done or dropped."))
    if status == Action.Status.DROPPED and not reason.strip():
        raise ValidationError({"reason": _("Say why it is dropped: the group will see this.")})
    values = {
        "status": status,
        "closed_on": on or timezone.localdate(),
        "dropped_reason": reason.strip() if status == Action.Status.DROPPED else "",
    }
    if Action.objects.filter(pk=action.pk, status=Action.Status.OPEN).update(**values) != 1:
        raise ValidationError(_("Someone has already closed this action."))
    action.refresh_from_db()
    return action


# --- Attendance, minutes and decisions -------------------------------------------------------


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    came: list,
    apologies: list,
    guests: list[str],
    other_women: int,
) -> Meeting:
    """Replace the meeting's attendance. `came` and `apologies` hold users and women; someone
    in both is an error. Safe to call again with corrections."""
    if set(map(_key, came)) & set(map(_key, apologies)):
        raise ValidationError(_("Someone cannot both come and send apologies."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled: nobody came."))
    meeting.attendance.all().delete()
    naming = naming_choices(meeting)
    rows = [_attendance(meeting, p, Attendance.Status.PRESENT, naming) for p in came]
    rows += [_attendance(meeting, p, Attendance.Status.APOLOGIES, naming) for p in apologies]
    rows += [
        Attendance(meeting=meeting, guest=name.strip()[:120], status=Attendance.Status.PRESENT)
        for name in guests
        if name.strip()
    ]
    Attendance.objects.bulk_create(rows)
    Meeting.objects.filter(pk=meeting.pk).update(other_women=other_women)
    meeting.other_women = other_women
    return meeting


def _key(person: User | Woman) -> tuple[str, int]:
    return (type(person).__name__, person.pk)


def naming_choices(meeting: Meeting) -> dict[int, str]:
    """How each woman of the group wants to be named (her latest membership says)."""
    rows = meeting.group.members.filter(woman__isnull=False).order_by("joined_on", "pk")
    return dict(rows.values_list("woman_id", "naming"))


def _attendance(
    meeting: Meeting, person: User | Woman, status: str, naming: dict[int, str]
) -> Attendance:
    if isinstance(person, Woman):
        chosen = naming.get(person.pk, Naming.ANONYMOUS)
        return Attendance(meeting=meeting, woman=person, status=status, naming=chosen)
    return Attendance(meeting=meeting, user=person, status=status)


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, by: User, expected_version: int | None, text: str, plain_summary: str
) -> Minutes:
    """Save the draft (`expected_version` 0 for the first). Someone else's save since she opened
    it is an EditConflict (nothing overwritten); approved or published minutes no longer change."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # two first drafts: one waits
    minutes = Minutes.objects.filter(meeting=meeting).first()
    candidate = Minutes(meeting=meeting, text=text, plain_summary=plain_summary, drafted_by=by)
    candidate.full_clean(exclude=["meeting", "drafted_by"], validate_unique=False)
    if minutes is None and not expected_version:
        candidate.save()
        return candidate
    if minutes is not None and minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("These minutes are approved: they can no longer be changed."))
    if minutes is None:
        raise ValidationError(_("These minutes were removed. Start them again."))
    return versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={"text": text, "plain_summary": plain_summary, "drafted_by": by},
    )


@transaction.atomic
def minutes_approve(*, minutes: Minutes, by: User, expected_version: int | None) -> Minutes:
    """The chair approves the draft she read (its version)."""
    if minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("These minutes are already approved."))
    if not minutes.text.strip() or not minutes.plain_summary.strip():
        raise ValidationError(_("Write the minutes and the plain-words version first."))
    return versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={
            "status": Minutes.Status.APPROVED,
            "approved_by": by,
            "approved_at": timezone.now(),
        },
    )


@transaction.atomic
def minutes_publish(*, minutes: Minutes, by: User, expected_version: int | None) -> Minutes:
    """Publish approved minutes; each decision then gives its suggestion its status and answer."""
    if minutes.status != Minutes.Status.APPROVED:
        raise ValidationError(_("Only minutes the chair has approved can be published."))
    published = versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={"status": Minutes.Status.PUBLISHED, "published_at": timezone.now()},
    )
    for decision in minutes.meeting.decisions.filter(applied_at__isnull=True):
        _apply(decision, by)
    return published


def _apply(decision: Decision, by: User) -> None:
    suggestion = Suggestion.objects.select_for_update().get(pk=decision.suggestion_id)
    not_possible = decision.outcome == Decision.Outcome.NOT_POSSIBLE
    suggestion_services.suggestion_triage(
        suggestion=suggestion,
        by=by,
        expected_version=suggestion.version,
        theme=suggestion.theme or Suggestion.Theme.OTHER,
        owner=suggestion.owner or by,
        status=decision.outcome,
        reason=decision.answer if not_possible else suggestion.reason,
    )
    membership = Membership.objects.filter(
        user=by, centre_id=suggestion.centre_id, is_active=True
    ).first()
    outcome = suggestion.status in Suggestion.OUTCOME_STATUSES
    if outcome and suggestion_access.may_write_wording(membership, suggestion):
        # The answer becomes the draft "we did" wording; a manager approves it for the board.
        suggestion_services.suggestion_wording_write(
            suggestion=suggestion,
            by=by,
            membership=membership,
            expected_version=suggestion.version,
            you_said=suggestion.you_said or suggestion.text[:500],
            we_did=decision.answer,
        )
    Decision.objects.filter(pk=decision.pk).update(applied_at=timezone.now())


@transaction.atomic
def decision_record(
    *, meeting: Meeting, suggestion: Suggestion, outcome: str, answer: str
) -> Decision:
    """What the meeting decided about a suggestion on its agenda (changeable until the minutes
    are published)."""
    if not meeting.agenda_items.filter(suggestion=suggestion).exists():
        raise ValidationError(_("That suggestion is not on this meeting's agenda."))
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.status == Minutes.Status.PUBLISHED:
        raise ValidationError(_("The minutes are published: decisions can no longer change."))
    decision = Decision(meeting=meeting, suggestion=suggestion, outcome=outcome, answer=answer)
    decision.full_clean(exclude=["meeting", "suggestion"], validate_unique=False)
    decision, _created = Decision.objects.update_or_create(
        meeting=meeting, suggestion=suggestion, defaults={"outcome": outcome, "answer": answer}
    )
    return decision


@transaction.atomic
def interest_declare(
    *,
    meeting: Meeting,
    attendance: Attendance,
    agenda_item: AgendaItem,
    interest: str,
    left_room: bool,
    by: User,
) -> InterestDeclaration:
    """Someone who came declares an interest on one item of this meeting's agenda (and whether
    she left the room for it). It stays in the minutes even if attendance is corrected later."""
    if attendance.meeting_id != meeting.pk or attendance.status != Attendance.Status.PRESENT:
        raise ValidationError({"who": _("Choose someone who came to this meeting.")})
    if agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item on this meeting's agenda.")})
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("The minutes are approved: declarations can no longer change."))
    declaration = InterestDeclaration(
        meeting=meeting,
        agenda_item=agenda_item,
        user_id=attendance.user_id,
        woman_id=attendance.woman_id,
        guest=attendance.guest,
        naming=attendance.naming,
        interest=interest.strip(),
        left_room=left_room,
        recorded_by=by,
    )
    declaration.full_clean(exclude=["recorded_by", "user", "woman"])
    declaration.save()
    return declaration


# --- Invitations ------------------------------------------------------------------------------


@transaction.atomic
def invitation_record(
    *,
    meeting: Meeting,
    by: User,
    method: str,
    answer: str = Invitation.Answer.NOT_KNOWN,
    woman: Woman | None = None,
    user: User | None = None,
    route: str = Invitation.Route.KEY_WORKER,
) -> Invitation:
    """That `by` asked her (or him) to this meeting, how, and the answer. Asking again (a
    new answer, say) updates the one row for that person and meeting, so it is kept once."""
    if (user is None) == (woman is None):
        raise ValidationError(_("Choose one person to invite."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: nobody can be invited to it."))
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has already started."))
    if woman is not None and (woman.centre_id != meeting.centre_id or woman.anonymised_at):
        raise ValidationError(_("That woman is not at this centre."))
    candidate = Invitation(meeting=meeting, route=route, method=method, answer=answer)
    candidate.full_clean(exclude=["meeting", "user", "woman", "invited_by"], validate_unique=False)
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # two recording at once: one waits
    invitation, _created = Invitation.objects.update_or_create(
        meeting=meeting,
        woman=woman,
        user=user,
        defaults={
            "route": route,
            "method": method,
            "answer": answer,
            "invited_by": by,
            "invited_at": timezone.now(),
        },
    )
    return invitation


@transaction.atomic
def members_invite(*, meeting: Meeting, by: User, method: str) -> int:
    """Record that every current member not yet invited to this meeting was invited directly
    (the organiser sent the invitation round). Returns how many; safe to call twice."""
    invited = meeting.invitations.all()
    have_users = set(invited.filter(user__isnull=False).values_list("user_id", flat=True))
    have_women = set(invited.filter(woman__isnull=False).values_list("woman_id", flat=True))
    added = 0
    for member in meeting.group.members.filter(left_on__isnull=True).select_related("woman"):
        if member.user_id in have_users or (member.woman_id and member.woman_id in have_women):
            continue
        if member.woman is not None and member.woman.anonymised_at:
            continue
        invitation_record(
            meeting=meeting,
            by=by,
            method=method,
            user=member.user if member.user_id else None,
            woman=member.woman if member.woman_id else None,
            route=Invitation.Route.DIRECT,
        )
        added += 1
    return added


# --- Papers -----------------------------------------------------------------------------------


def paper_file_check(upload: Any) -> str:
    """The paper's content type, or a ValidationError saying what is wrong in plain words."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in PAPER_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "This kind of file cannot be attached. Save it as a PDF, a Word or "
                    "OpenDocument text file, or plain text, and try again."
                )
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": _("The file is empty. Choose the paper again.")})
    if upload.size > PAPER_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The file is too big (%(size)s MB). Papers can be up to %(max)s MB.")
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "max": PAPER_MAX_BYTES // 1024 // 1024,
                }
            }
        )
    head = upload.read(5)
    upload.seek(0)
    if extension == ".pdf" and head != b"%PDF-":
        raise ValidationError({"file": _("This file is not a real PDF. Save it again as a PDF.")})
    if extension in (".docx", ".odt") and not head.startswith(b"PK"):
        raise ValidationError({"file": _("This file is damaged or not what its name says.")})
    return PAPER_TYPES[extension]


@transaction.atomic
def paper_add(*, meeting: Meeting, title: str, plain_summary: str, upload: Any, by: User) -> Paper:
    """Attach a paper with its plain-words summary; members see it from the release date."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: papers cannot be added."))
    content_type = paper_file_check(upload)
    paper = Paper(
        meeting=meeting,
        title=title.strip(),
        plain_summary=plain_summary.strip(),
        file_name=upload.name.rsplit("/", 1)[-1][:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    paper.full_clean(exclude=["file", "uploaded_by"])
    paper.file.save(paper.file_name, upload, save=False)
    paper.save()
    return paper
