"""Reads for activities with visibility applied, the programme, and the numbers."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.http import Http404, HttpRequest
from django.utils import timezone

from casework.models import Stage, Woman
from casework.selectors import placement_conflicts
from centre.access import can, get_for_user, scope_to_centre
from centre.counting import counts_each
from centre.models import Centre
from centre.requests import CentreRequest

from . import access
from .models import (
    Activity,
    ActivityStatusChange,
    Attendance,
    CourseCompletion,
    Enrolment,
    Facilitator,
    Feedback,
    Session,
    Term,
)

M = TypeVar("M", bound=models.Model)

RECENT_WEEKS = 8
REGULARS_LIMIT = 60


def may_edit(request: HttpRequest) -> bool:
    return can(request, "edit_activities")


def is_manager(request: HttpRequest) -> bool:
    return can(request, "set_up_rooms_and_terms")


# --- Single objects ---------------------------------------------------------------------------


def get_activity_for_user(
    request: CentreRequest, pk: int, *, change: bool = False, manager_only: bool = False
) -> Activity:
    allowed = is_manager(request) if manager_only else (may_edit(request) or not change)
    return get_for_user(
        Activity.objects.select_related("room", "owner"), request, may_change=allowed, pk=pk
    )


def get_session_for_user(request: CentreRequest, pk: int, *, change: bool = False) -> Session:
    """A session: staff may see them all; a volunteer only those of activities she helps with.
    Changing a session (cancelling it) is for managers and key workers."""
    session = get_for_user(
        Session.objects.select_related("activity", "room", "register_taken_by"),
        request,
        pk=pk,
    )
    if change and not access.may_change_session(request):
        raise PermissionDenied
    if not access.may_take_register(request, session):
        raise PermissionDenied
    return session


def get_register_session_for_user(request: CentreRequest, pk: int) -> Session:
    """The register: any member of staff, or a volunteer for a session she helps with."""
    return get_session_for_user(request, pk)


def _get_child(
    request: CentreRequest,
    queryset: QuerySet[M],
    pk: int,
    *,
    change: bool = True,
    manager_only: bool = False,
) -> M:
    try:
        obj = queryset.get(pk=pk, activity__centre=request.centre)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
    allowed = is_manager(request) if manager_only else may_edit(request)
    if change and not allowed:
        raise PermissionDenied
    return obj


def get_facilitator_for_user(request: CentreRequest, pk: int) -> Facilitator:
    return _get_child(request, Facilitator.objects.select_related("activity"), pk)


def get_enrolment_for_user(request: CentreRequest, pk: int) -> Enrolment:
    return _get_child(request, Enrolment.objects.select_related("activity", "woman"), pk)


def get_completion_for_user(request: CentreRequest, pk: int) -> CourseCompletion:
    return _get_child(
        request,
        CourseCompletion.objects.select_related("activity", "woman"),
        pk,
        change=False,
    )


def get_woman_in_centre(request: CentreRequest, pk: int) -> Woman:
    try:
        return scope_to_centre(Woman.objects.all(), request).get(pk=pk)
    except (Woman.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Lists ------------------------------------------------------------------------------------


def activities_for_user(
    request: CentreRequest, *, status: str = "", kind: str = "", ideas: bool = False
) -> QuerySet[Activity]:
    activities = scope_to_centre(Activity.objects.all(), request).select_related("room", "owner")
    activities = access.activities_seen(request, activities)
    if status:
        activities = activities.filter(status=status)
    if kind:
        activities = activities.filter(kind=kind)
    if ideas:
        activities = activities.exclude(idea_stage="")
    today = timezone.localdate()
    return activities.annotate(
        upcoming=Count(
            "sessions",
            filter=Q(sessions__date__gte=today, sessions__status=Session.Status.SCHEDULED),
        ),
        next_date=Min(
            "sessions__date",
            filter=Q(sessions__date__gte=today, sessions__status=Session.Status.SCHEDULED),
        ),
    ).order_by("name")


def sessions_for_volunteer(request: CentreRequest, *, days: int = 14) -> QuerySet[Session]:
    """The sessions she helps with in the next fortnight (and today), for her start page."""
    today = timezone.localdate()
    if not request.user.is_authenticated:
        return Session.objects.none()
    return (
        scope_to_centre(Session.objects.all(), request)
        .filter(
            activity__facilitators__user=request.user,
            activity__facilitators__kind=Facilitator.Kind.VOLUNTEER,
            activity__facilitators__ended_on__isnull=True,
            date__gte=today - timedelta(days=7),
            date__lte=today + timedelta(days=days),
        )
        .select_related("activity", "room")
        .distinct()
        .order_by("date", "start_time")
    )


def budget_summary(activity: Activity) -> dict[str, Decimal]:
    committed = activity.costs.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    return {
        "budget": activity.budget,
        "committed": committed,
        "remaining": activity.budget - committed,
    }


def enrolment_counts(activity: Activity) -> dict[str, int]:
    counts = dict(
        activity.enrolments.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in Enrolment.Status.values}


# --- The register -----------------------------------------------------------------------------


def register_women(session: Session) -> tuple[list[Woman], set[int]]:
    """Who the register offers to tap: women already marked, women signed up, and women who
    came to this activity in the last few weeks. Ordered by name, with no more than we need."""
    since = session.date - timedelta(weeks=RECENT_WEEKS)
    present = set(session.attendances.values_list("woman_id", flat=True))
    signed_up = set(
        Enrolment.objects.filter(
            activity_id=session.activity_id, status=Enrolment.Status.SIGNED_UP
        ).values_list("woman_id", flat=True)
    )
    recent = set(
        Attendance.objects.filter(
            session__activity_id=session.activity_id,
            session__date__gte=since,
            session__date__lte=session.date,
        )
        .values("woman_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("woman_id", flat=True)[:REGULARS_LIMIT]
    )
    women = Woman.objects.filter(
        centre_id=session.centre_id, pk__in=present | signed_up | recent
    ).order_by("first_name", "last_name")
    return list(women), present


def women_search(request: CentreRequest, query: str, *, limit: int = 15) -> list[Woman]:
    """Women matching a name, among those this person may find (activities.access): staff
    search the centre by any name; a volunteer searches first names of the women booked on, or
    who came to, the activities she helps with."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    women = scope_to_centre(Woman.objects.all(), request).exclude(stage=Stage.CLOSED)
    women = access.women_findable(request, women)
    match = Q(first_name__icontains=query) | Q(preferred_name__icontains=query)
    if can(request, "see_full_names"):
        match |= Q(last_name__icontains=query)
    return list(women.filter(match).order_by("first_name", "last_name")[:limit])


def name_for(request: CentreRequest, woman: Woman) -> str:
    """What this person may see of a woman's name (activities.access decides): staff her full
    name; a volunteer the name she chose and the first letter of her last name ("Bex M."),
    enough to tell seven women called Bex apart, never her full name."""
    if can(request, "see_full_names"):
        return str(woman)
    return woman.short_name


def placement_pairs(centre: Centre, woman_ids: Iterable[int]) -> set[frozenset[int]]:
    """Pairs among these women who must not be placed together (from casework's alerts, which
    hold the reason; we never show it). A set of frozensets of two ids, only of these women."""
    ids = set(woman_ids)
    if len(ids) < 2:
        return set()
    return {pair for pair in placement_conflicts(centre, list(ids)) if set(pair) <= ids}


# --- The programme ----------------------------------------------------------------------------


def _session_state(session: Session) -> tuple[str, str]:
    activity = session.activity
    if session.status == Session.Status.CANCELLED:
        return "cancelled", session.cancel_reason
    if activity.status == Activity.Status.PAUSED and session.date >= activity.status_changed_on:
        return "paused", activity.status_reason
    return "on", ""


def _programme_sessions(centre: Centre, start: date, end: date) -> QuerySet[Session]:
    return (
        Session.objects.filter(centre=centre, date__gte=start, date__lte=end)
        .exclude(activity__status=Activity.Status.ENDED, status=Session.Status.CANCELLED)
        .select_related("activity", "room")
        .order_by("date", "start_time", "activity__name")
    )


def _entry(session: Session) -> dict[str, Any]:
    state, note = _session_state(session)
    activity = session.activity
    return {
        "session_id": session.pk,
        "activity_id": activity.pk,
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "activity": activity.name,
        "kind": activity.kind,
        "kind_label": str(activity.get_kind_display()),
        "category": activity.category,
        "category_label": str(activity.get_category_display()),
        "description": activity.description,
        "accessibility_notes": activity.accessibility_notes,
        "open_drop_in": activity.capacity is None,
        "room": session.room.name if session.room else "",
        "location": session.location,
        "state": state,
        "note": note,
    }


def week_programme(centre: Centre, week_start: date) -> list[dict[str, Any]]:
    """The week's sessions from `week_start` (any day; the week runs seven days from it) for the
    tablet and the newsletter. Plain dicts with no personal data: no women, no staff names."""
    end = week_start + timedelta(days=6)
    return [_entry(session) for session in _programme_sessions(centre, week_start, end)]


def sessions_for_feedback(centre: Centre, now: datetime | None = None) -> list[dict[str, Any]]:
    """Sessions a woman can tell us about on the tablet: today's that have started and
    yesterday's, that ran (not cancelled, the group not paused or ended on the day). Newest
    first. Plain dicts with no personal data: `session_id, activity_id, date, start_time,
    end_time, activity, kind, category, category_label, room, location, is_today`."""
    now = timezone.localtime(now) if now else timezone.localtime()
    today = now.date()
    yesterday = today - timedelta(days=1)
    sessions = (
        Session.objects.filter(
            centre=centre,
            date__gte=yesterday,
            date__lte=today,
            status=Session.Status.SCHEDULED,
        )
        .exclude(date=today, start_time__gt=now.time())
        .select_related("activity", "room")
        .order_by("-date", "-start_time", "activity__name")
    )
    entries = []
    for session in sessions:
        state, _note = _session_state(session)
        activity = session.activity
        if state != "on" or (
            activity.status == Activity.Status.ENDED and session.date > activity.status_changed_on
        ):
            continue
        entry = _entry(session)
        entry["is_today"] = session.date == today
        for private in ("description", "accessibility_notes", "note", "state"):
            entry.pop(private)
        entries.append(entry)
    return entries


def get_feedback_session(
    centre: Centre, session_id: int, now: datetime | None = None
) -> Session | None:
    """The session `session_id` if a woman may give feedback on it from the tablet, else None."""
    for entry in sessions_for_feedback(centre, now=now):
        if str(entry["session_id"]) == str(session_id):
            return Session.objects.get(pk=entry["session_id"])
    return None


def recent_feedback(activity: Activity, limit: int = 12) -> list[Feedback]:
    """The newest feedback on an activity's sessions, from the register and the tablet."""
    feedback = Feedback.objects.filter(session__activity=activity).select_related("session")
    return list(feedback.order_by("-created_at", "-id")[:limit])


def term_programme(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Weeks (Monday to Sunday) from start to end, each day with its sessions, empty days and
    weeks marked, and the weekdays with nothing on regularly (the gaps)."""
    first_monday = start - timedelta(days=start.weekday())
    entries = defaultdict(list)
    for session in _programme_sessions(centre, first_monday, end):
        entries[session.date].append(_entry(session))
    weeks, day = [], first_monday
    weekday_counts: defaultdict[int, int] = defaultdict(int)
    while day <= end:
        days = []
        for offset in range(7):
            current = day + timedelta(days=offset)
            in_range = start <= current <= end
            sessions = entries.get(current, []) if in_range else []
            running = [s for s in sessions if s["state"] == "on"]
            if running:
                weekday_counts[current.weekday()] += 1
            days.append(
                {"date": current, "in_range": in_range, "sessions": sessions, "empty": not running}
            )
        weeks.append(
            {"start": day, "days": days, "empty": all(d["empty"] for d in days if d["in_range"])}
        )
        day += timedelta(days=7)
    gaps = [weekday for weekday in range(5) if weekday_counts[weekday] == 0]
    return {"weeks": weeks, "gap_weekdays": gaps}


def current_term(centre: Centre, today: date | None = None) -> Term | None:
    today = today or timezone.localdate()
    return (
        Term.objects.filter(centre=centre, starts_on__lte=today, ends_on__gte=today).first()
        or Term.objects.filter(centre=centre, starts_on__gt=today).order_by("starts_on").first()
    )


def programme_timetable(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """The notice-board view of a term: what is on every week (from schedules), the one-off
    trips and events, cancelled days, and groups paused or ended with their reasons."""
    sessions = list(_programme_sessions(centre, start, end))
    regular: dict[tuple[int, time, int], dict[str, Any]] = {}
    one_offs: list[dict[str, Any]] = []
    cancelled: list[dict[str, Any]] = []
    for session in sessions:
        entry = _entry(session)
        if entry["state"] == "cancelled":
            cancelled.append(entry)
        elif session.schedule_id:
            key = (session.date.weekday(), session.start_time, session.activity_id)
            regular.setdefault(key, entry | {"weekday": session.date.weekday(), "count": 0})
            regular[key]["count"] += 1
            if entry["state"] == "paused":  # paused part-way through: the notice board says so
                regular[key].update(state="paused", note=entry["note"])
        else:
            one_offs.append(entry)
    by_day: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for slot in sorted(regular):
        by_day[slot[0]].append(regular[slot])
    # A paused group already in the weekly table says so there; the list is for the others.
    in_the_week = {entry["activity_id"] for entry in regular.values() if entry["state"] == "paused"}
    paused = (
        Activity.objects.filter(centre=centre, status__in=[Activity.Status.PAUSED])
        .exclude(pk__in=in_the_week)
        .order_by("name")
    )
    return {
        "by_day": [(weekday, by_day.get(weekday, [])) for weekday in range(7)],
        "one_offs": one_offs,
        "cancelled": cancelled,
        "paused": list(paused),
    }


# --- Numbers ----------------------------------------------------------------------------------


def _month(day: date) -> date:
    return day.replace(day=1)


def _months(start: date, end: date) -> list[date]:
    months, current = [], _month(start)
    while current <= end:
        months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def _blank() -> dict[str, Any]:
    return {
        "sessions_run": 0,
        "attendances": 0,
        "others": 0,
        "women": set(),
        "new_women": 0,
        "drop_off": 0,
    }


def _finish(row: dict[str, Any]) -> dict[str, Any]:
    women = row.pop("women")
    row["unique_women"] = len(women)
    row["average_attendance"] = (
        round((row["attendances"] + row["others"]) / row["sessions_run"], 1)
        if row["sessions_run"]
        else 0
    )
    return row


def activity_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Sessions run, attendances, unique women, new women and drop-off, in total, per activity
    and per month, for sessions whose register was taken between start and end (inclusive).

    - new women: her first attendance at any activity (per activity: at that activity) is in
      the period;
    - drop-off per activity: women who came in the period but missed the activity's last three
      sessions run in it; per month: women who came the month before but not that month.
    No small-number suppression here: the report that publishes them applies it.
    """
    months = _months(start, end)
    before = months[0] - timedelta(days=1)
    sessions = list(
        Session.objects.filter(
            centre=centre,
            date__gte=_month(before),
            date__lte=end,
            register_taken_at__isnull=False,
        ).values_list("pk", "activity_id", "date", "others_count")
    )
    session_by_id = {pk: (activity_id, day) for pk, activity_id, day, _ in sessions}
    attendance = list(
        Attendance.objects.filter(session_id__in=list(session_by_id)).values_list(
            "session_id", "woman_id"
        )
    )
    totals, by_month = _blank(), {m: _blank() for m in months}
    by_activity: defaultdict[int, dict] = defaultdict(_blank)
    month_women: defaultdict[date, set[int]] = defaultdict(set)
    activity_sessions = defaultdict(list)
    for pk, activity_id, day, others in sessions:
        month_women.setdefault(_month(day), set())
        if day < start:
            continue
        for row in (totals, by_activity[activity_id], by_month[_month(day)]):
            row["sessions_run"] += 1
            row["others"] += others
        activity_sessions[activity_id].append((day, pk))
    last_seen: dict[tuple[int, int], date] = {}
    for session_id, woman_id in attendance:
        activity_id, day = session_by_id[session_id]
        month_women[_month(day)].add(woman_id)
        if day < start:
            continue
        for row in (totals, by_activity[activity_id], by_month[_month(day)]):
            row["attendances"] += 1
            row["women"].add(woman_id)
        key = (activity_id, woman_id)
        last_seen[key] = max(last_seen.get(key, day), day)
    _count_new_women(centre, start, end, totals, by_activity, by_month)
    for activity_id, runs in activity_sessions.items():
        runs.sort()
        if len(runs) < 4:
            continue
        cutoff = runs[-3][0]
        by_activity[activity_id]["drop_off"] = sum(
            1 for (aid, _woman), seen in last_seen.items() if aid == activity_id and seen < cutoff
        )
    for month in months:
        previous = _month(month - timedelta(days=1))
        by_month[month]["drop_off"] = len(month_women.get(previous, set()) - month_women[month])
    activities = Activity.objects.filter(pk__in=list(by_activity)).values(
        "pk", "name", "kind", "category", "status"
    )
    per_activity = []
    for found in sorted(activities, key=lambda a: a["name"].lower()):
        per_activity.append(
            {
                "activity_id": found["pk"],
                "name": found["name"],
                "kind": found["kind"],
                "category": found["category"],
                "status": found["status"],
                **_finish(by_activity[found["pk"]]),
            }
        )
    return {
        "start": start,
        "end": end,
        "totals": _finish(totals) | {"activities_run": len(activity_sessions)},
        "by_activity": per_activity,
        "by_month": [{"month": month, **_finish(by_month[month])} for month in months],
        "stopped": _stopped(centre, start, end),
    }


def activity_headline(centre: Centre, start: date, end: date) -> dict[str, int]:
    """Only the two headline figures of `activity_numbers`: the women who came to a session
    whose register was taken between start and end, and how many of them came for the first
    time ever (`activity_headlines` for one period)."""
    return activity_headlines(centre, {"period": (start, end)})["period"]


def activity_headlines(
    centre: Centre, periods: Mapping[str, tuple[date, date]]
) -> dict[str, dict[str, int]]:
    """`activity_headline` for each of `periods` (key -> (start, end)), in two counting queries
    whatever their number: the report's eight-quarter charts, where the whole set of numbers
    reads every session and attendance of a period into Python (39 ms a quarter on the large
    data set) and a pair of queries per quarter took 22 ms."""
    taken = Attendance.objects.filter(
        session__centre=centre, session__register_taken_at__isnull=False
    )
    spans = list(periods.values())
    unique = counts_each(
        taken, [Q(session__date__range=span) for span in spans], of="woman_id", distinct=True
    )
    firsts = taken.values("woman_id").annotate(first=Min("session__date"))
    new = counts_each(firsts, [Q(first__range=span) for span in spans], of="woman_id")
    return {key: {"unique_women": unique[i], "new_women": new[i]} for i, key in enumerate(periods)}


def _count_new_women(
    centre: Centre,
    start: date,
    end: date,
    totals: dict[str, Any],
    by_activity: dict[int, dict[str, Any]],
    by_month: dict[date, dict[str, Any]],
) -> None:
    firsts = (
        Attendance.objects.filter(session__centre=centre, session__register_taken_at__isnull=False)
        .values("woman_id")
        .annotate(first=Min("session__date"))
        .filter(first__gte=start, first__lte=end)
        .values_list("first", flat=True)
    )
    for first in firsts:
        totals["new_women"] += 1
        by_month[_month(first)]["new_women"] += 1
    per_activity = (
        Attendance.objects.filter(session__centre=centre, session__register_taken_at__isnull=False)
        .values("woman_id", "session__activity_id")
        .annotate(first=Min("session__date"))
        .filter(first__gte=start, first__lte=end)
        .values_list("session__activity_id", flat=True)
    )
    for activity_id in per_activity:
        by_activity[activity_id]["new_women"] += 1


def _stopped(centre: Centre, start: date, end: date) -> list[dict[str, Any]]:
    """Groups that paused or ended in the period, and why: reports show why groups stop."""
    changes = ActivityStatusChange.objects.filter(
        activity__centre=centre,
        effective_on__gte=start,
        effective_on__lte=end,
        to_status__in=[Activity.Status.PAUSED, Activity.Status.ENDED],
    ).select_related("activity")
    return [
        {
            "activity_id": change.activity_id,
            "name": change.activity.name,
            "status": change.to_status,
            "reason": change.reason,
            "on": change.effective_on,
        }
        for change in changes
    ]
