"""Caseloads: who holds which open cases, who has not been heard from, and the counts."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import Promise

from centre import deadlines
from centre.access import scope_to_centre
from centre.models import Centre, Membership, User
from centre.requests import CentreRequest
from centre.roles import Role

from .. import access
from ..models import (
    OPEN_STAGES,
    Action,
    Alert,
    Allocation,
    Appointment,
    Stage,
    SupportPlan,
    Woman,
)


def caseload_for_user(request: CentreRequest) -> QuerySet[Woman]:
    """The open cases this worker holds as key worker (all open cases for the manager)."""
    women = scope_to_centre(Woman.objects.all(), request).filter(stage__in=OPEN_STAGES)
    if not access.sees_whole_caseload(request):
        women = women.filter(key_worker_id=request.user.pk)
    return women.select_related("key_worker").order_by("first_name", "last_name")


def caseload_panel_counts(request: CentreRequest) -> dict[str, int]:
    """Her open cases and, of those, the ones not heard from in the centre's N days: the same
    women as `caseload_for_user` and `not_heard_from`, counted in one query."""
    return caseload_for_user(request).aggregate(
        count=Count("pk"), not_heard=Count("pk", filter=not_heard_from_q(request.centre))
    )


def placement_conflicts(centre: Centre, woman_ids: Iterable[int | str]) -> set[frozenset[int]]:
    """Pairs of women among `woman_ids` who must not be placed together, as frozensets of ids.

    Only the pairs: never the reason, which stays on the casework record."""
    ids = {int(pk) for pk in woman_ids}
    if len(ids) < 2:
        return set()
    rows = Alert.objects.filter(
        centre=centre,
        kind=Alert.Kind.NOT_WITH,
        is_active=True,
        woman_id__in=ids,
        other_woman_id__in=ids,
    ).values_list("woman_id", "other_woman_id")
    return {frozenset(pair) for pair in rows if pair[0] != pair[1]}


def involved_women_ids(user: User | AnonymousUser) -> QuerySet[Allocation, Any]:
    """Ids of women this worker is allocated to as an involved worker (not key worker)."""
    return Allocation.objects.filter(
        worker_id=user.pk, kind=Allocation.Kind.INVOLVED, ended_at__isnull=True
    ).values("woman_id")


def involved_women_list(request: CentreRequest) -> list[int]:
    """`involved_women_ids` for the signed-in worker as a list, asked once a request."""
    cache = request.__dict__
    if "_involved_women" not in cache:
        cache["_involved_women"] = list(
            involved_women_ids(request.user).values_list("woman_id", flat=True)
        )
    return cache["_involved_women"]


def her_caseload_q(request: CentreRequest) -> Q:
    """Filter on women: those she is key worker for, or allocated to as an involved worker.

    The involved women are a list (one small query a request), not a subquery: PostgreSQL
    cannot combine a subquery's answer with an index, so `key worker OR id IN (subquery)` read
    every woman of the centre, closed cases of past years included (3,200 rows for the 82 of a
    key worker on the large data set, 1.3 to 2 ms, three times on her caseload page). With a
    list both halves are found by index."""
    return Q(key_worker=request.user) | Q(pk__in=involved_women_list(request))


def visible_women(request: CentreRequest) -> QuerySet[Woman]:
    """Women whose full record this user may read (not counting break-the-glass).

    For a partner worker this does not apply the women's sharing agreements: check
    `access_level` per woman where that matters (see case_review_detail)."""
    women = scope_to_centre(Woman.objects.all(), request)
    if access.sees_whole_caseload(request):
        return women
    return women.filter(her_caseload_q(request))


def search_women(request: CentreRequest, query: str) -> QuerySet[Woman]:
    """Any woman in the centre by name (staff see the card of anyone; the full record only
    of their own). Returns a queryset, small page only."""
    women = scope_to_centre(Woman.objects.select_related("key_worker"), request).filter(
        anonymised_at__isnull=True
    )
    for word in query.split()[:3]:
        women = women.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return women.order_by("first_name", "last_name")


# The columns of a woman a caseload row shows (her name, stage, key worker, last contact).
CASELOAD_ROW_FIELDS = (
    "centre_id",
    "first_name",
    "last_name",
    "preferred_name",
    "stage",
    "key_worker_id",
    "last_contact_at",
)
# The columns str(user) uses.
PERSON_NAME_FIELDS = ("first_name", "last_name", "username")


def overdue_actions_q(*, today: date | None = None) -> Q:
    """Database filter on actions: due before today and not yet done."""
    return deadlines.overdue_q("due_on", today=today) & Q(done_on__isnull=True)


def annotate_caseload(women: QuerySet[Woman], *, today: date | None = None) -> QuerySet[Woman]:
    """Add next appointment, overdue actions and next review to each woman with subqueries, so
    a caseload page costs the same number of queries however many women are on it."""
    today = today or timezone.localdate()
    now = timezone.now()
    next_appointment = (
        Appointment.objects.filter(
            woman=OuterRef("pk"), starts_at__gte=now, status=Appointment.Status.BOOKED
        )
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    overdue = (
        Action.objects.filter(overdue_actions_q(today=today), woman=OuterRef("pk"))
        .order_by()
        .values("woman")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    # Her plan's review date as a subquery, not Min() over a join: an aggregate would make the
    # page query GROUP BY every column and the paginator's count run all four subqueries for
    # every open case (profiled on 3,000 women: the count took longer than the page).
    next_review = SupportPlan.objects.filter(woman=OuterRef("pk")).values("next_review_on")[:1]
    return (
        women.annotate(
            next_appointment_at=Subquery(next_appointment),
            overdue_actions=Subquery(overdue),
            next_review_on=Subquery(next_review),
            has_alert=Exists(Alert.objects.filter(woman=OuterRef("pk"), is_active=True)),
        )
        .select_related("key_worker")
        # Only what a caseload row shows: fifty full rows of her details and her key worker's
        # account (password hash included) cost more to build than to render.
        .only(*CASELOAD_ROW_FIELDS, *(f"key_worker__{name}" for name in PERSON_NAME_FIELDS))
    )


def not_heard_from_q(centre: Centre, *, days: int | None = None) -> Q:
    """Database filter on women: no successful contact for more than the centre's N days."""
    cutoff = timezone.now() - timedelta(days=days or centre.not_heard_from_days)
    return Q(last_contact_at__lt=cutoff) | Q(last_contact_at__isnull=True)


def not_heard_from(
    centre: Centre, *, days: int | None = None, key_worker: User | None = None
) -> QuerySet[Woman]:
    """Open cases with no successful contact for more than the centre's N days."""
    women = Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES).filter(
        not_heard_from_q(centre, days=days)
    )
    if key_worker is not None:
        women = women.filter(key_worker=key_worker)
    return women.select_related("key_worker").order_by("last_contact_at", "first_name")


def unread_handovers(worker: User, centre: Centre) -> QuerySet[Allocation]:
    """Her current key-worker allocations at this centre whose handover note she has not read."""
    return Allocation.objects.filter(
        worker=worker,
        kind=Allocation.Kind.KEY_WORKER,
        ended_at__isnull=True,
        handover_read_at__isnull=True,
        woman__centre=centre,
    ).exclude(handover_note="")


def caseload_counts(centre: Centre) -> list[dict[str, Any]]:
    """Open cases per key worker, with the centre's warning threshold applied."""
    counts = dict(
        Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES, key_worker__isnull=False)
        .values_list("key_worker")
        .annotate(n=Count("pk"))
        .values_list("key_worker", "n")
    )
    workers = (
        Membership.objects.filter(
            centre=centre, is_active=True, role__in=[Role.KEY_WORKER, Role.MANAGER]
        )
        .select_related("user")
        .order_by("user__first_name")
    )
    rows = []
    for membership in workers:
        n = counts.get(membership.user_id, 0)
        if not n and access.is_manager_membership(membership):
            continue
        rows.append(
            {
                "worker": membership.user,
                "count": n,
                "over": n > centre.caseload_warning_threshold,
            }
        )
    return rows


def stage_counts(women: QuerySet[Woman]) -> list[tuple[str, str | Promise, int]]:
    counts = dict(women.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in Stage.choices]


@dataclass(frozen=True)
class StageCounts:
    """Open cases by stage, their total, and how many of them `worker` holds as key worker."""

    stages: list[tuple[str, str | Promise, int]]
    total: int
    held_by_worker: int


def stage_counts_for(women: QuerySet[Woman], worker: User) -> StageCounts:
    """`stage_counts`, and in the same query the total (the caseload's paginator count) and
    the worker's own count (for the warning over the threshold): one query, not three (the
    caseload counted the same women three times, 3.1 ms of its 10.5 ms of queries)."""
    rows = (
        women.order_by()
        .values_list("stage")
        .annotate(n=Count("pk"), mine=Count("pk", filter=Q(key_worker=worker)))
        .values_list("stage", "n", "mine")
    )
    counts = {stage: (n, mine) for stage, n, mine in rows}
    return StageCounts(
        stages=[(value, label, counts.get(value, (0, 0))[0]) for value, label in Stage.choices],
        total=sum(n for n, _mine in counts.values()),
        held_by_worker=sum(mine for _n, mine in counts.values()),
    )


def open_caseload(centre: Centre, worker: User) -> QuerySet[Woman]:
    """The open cases this key worker holds at the centre."""
    return Woman.objects.filter(centre=centre, key_worker=worker, stage__in=OPEN_STAGES)


def caseload_size(centre: Centre, worker: User) -> int:
    return open_caseload(centre, worker).count()
