"""Reads for the newsletter, always through the centre scope and the room's visibility."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet, Window
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.formats import date_format

from activities.selectors import week_programme
from casework.models import OPEN_STAGES, Woman
from casework.selectors import caseload_for_user, visible_women
from centre.access import get_for_user, scope_to_centre
from centre.documents.models import Document
from centre.documents.selectors import document_find
from centre.documents.services import Coverage
from centre.models import Centre, Membership, User
from centre.requests import CentreRequest
from coproduction.meetings.models import Group, Meeting
from coproduction.suggestions.selectors import you_said_we_did_items

from . import access
from .models import Comment, Contribution, Issue, Subscription

ISSUE_DOCUMENT = "newsletter_issue"  # the document kind (documents.py registers it)
ACTIVITY_DAYS = 28  # "the coming weeks" on the day the issue is built
MEETING_DAYS = 70
YOU_SAID_LIMIT = 8
# The meetings women can come to (the steering group's own meetings are not for the newsletter).
OPEN_MEETING_KINDS = (
    Group.Kind.SERVICE_USER,
    Group.Kind.WOMEN_STEERING,
    Group.Kind.COMMUNICATIONS,
)


# --- Issues -----------------------------------------------------------------------------------


def issues_for_user(request: HttpRequest) -> QuerySet[Issue]:
    issues = scope_to_centre(Issue.objects.all(), request)
    return access.visible_issues(request, issues)


def get_issue_for_user(request: HttpRequest, pk: int, *, manage: bool = False) -> Issue:
    """An issue this person may open (404 otherwise); 403 if `manage` and she may not run it."""
    issue = get_for_user(issues_for_user(request), request, pk=pk)
    if manage and not access.may_manage_issue(request, issue):
        get_for_user(issues_for_user(request), request, may_change=False, pk=pk)
    return issue


def open_issues(request: HttpRequest) -> QuerySet[Issue]:
    return issues_for_user(request).filter(status=Issue.Status.OPEN).order_by("deadline")


def open_issues_she_edits(request: HttpRequest) -> QuerySet[Issue]:
    """The open issues on whose editorial group she sits, in one query (her home panel)."""
    return open_issues(request).filter(editors__user_id=request.user.pk or 0).distinct()


def archive(request: HttpRequest) -> QuerySet[Issue]:
    return issues_for_user(request).filter(status=Issue.Status.PUBLISHED).order_by("-number")


def latest_published(centre: Centre) -> Issue | None:
    """The newest published issue (the tablet shows it)."""
    return (
        Issue.objects.filter(centre=centre, status=Issue.Status.PUBLISHED)
        .order_by("-published_on", "-number")
        .first()
    )


def tablet_photo(centre: Centre, pk: int) -> Contribution:
    """A photo the tablet may show: one printed in the centre's latest issue, else a 404."""
    issue = latest_published(centre)
    if issue is None:
        raise Http404
    piece = printable_pieces(issue).filter(pk=pk).exclude(image="").first()
    if piece is None:
        raise Http404
    return piece


def current_call(centre: Centre, today: date | None = None) -> Issue | None:
    """The open issue whose call for contributions is running (soonest deadline first)."""
    today = today or timezone.localdate()
    return (
        Issue.objects.filter(centre=centre, status=Issue.Status.OPEN, deadline__gte=today)
        .order_by("deadline", "number")
        .first()
    )


def next_number(centre: Centre) -> int:
    last = Issue.objects.filter(centre=centre).order_by("-number").values_list("number", flat=True)
    return (last.first() or 0) + 1


def previous_issue(issue: Issue) -> Issue | None:
    return (
        Issue.objects.filter(centre_id=issue.centre_id, number__lt=issue.number)
        .order_by("-number")
        .first()
    )


def issue_document(issue: Issue) -> Document | None:
    """The printed issue's document row, if it was ever asked for."""
    return document_find(centre=issue.centre, kind=ISSUE_DOCUMENT, coverage=Coverage(obj=issue))


def editors_of(issue: Issue) -> list[Any]:
    return list(issue.editors.select_related("user").order_by("user__first_name"))


def editor_choices(request: CentreRequest, issue: Issue) -> QuerySet[User]:
    """Staff and volunteers of the centre who are not in the group yet (never the steering
    role: the group sees women's pieces before they are published)."""
    memberships = Membership.objects.filter(
        centre=request.centre, is_active=True, role__in=sorted(access.WORKERS)
    )
    return (
        User.objects.filter(pk__in=memberships.values("user_id"), is_active=True)
        .exclude(pk__in=issue.editors.values("user_id"))
        .order_by("first_name", "last_name")
    )


# --- Pieces -----------------------------------------------------------------------------------


def _pieces() -> QuerySet[Contribution]:
    return Contribution.objects.select_related("issue", "woman", "author", "entered_by")


def pieces_for_user(request: HttpRequest, issue: Issue) -> QuerySet[Contribution]:
    pieces = _pieces().filter(issue=issue)
    return access.visible_contributions(request, issue, pieces).order_by("state", "created_at")


def get_piece_for_user(request: HttpRequest, pk: int) -> Contribution:
    """A piece of an issue this person may open, that she may see (404 otherwise)."""
    piece = get_for_user(_pieces(), request, pk=pk)
    issue = get_issue_for_user(request, piece.issue_id)
    if not pieces_for_user(request, issue).filter(pk=piece.pk).exists():
        raise Http404
    return piece


def printable_pieces(issue: Issue) -> QuerySet[Contribution]:
    """What goes in the issue: ready (or published) pieces with consent, never a withdrawn one,
    and a photo of people only when everyone in it agreed."""
    return (
        _pieces()
        .filter(
            issue=issue,
            withdrawn_at__isnull=True,
            consent_to_publish=True,
            state__in=[Contribution.State.READY, Contribution.State.PUBLISHED],
        )
        .exclude(people_in_photo=True, everyone_in_photo_agreed=False)
        .order_by("kind", "created_at")
    )


def piece_items(
    issue: Issue, *, image: Callable[[Contribution], str] | None = None
) -> list[dict[str, Any]]:
    """The printable pieces as the page, PDF and tablet show them: the piece, its credit as she
    chose it, and where its photo comes from (`image`; none: described in words)."""
    return [
        {
            "piece": piece,
            "credit": piece.credit_line,
            "image": image(piece) if image and piece.image else "",
        }
        for piece in printable_pieces(issue)
    ]


def comments_on(piece: Contribution) -> QuerySet[Comment]:
    return piece.comments.select_related("author")


def woman_choices(request: CentreRequest) -> QuerySet[Woman]:
    """The women whose pieces this person may type up: those whose records she may read."""
    return (
        visible_women(request)
        .filter(stage__in=OPEN_STAGES, anonymised_at__isnull=True)
        .order_by("first_name", "last_name")
    )


def her_contributions(woman: Woman) -> QuerySet[Contribution]:
    """Everything she sent in, newest first (her record and her subject access bundle)."""
    return (
        Contribution.objects.filter(woman=woman)
        .select_related("issue")
        .order_by("-created_at", "-pk")
    )


def women_to_tell(request: CentreRequest, limit: int = 10) -> dict[str, Any]:
    """Her women (her caseload; the manager's is everyone's) who want to hear about the
    newsletter, for the key worker's home panel while a call is running."""
    women = caseload_for_user(request).filter(send_newsletter=True, anonymised_at__isnull=True)
    # The first few and how many there are in all, in one query (the count over the whole set).
    first = list(
        women.select_related(None)
        .only("pk", "first_name", "last_name", "preferred_name")
        .annotate(total=Window(Count("pk")))[:limit]
    )
    return {"count": first[0].total if first else 0, "women": first}


def is_subscribed(request: HttpRequest) -> bool:
    return Subscription.objects.filter(
        centre=getattr(request, "centre", None), user_id=request.user.pk or 0
    ).exists()


# --- The automatic sections, as on the day the issue is built ----------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _you_said_we_did(issue: Issue, since: date | None) -> list[dict[str, str]]:
    items = you_said_we_did_items(issue.centre)
    if since is not None:
        items = items.filter(wording_approved_on__gte=since)
    # The outcome is kept with the wording: "We did" or "We couldn't" as it was that day.
    return [
        {"you_said": s.you_said, "we_did": s.we_did, "status": s.status}
        for s in items[:YOU_SAID_LIMIT]
    ]


def _activities(centre: Centre, today: date) -> list[dict[str, Any]]:
    """The coming weeks' sessions, one row per activity with its dates (no people)."""
    rows: dict[str, dict[str, Any]] = {}
    for week in range(ACTIVITY_DAYS // 7):
        for entry in week_programme(centre, today + timedelta(days=7 * week)):
            if entry["state"] != "on":
                continue
            row = rows.setdefault(
                entry["activity"], {"activity": entry["activity"], "when": [], "where": ""}
            )
            day = date_format(entry["date"], "D j M") + " " + entry["start_time"].strftime("%H:%M")
            row["when"].append(day)
            row["where"] = row["where"] or entry["room"] or entry["location"]
    return list(rows.values())


def _meetings(centre: Centre, today: date) -> list[dict[str, str]]:
    start = timezone.make_aware(datetime.combine(today, time.min))
    meetings = (
        Meeting.objects.filter(
            centre=centre,
            status=Meeting.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=MEETING_DAYS),
            group__kind__in=OPEN_MEETING_KINDS,
        )
        .select_related("group")
        .order_by("starts_at")
    )
    return [
        {
            "group": meeting.group.name,
            "when": date_format(timezone.localtime(meeting.starts_at), "l j F, H:i"),
            "place": meeting.place,
        }
        for meeting in meetings
    ]


def auto_sections(issue: Issue, today: date | None = None) -> dict[str, Any]:
    """The sections filled from the centre's data on the day the issue is built. Plain values
    with no person in them (they are kept on the issue as they were that day)."""
    today = today or timezone.localdate()
    previous = previous_issue(issue)
    since = (previous.published_on or previous.built_on) if previous else None
    return {
        "built_on": today.isoformat(),
        "you_said_we_did": _you_said_we_did(issue, since),
        "activities": _activities(issue.centre, today),
        "meetings": _meetings(issue.centre, today),
        "ways_to_get_involved": _lines(issue.ways_to_get_involved),
        "useful_numbers": _lines(issue.useful_numbers),
    }


# --- Numbers for the quarterly report ---------------------------------------------------------


def quarter_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """The newsletter in a period (both days included), counted in the database (two queries):

    - `issues_published`, and in them `pieces_printed` (what went in: ready or published, with
      consent, not withdrawn, a photo of people only when everyone agreed) and
      `women_printed` (women whose pieces were printed);
    - of the contributions received in the period: `contributions`, `by_kind`, `by_who`,
      `women_contributing`, `women_pieces_with_consent` (women's pieces she agreed to publish)
      and `withdrawn` (pieces withdrawn since, by her or for her).
    """
    received = Contribution.objects.filter(
        centre=centre, created_at__date__gte=start, created_at__date__lte=end
    )
    kinds = {f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in Contribution.Kind.values}
    writers = {
        f"from_{who}": Count("pk", filter=Q(written_by=who)) for who in Contribution.From.values
    }
    totals = received.aggregate(
        received=Count("pk"),
        women=Count("woman", distinct=True),
        with_consent=Count(
            "pk", filter=Q(written_by=Contribution.From.WOMAN, consent_to_publish=True)
        ),
        withdrawn=Count("pk", filter=Q(withdrawn_at__isnull=False)),
        **kinds,
        **writers,
    )
    printed = (
        Q(contributions__withdrawn_at__isnull=True)
        & Q(contributions__consent_to_publish=True)
        & Q(contributions__state__in=[Contribution.State.READY, Contribution.State.PUBLISHED])
        & (
            Q(contributions__people_in_photo=False)
            | Q(contributions__everyone_in_photo_agreed=True)
        )
    )
    published = Issue.objects.filter(
        centre=centre,
        status=Issue.Status.PUBLISHED,
        published_on__gte=start,
        published_on__lte=end,
    ).aggregate(
        issues=Count("pk", distinct=True),
        pieces=Count("contributions", filter=printed),
        women=Count("contributions__woman", filter=printed, distinct=True),
    )
    return {
        "issues_published": published["issues"],
        "pieces_printed": published["pieces"],
        "women_printed": published["women"],
        "contributions": totals["received"],
        "by_kind": {kind: totals[f"kind_{kind}"] for kind in Contribution.Kind.values},
        "by_who": {who: totals[f"from_{who}"] for who in Contribution.From.values},
        "women_contributing": totals["women"],
        "women_pieces_with_consent": totals["with_consent"],
        "withdrawn": totals["withdrawn"],
    }
