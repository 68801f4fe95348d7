"""Reads for suggestions, with visibility applied.

Held suggestions (possible disclosures) are visible to managers only; volunteers see only
suggestions that passed the safeguarding check; steering group members see numbers, never a
suggestion.
"""

from collections.abc import Iterable
from datetime import date
from statistics import mean, median
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from centre import deadlines
from centre.access import can, get_for_user, scope_to_centre
from centre.documents.models import Document
from centre.documents.selectors import document_find
from centre.models import Centre, User
from centre.requests import CentreRequest

from . import access
from .models import Suggestion

# The poster's document kind (coproduction/suggestions/documents.py registers it).
POSTER = "you_said_we_did_poster"


def suggestions_visible(request: CentreRequest) -> QuerySet[Suggestion]:
    """The suggestions of this centre this person may see (suggestions.access decides)."""
    return access.suggestions_visible(request, scope_to_centre(Suggestion.objects.all(), request))


def get_suggestion_for_user(
    request: CentreRequest, code: str, *, change: bool = False
) -> Suggestion:
    """The suggestion with this receipt code this person may see (else 404); 403 when she may
    see but not change it."""
    suggestion = get_for_user(
        suggestions_visible(request).select_related("owner", "duplicate_of", "centre", "activity"),
        request,
        receipt_code=code,
    )
    if change and not can(request, "screen_suggestions"):
        raise PermissionDenied
    return suggestion


def suggestion_list(request: CentreRequest, filters: dict[str, Any]) -> QuerySet[Suggestion]:
    """The staff list, newest first, filtered; ageing comes from received_on."""
    suggestions = suggestions_visible(request).select_related("owner")
    status = filters.get("status")
    if status == "open":
        suggestions = suggestions.filter(status__in=Suggestion.OPEN_STATUSES)
    elif status:
        suggestions = suggestions.filter(status=status)
    if filters.get("theme"):
        suggestions = suggestions.filter(theme=filters["theme"])
    if filters.get("source"):
        suggestions = suggestions.filter(source=filters["source"])
    if filters.get("owner"):
        suggestions = suggestions.filter(owner=filters["owner"])
    if filters.get("screening"):
        suggestions = suggestions.filter(screening=filters["screening"])
    if filters.get("wording"):
        suggestions = suggestions.filter(wording=filters["wording"])
    if filters.get("overdue"):
        suggestions = overdue(suggestions, request.centre)
    if filters.get("code"):
        suggestions = suggestions.filter(receipt_code__icontains=filters["code"].strip())
    return suggestions.order_by("-received_on", "receipt_code")


def overdue_q(centre: Centre, today: date | None = None, working_days: int | None = None) -> Q:
    """Open suggestions, not duplicates, with no answer within the response target (in
    working days, centre/deadlines.py). One query for the holidays, then a plain filter."""
    late = deadlines.response_overdue_q(
        "received_on",
        centre=centre,
        working_days=working_days or centre.suggestion_response_days,
        today=today,
    )
    return Q(status__in=Suggestion.OPEN_STATUSES, duplicate_of__isnull=True) & late


def overdue(
    suggestions: QuerySet[Suggestion], centre: Centre, today: date | None = None
) -> QuerySet[Suggestion]:
    return suggestions.filter(overdue_q(centre, today))


def suggestion_summary(request: CentreRequest) -> dict[str, Any]:
    """Counts for the top of the list and the home panel, in one query (and one for holidays).

    Every count is of suggestions still open, waiting for or held at the safeguarding check, or
    with public wording to approve, so only those rows are read (by the centre's status,
    screening and wording indexes): the years of answered suggestions behind them cost nothing.
    On the large data set the home page's count read 3,015 rows for about 450 that count."""
    open_q = Q(status__in=Suggestion.OPEN_STATUSES)
    countable = (
        open_q
        | Q(screening__in=[Suggestion.Screening.TO_SCREEN, Suggestion.Screening.HELD])
        | Q(wording=Suggestion.Wording.DRAFT)
    )
    return (
        suggestions_visible(request)
        .filter(countable)
        .aggregate(
            to_screen=Count("pk", filter=Q(screening=Suggestion.Screening.TO_SCREEN)),
            held=Count("pk", filter=Q(screening=Suggestion.Screening.HELD)),
            open=Count("pk", filter=open_q),
            unanswered=Count("pk", filter=Q(status=Suggestion.Status.RECEIVED)),
            overdue=Count("pk", filter=overdue_q(request.centre)),
            mine=Count("pk", filter=open_q & Q(owner=request.user)),
            wording_to_approve=Count("pk", filter=Q(wording=Suggestion.Wording.DRAFT)),
        )
    )


def owner_choices(centre: Centre) -> QuerySet[User]:
    staff = access.staff_memberships(centre).values("user_id")
    return User.objects.filter(pk__in=staff).order_by("first_name", "last_name", "username")


def duplicate_choices(suggestion: Suggestion) -> QuerySet[Suggestion]:
    return (
        Suggestion.objects.filter(centre=suggestion.centre)
        .exclude(pk=suggestion.pk)
        .exclude(screening=Suggestion.Screening.HELD)
        .filter(duplicate_of__isnull=True)
        .order_by("-received_on", "receipt_code")
    )


def you_said_we_did_items(centre: Centre, limit: int | None = None) -> QuerySet[Suggestion]:
    """Approved public wording, newest first: the board, the poster, newsletters and reports.
    A suggestion marked the same as another is answered by that one, so it is listed once."""
    items = (
        Suggestion.objects.filter(centre=centre, wording=Suggestion.Wording.APPROVED)
        .exclude(screening=Suggestion.Screening.HELD)
        .filter(duplicate_of__isnull=True)
    )
    items = items.only(
        "pk",
        "about",
        "theme",
        "status",
        "agreed_in_part",
        "you_said",
        "we_did",
        "wording_approved_on",
        "received_on",
    ).order_by("-wording_approved_on", "receipt_code")
    return items[:limit] if limit else items


def suggestion_for_receipt(centre: Centre, code: str) -> Suggestion | None:
    """The suggestion a receipt code belongs to at this centre, or None."""
    if not code:
        return None
    return (
        Suggestion.objects.filter(centre=centre, receipt_code=code)
        .select_related("duplicate_of")
        .first()
    )


# Ideas that became activities ------------------------------------------------------------------

_STATUS_ORDER = [choice for choice, _label in Suggestion.Status.choices]


def activity_moved_on(activity: Activity) -> bool:
    """The activity is a pilot (or past it) or running: her answer can move on."""
    return activity.status == Activity.Status.RUNNING or activity.idea_stage in (
        Activity.IdeaStage.PILOT,
        Activity.IdeaStage.REVIEWED,
    )


def idea_needs_update(suggestion: Suggestion, activity: Activity) -> bool:
    """The activity has moved on but the suggestion's answer has not caught up: at a pilot it
    should be at least "agreed"; once running, "done" with its public wording written.
    Nothing is ever published by this: the owner updates it and a manager approves the wording."""
    if suggestion.is_held or not activity_moved_on(activity):
        return False
    if suggestion.status == Suggestion.Status.NOT_POSSIBLE:
        return False
    running = activity.status == Activity.Status.RUNNING
    target = Suggestion.Status.DONE if running else Suggestion.Status.AGREED
    if _STATUS_ORDER.index(suggestion.status) < _STATUS_ORDER.index(target):
        return True
    return running and suggestion.wording == Suggestion.Wording.NONE


def ideas_for_activity(request: CentreRequest, activity: Activity) -> list[dict[str, Any]]:
    """For the activity page (registered with activities.links): the suggestions an activity
    started from. Receipt code and a link for people who may open the suggestion; never her
    words, and never a suggestion held for safeguarding."""
    suggestions = (
        Suggestion.objects.filter(activity=activity, centre_id=activity.centre_id)
        .exclude(screening=Suggestion.Screening.HELD)
        .only("pk", "receipt_code", "owner_id", "status", "wording", "screening")
        .order_by("received_on", "receipt_code")
    )
    items = []
    for suggestion in suggestions:
        visible = access.may_open_suggestion(request, suggestion)
        items.append(
            {
                "code": suggestion.receipt_code,
                "url": reverse("suggestions:detail", kwargs={"code": suggestion.receipt_code})
                if visible
                else None,
                "owner_id": suggestion.owner_id,
                "needs_update": idea_needs_update(suggestion, activity),
            }
        )
    return items


def activities_to_link(suggestion: Suggestion) -> QuerySet[Activity]:
    """Activities of the suggestion's centre a woman's idea can be joined to (not ended)."""
    return (
        Activity.objects.filter(centre_id=suggestion.centre_id)
        .exclude(status=Activity.Status.ENDED)
        .order_by("name")
    )


def poster_for_centre(centre: Centre) -> Document:
    """The centre's poster document, or an unsaved one when none was ever asked for."""
    return document_find(centre=centre, kind=POSTER) or Document(centre=centre, kind=POSTER)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _days(pairs: Iterable[tuple[date, date | None]]) -> dict[str, Any]:
    values = [(end - start).days for start, end in pairs if end is not None]
    if not values:
        return {"count": 0, "median": None, "mean": None}
    return {"count": len(values), "median": median(values), "mean": round(mean(values), 1)}


def suggestion_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Numbers about suggestions received from `start` to `end` (dates, both included), for
    the numbers page and the quarterly report. Held (safeguarding) suggestions are only
    counted, never broken down. Shares are fractions from 0 to 1, or None when nothing to share.

    "Answered" means agreed, done or not possible. The share answered within target counts only
    suggestions whose target date has passed or which have been answered."""
    target = centre.suggestion_response_days
    calendar = deadlines.working_calendar(centre=centre)
    today = timezone.localdate()
    base = Suggestion.objects.filter(centre=centre, received_on__gte=start, received_on__lte=end)
    held = base.filter(screening=Suggestion.Screening.HELD).count()
    rows = list(
        base.exclude(screening=Suggestion.Screening.HELD).values_list(
            "source",
            "theme",
            "status",
            "received_on",
            "first_response_on",
            "answered_on",
            "outcome_on",
            "duplicate_of",
        )
    )
    by_source = dict.fromkeys(Suggestion.Source.values, 0)
    by_theme = dict.fromkeys([*Suggestion.Theme.values, ""], 0)
    by_status = dict.fromkeys(Suggestion.Status.values, 0)
    judged = within = 0
    for source, theme, status, received, _first, answered, _outcome, _dup in rows:
        by_source[source] += 1
        by_theme[theme] += 1
        by_status[status] += 1
        due = calendar.due_date(received, target)
        if answered is not None or deadlines.is_overdue(due_on=due, today=today):
            judged += 1
            within += int(answered is not None and answered <= due)
    outcomes = by_status[Suggestion.Status.DONE] + by_status[Suggestion.Status.NOT_POSSIBLE]
    return {
        "start": start,
        "end": end,
        "response_target_days": target,
        "received": len(rows),
        "held_for_safeguarding": held,
        "by_source": by_source,
        "by_theme": by_theme,
        "by_status": by_status,
        "duplicates": sum(1 for row in rows if row[7] is not None),
        "first_response_days": _days((row[3], row[4]) for row in rows),
        "outcome_days": _days((row[3], row[6]) for row in rows),
        "answered": sum(by_status[s] for s in Suggestion.ANSWERED_STATUSES),
        "judged_against_target": judged,
        "answered_within_target": within,
        "answered_within_target_share": _share(within, judged),
        "with_outcome": outcomes,
        "done_share": _share(by_status[Suggestion.Status.DONE], outcomes),
        "not_possible_share": _share(by_status[Suggestion.Status.NOT_POSSIBLE], outcomes),
    }
