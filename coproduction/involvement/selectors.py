"""Every read in getting involved, with who may see it decided by access.py."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.http import Http404, HttpRequest
from django.utils import timezone

from casework.access import sees_whole_caseload
from casework.models import Woman
from casework.selectors import caseload_for_user
from centre.access import can, scope_to_centre
from centre.models import Centre
from centre.requests import CentreRequest

from . import access
from .models import (
    STEP_ORDER,
    ExitQuestionnaire,
    Expense,
    Helper,
    InvolvementStep,
    Opportunity,
    PeerConversation,
    Placement,
    PlacementChange,
    Shift,
    Step,
    Training,
    Worry,
)

ZERO = Decimal("0.00")
_DURATION = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def _get(queryset: QuerySet, pk: Any) -> Any:
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_helper_for_user(request: HttpRequest, pk: Any) -> Helper:
    return _get(access.visible_helpers(request, Helper.objects.select_related("woman", "user")), pk)


def get_opportunity_for_user(request: HttpRequest, pk: Any) -> Opportunity:
    return _get(scope_to_centre(Opportunity.objects.all(), request), pk)


def get_placement_for_user(request: HttpRequest, pk: Any) -> Placement:
    placements = Placement.objects.select_related("helper__woman", "opportunity")
    return _get(
        placements.filter(helper__in=access.visible_helpers(request, Helper.objects.all())), pk
    )


def get_shift_for_user(request: HttpRequest, pk: Any) -> Shift:
    return _get(
        access.visible_shifts(
            request, Shift.objects.select_related("helper__woman", "session__activity")
        ),
        pk,
    )


def get_expense_for_user(request: HttpRequest, pk: Any) -> Expense:
    return _get(
        access.visible_expenses(request, Expense.objects.select_related("helper__woman")), pk
    )


def get_worry_for_user(request: HttpRequest, pk: Any) -> Worry:
    return _get(scope_to_centre(Worry.objects.all(), request), pk)


def opportunities(request: HttpRequest) -> QuerySet[Opportunity]:
    return scope_to_centre(Opportunity.objects.all(), request).annotate(
        active=Count("placements", filter=Q(placements__status=Placement.Status.ACTIVE))
    )


@dataclass
class PathwayColumn:
    status: str
    label: str
    placements: list[Placement]


def pathway(request: HttpRequest) -> list[PathwayColumn]:
    """Everyone on the pathway, by where they are (one query)."""
    placements = (
        scope_to_centre(Placement.objects.all(), request)
        .select_related("helper__woman", "opportunity")
        .order_by("helper__name", "helper__woman__first_name", "id")
    )
    by_status: dict[str, list[Placement]] = {value: [] for value in Placement.Status.values}
    for placement in placements:
        by_status[placement.status].append(placement)
    return [
        PathwayColumn(value, str(label), by_status[value])
        for value, label in Placement.Status.choices
    ]


def alumni(request: HttpRequest) -> QuerySet[Helper]:
    """People who have stepped down from every role: they can come back any time."""
    helpers = scope_to_centre(Helper.objects.select_related("woman"), request)
    return helpers.annotate(
        roles=Count("placements"),
        down=Count("placements", filter=Q(placements__status=Placement.Status.STEPPED_DOWN)),
    ).filter(roles__gt=0, roles=F("down"))


def women_asking_to_help(request: CentreRequest) -> QuerySet[Woman]:
    """Women on this worker's caseload (casework's rule decides whose) who said they would
    like to help, with how many roles they are on the pathway for already."""
    roles = (
        Placement.objects.filter(helper__woman=OuterRef("pk"))
        .values("helper__woman")
        .annotate(n=Count("id"))
        .values("n")
    )
    return caseload_for_user(request).filter(ask_to_help=True).annotate(roles=Subquery(roles))


def helper_hours(helpers: list[Helper]) -> dict[int, timedelta]:
    """Hours each person gave on the rotas (shifts that have ended and were not cancelled)."""
    rows = (
        Shift.objects.filter(
            helper__in=helpers, status=Shift.Status.ON, ends_at__lte=timezone.now()
        )
        .values("helper_id")
        .annotate(total=Sum(_DURATION))
    )
    return {row["helper_id"]: row["total"] or timedelta() for row in rows}


def hours_of(helper: Helper) -> float:
    total = helper_hours([helper]).get(helper.pk, timedelta())
    return round(total.total_seconds() / 3600, 1)


def helper_context(helper: Helper) -> dict[str, Any]:
    """Everything her involvement page shows, in a fixed number of queries."""
    placements = list(
        helper.placements.select_related("opportunity").prefetch_related("changes__changed_by")
    )
    return {
        "helper": helper,
        "placements": placements,
        "training": list(helper.training.all()),
        "supervisions": list(helper.supervisions.select_related("supervisor")),
        "hours": hours_of(helper),
        "shifts": list(
            helper.shifts.filter(status=Shift.Status.ON)
            .select_related("session__activity")
            .order_by("-starts_at")[:20]
        ),
        "expenses": list(helper.expenses.all()[:20]),
        "steps": list(
            InvolvementStep.objects.filter(woman_id=helper.woman_id).order_by("taken_on", "id")
        )
        if helper.woman_id
        else [],
    }


def continuum_of(woman: Woman) -> list[InvolvementStep]:
    return list(
        InvolvementStep.objects.filter(woman=woman)
        .select_related("recorded_by")
        .order_by("taken_on", "id")
    )


def furthest_step(steps: list[InvolvementStep]) -> str | None:
    if not steps:
        return None
    return max((s.step for s in steps), key=STEP_ORDER.__getitem__)


def rota(request: HttpRequest, start: date, end: date) -> QuerySet[Shift]:
    """The shifts between two dates this person may see."""
    tz = timezone.get_current_timezone()
    begin = datetime.combine(start, time.min, tzinfo=tz)
    finish = datetime.combine(end, time.min, tzinfo=tz) + timedelta(days=1)
    return (
        access.visible_shifts(request, Shift.objects.all())
        .filter(starts_at__gte=begin, starts_at__lt=finish)
        .select_related("helper__woman", "session__activity")
        .order_by("starts_at", "id")
    )


def volunteer_page(request: HttpRequest) -> dict[str, Any]:
    """What a volunteer sees: her roles now, her rota, her sessions, shifts needing cover in
    her roles, her claims and her training. Nothing of anyone else."""
    helper = access.own_helper(request)
    if helper is None:
        return {"helper": None}
    now = timezone.now()
    shifts = access.visible_shifts(
        request, Shift.objects.select_related("session__activity", "session__room")
    )
    upcoming = shifts.filter(status=Shift.Status.ON, ends_at__gte=now)
    return {
        "helper": helper,
        "placements": list(helper.placements.select_related("opportunity")),
        "my_shifts": list(upcoming.filter(helper=helper)[:30]),
        "cover": list(upcoming.exclude(helper=helper)[:20]),
        "expenses": list(helper.expenses.all()[:20]),
        "training": list(helper.training.all()),
        "hours": hours_of(helper),
        "peer_mentor": can(request, "keep_peer_log"),
    }


def expense_totals(expenses: QuerySet[Expense]) -> dict[str, Decimal]:
    """Totals by state, in one query."""
    sums = expenses.aggregate(
        **{value: Sum("amount", filter=Q(status=value)) for value in Expense.Status.values},
        total=Sum("amount", filter=~Q(status=Expense.Status.REJECTED)),
    )
    return {name: total or ZERO for name, total in sums.items()}


def expenses_for(request: HttpRequest) -> QuerySet[Expense]:
    return access.visible_expenses(
        request, Expense.objects.select_related("helper__woman", "claimed_by")
    )


def open_worries(request: HttpRequest) -> QuerySet[Worry]:
    return scope_to_centre(Worry.objects.select_related("helper__woman", "taken_by"), request)


def peer_log(request: HttpRequest) -> QuerySet[PeerConversation]:
    """Staff read the whole log; a peer mentor her own entries."""
    entries = scope_to_centre(PeerConversation.objects.select_related("helper__woman"), request)
    if can(request, "run_involvement"):
        return entries
    helper = access.own_helper(request)
    return entries.filter(helper=helper) if helper else entries.none()


def exit_questionnaires(request: HttpRequest) -> QuerySet[ExitQuestionnaire]:
    return scope_to_centre(ExitQuestionnaire.objects.select_related("woman", "suggestion"), request)


def exit_name_for(request: CentreRequest, answers: ExitQuestionnaire) -> str:
    """The name on a questionnaire as this person may see it ("" for anonymous)."""
    woman = answers.woman
    if woman is None:
        return answers.first_name
    if sees_whole_caseload(request) or woman.key_worker_id == request.user.pk:
        return f"{woman.known_as} {woman.last_name}".strip()
    return ""


def women_for_staff(request: CentreRequest) -> QuerySet[Woman]:
    """Whom a member of staff may name in a form here: the women on her caseload (casework's
    rule), including those who have moved on."""
    women = scope_to_centre(Woman.objects.all(), request)
    if sees_whole_caseload(request):
        return women.order_by("first_name", "last_name")
    return women.filter(key_worker_id=request.user.pk or 0).order_by("first_name", "last_name")


def quarter_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Getting involved in a period (both dates included), aggregated in the database:

    - `women_moving`: women who took a step on the continuum, and `steps`: women by step;
    - `volunteer_hours`: hours given on the rotas (shifts that ended in the period);
    - `training_completed`: courses completed (`training_accredited` of them accredited) by
      `people_trained` people;
    - `people_active`: people active in a role now; `people_active_in_period`: people active
      in a role at some point in the period (from each role's history of changes);
    - `peer_conversations`: conversations peer mentors logged, `peer_escalated` of them handed
      to staff;
    - `expenses_claimed` / `expenses_paid`: totals claimed (not rejected) and paid, in pounds;
    - `exit_questionnaires`: questionnaires completed, and how many were named.
    """
    tz = timezone.get_current_timezone()
    begin = datetime.combine(start, time.min, tzinfo=tz)
    finish = datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz)
    steps = InvolvementStep.objects.filter(centre=centre, taken_on__range=(start, end))
    by_step = dict(steps.values_list("step").annotate(women=Count("woman", distinct=True)))
    hours = (
        Shift.objects.filter(
            centre=centre,
            status=Shift.Status.ON,
            helper__isnull=False,
            ends_at__gte=begin,
            ends_at__lt=min(finish, timezone.now()),
        ).aggregate(total=Sum(_DURATION))["total"]
        or timedelta()
    )
    claimed = Q(spent_on__range=(start, end)) & ~Q(status=Expense.Status.REJECTED)
    paid = Q(status=Expense.Status.PAID, paid_on__range=(start, end))
    expenses = Expense.objects.filter(centre=centre).aggregate(
        claimed=Sum("amount", filter=claimed),
        claimed_count=Count("id", filter=claimed),
        paid=Sum("amount", filter=paid),
        paid_count=Count("id", filter=paid),
    )
    exits = ExitQuestionnaire.objects.filter(
        centre=centre, completed_on__range=(start, end)
    ).aggregate(
        total=Count("id"), named=Count("id", filter=Q(woman__isnull=False) | ~Q(first_name=""))
    )
    training = Training.objects.filter(centre=centre, completed_on__range=(start, end)).aggregate(
        courses=Count("id"),
        accredited=Count("id", filter=Q(accredited=True)),
        people=Count("helper", distinct=True),
    )
    peer = PeerConversation.objects.filter(centre=centre, held_on__range=(start, end)).aggregate(
        held=Count("id"), escalated=Count("id", filter=Q(escalated=True))
    )
    return {
        "women_moving": steps.aggregate(n=Count("woman", distinct=True))["n"],
        "steps": {value: by_step.get(value, 0) for value in Step.values},
        "volunteer_hours": round(hours.total_seconds() / 3600, 1),
        "training_completed": training["courses"],
        "training_accredited": training["accredited"],
        "people_trained": training["people"],
        **_people_active(centre, start, end),
        "peer_conversations": peer["held"],
        "peer_escalated": peer["escalated"],
        "expenses_claimed": expenses["claimed"] or ZERO,
        "expenses_claimed_count": expenses["claimed_count"],
        "expenses_paid": expenses["paid"] or ZERO,
        "expenses_paid_count": expenses["paid_count"],
        "exit_questionnaires": exits["total"],
        "exit_questionnaires_named": exits["named"],
    }


def _people_active(centre: Centre, start: date, end: date) -> dict[str, int]:
    """People active in a role now (`people_active`), and at some point in the period
    (`people_active_in_period`: the role became active in the period, or its last change before
    the period left it active), in one query."""
    changes = PlacementChange.objects.filter(placement=OuterRef("pk"))
    status_at_start = Subquery(
        changes.filter(changed_on__lt=start).order_by("-changed_on", "-id").values("to_status")[:1]
    )
    became_active = Exists(
        changes.filter(to_status=Placement.Status.ACTIVE, changed_on__range=(start, end))
    )
    active = Placement.Status.ACTIVE
    return (
        Placement.objects.filter(centre=centre)
        .annotate(status_at_start=status_at_start, became_active=became_active)
        .aggregate(
            people_active=Count("helper", distinct=True, filter=Q(status=active)),
            people_active_in_period=Count(
                "helper",
                distinct=True,
                filter=Q(status_at_start=active) | Q(became_active=True),
            ),
        )
    )
