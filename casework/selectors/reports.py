"""The numbers for the quarterly report: referrals, the quarter's work, outcome change."""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import TruncDate

from centre.counting import counts_each
from centre.models import Centre

from ..models import (
    OPEN_STAGES,
    Agency,
    Contact,
    Domain,
    Goal,
    OutcomeRating,
    Referral,
    Stage,
    StageChange,
    Woman,
)


def referral_report(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Referrals by source and by referring agency, including directory partners who never
    referred in the period."""
    referrals = Referral.objects.filter(centre=centre, referred_on__range=(start, end))
    by_source: dict[str, Mapping[str, Any]] = {
        row["source"]: row
        for row in referrals.values("source").annotate(
            total=Count("pk"),
            accepted=Count("pk", filter=Q(decision=Referral.Decision.ACCEPTED)),
            declined=Count("pk", filter=Q(decision=Referral.Decision.DECLINED)),
        )
    }
    sources = [
        {
            "label": label,
            "total": by_source.get(value, {}).get("total", 0),
            "accepted": by_source.get(value, {}).get("accepted", 0),
            "declined": by_source.get(value, {}).get("declined", 0),
        }
        for value, label in Referral.Source.choices
    ]
    agencies = (
        Agency.objects.filter(centre=centre, kind=Agency.Kind.PARTNER)
        .annotate(
            total=Count(
                "referrals_in",
                filter=Q(referrals_in__referred_on__range=(start, end)),
            ),
            last_referral=Max("referrals_in__referred_on"),
        )
        .order_by("-total", "name")
    )
    unnamed = referrals.filter(referrer_agency__isnull=True).count()
    return {
        "sources": sources,
        "agencies": list(agencies),
        "never": [a for a in agencies if not a.total],
        "without_agency": unnamed,
        "total": referrals.count(),
    }


def women_supported(centre: Centre, start: date, end: date) -> QuerySet[Woman]:
    """Women with a successful contact in the period, or whose case was open at some point in it.
    Written with `Exists` throughout: a `pk__in` subquery over contacts took a minute on a large
    centre where this takes a fraction of a second."""
    return Woman.objects.filter(centre=centre).filter(women_supported_q(start, end))


def women_supported_q(start: date, end: date) -> Q:
    """`women_supported`'s test on one woman, as a filter (the report's eight-quarter charts
    count each quarter's with it in one query)."""
    contacted = Contact.objects.filter(
        woman=OuterRef("pk"), contact_on__range=(start, end), made=True
    )
    left_during = StageChange.objects.filter(
        woman=OuterRef("pk"),
        to_stage__in=[Stage.MOVED_ON, Stage.CLOSED],
        changed_at__date__gte=start,
    )
    # The plain column test first: PostgreSQL tries an OR's arms in the order written, so a
    # woman whose case is open never costs the contact look-up (on the large data set 27 ms ->
    # see the commit).
    return (
        Q(created_at__date__lte=end, stage__in=OPEN_STAGES)
        | Q(Exists(contacted))
        | Q(Exists(left_during), created_at__date__lte=end)
    )


def _counts(queryset: QuerySet[Any], field: str) -> dict[str, int]:
    return dict(
        queryset.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n")
    )


def quarter_numbers(
    centre: Centre, start: date, end: date, *, tally: "ContactTally | None" = None
) -> dict[str, Any]:
    """Counts for the quarterly report, for dates start..end inclusive (a fixed number of
    queries, whatever the size of the centre).

    Returns a dict with:
    - women_supported: women with a successful contact in the period, or whose case was open
      at some point in it
    - new_referrals, referrals_by_source {source: n}, referrals_by_decision {decision: n},
      decision_days {band: n} (time from referral to decision, for decided referrals)
    - contacts_total, contacts_by_type {type: n} (successful contacts only), attempts
    - stages {stage: n} (women in each stage now, among those supported)
    - moved_on, closed: women whose stage changed to moved on (closed) in the period
    - not_heard_from: women supported with no successful contact in the last N days of the
      period (N is the centre's not-heard-from setting)
    - caseloads: [{"key_worker_id", "count"}] open cases per key worker at the end
    - outcome_change: {domain: {"women": n, "average_change": float}} first vs latest rating
    - goals: {"set": n, "achieved": n, "women_achieving": n} in the period

    The contact figures come from `tally` (the period's `contact_tally`) when the caller has
    one: the report shares one pass over the period's contacts between its sections.
    """
    tally = tally if tally is not None else contact_tally(centre, start, end)
    supported = _supported_by_stage(
        women_supported(centre, start, end), end, centre.not_heard_from_days
    )
    referrals = Referral.objects.filter(centre=centre, referred_on__range=(start, end))
    return {
        "women_supported": sum(row["n"] for row in supported),
        "new_referrals": referrals.count(),
        "referrals_by_source": _counts(referrals, "source"),
        "referrals_by_decision": _counts(referrals, "decision"),
        "decision_days": decision_days(referrals),
        "contacts_total": tally.total("n"),
        "attempts": tally.total("n", made=False),
        "contacts_by_type": tally.by("contact_type"),
        "stages": {row["stage"]: row["n"] for row in supported},
        "moved_on": women_changed_to(centre, start, end, Stage.MOVED_ON),
        "closed": women_changed_to(centre, start, end, Stage.CLOSED),
        "not_heard_from": sum(row["not_heard"] for row in supported),
        "caseloads": list(
            Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES, key_worker__isnull=False)
            .values("key_worker_id")
            .annotate(count=Count("pk"))
            .order_by("-count")
        ),
        "outcome_change": outcome_change(centre, end),
        "goals": goal_numbers(centre, start, end),
    }


def women_counts(centre: Centre, tests: list[Q]) -> list[int]:
    """How many of the centre's women pass each of `tests` (such as `women_supported_q` for
    several periods): one query for them all."""
    return counts_each(Woman.objects.filter(centre=centre), tests)


def women_changed_to(centre: Centre, start: date, end: date, stage: str) -> int:
    """Women whose stage changed to `stage` in the period (each counted once)."""
    return Woman.objects.filter(women_changed_to_q(start, end, stage), centre=centre).count()


def women_changed_to_q(start: date, end: date, stage: str) -> Q:
    """`women_changed_to`'s test on one woman, as a filter."""
    changed = StageChange.objects.filter(
        woman=OuterRef("pk"), to_stage=stage, changed_at__date__range=(start, end)
    )
    return Q(Exists(changed))


def _supported_by_stage(
    supported: QuerySet[Woman], end: date, days: int
) -> list[Mapping[str, Any]]:
    """The women supported by stage, each stage's count with how many of them had no successful
    contact in the last `days` days of the period: one pass over the set, which the count, the
    stages and the not-heard-from figure each used to filter again (three scans of the same
    OR of look-ups, about 20 ms each on the large data set)."""
    recent = Contact.objects.filter(
        woman=OuterRef("pk"), made=True, contact_on__range=(end - timedelta(days=days - 1), end)
    )
    return list(
        supported.order_by()
        .values("stage")
        .annotate(n=Count("pk"), not_heard=Count("pk", filter=~Exists(recent)))
    )


DECISION_BANDS = [("same_week", 0, 7), ("two_weeks", 8, 14), ("four_weeks", 15, 28)]
DECISION_LATER = "later"


def decision_days(referrals: QuerySet[Referral]) -> dict[str, int]:
    """Decided referrals by days from referral to decision: {band: n} (one query)."""
    decided_on = TruncDate("decided_at")
    gap = ExpressionWrapper(decided_on - F("referred_on"), output_field=DurationField())
    bands = {
        name: Count("pk", filter=Q(gap__gte=timedelta(days=low), gap__lte=timedelta(days=high)))
        for name, low, high in DECISION_BANDS
    }
    last = DECISION_BANDS[-1][2]
    return (
        referrals.exclude(decision=Referral.Decision.PENDING)
        .filter(decided_at__isnull=False)
        .annotate(gap=gap)
        .aggregate(**bands, **{DECISION_LATER: Count("pk", filter=Q(gap__gt=timedelta(last)))})
    )


def goal_numbers(centre: Centre, start: date, end: date) -> dict[str, int]:
    """Goals set and achieved in the period (achieved: marked achieved, last changed in it)."""
    goals = Goal.objects.filter(woman__centre=centre)
    achieved = goals.filter(status=Goal.Status.ACHIEVED, updated_at__date__range=(start, end))
    return {
        "set": goals.filter(created_at__date__range=(start, end)).count(),
        **achieved.aggregate(achieved=Count("pk"), women_achieving=Count("woman", distinct=True)),
    }


DURATION_BANDS = [("under_15", 0, 14), ("15_to_29", 15, 29), ("30_to_59", 30, 59)]
DURATION_LONGEST = "60_or_more"


def _names(field: str, value: str) -> Q:
    """A contact whose list of choice values (stored as JSON) names `value`. On PostgreSQL,
    JSON containment; the quarter's eighteen need and support counts as text matches cast every
    contact's list to text eighteen times (195 ms of the large centre's report numbers). SQLite
    has no JSON `contains`: there '"housing"' in the list's text is the same exact test."""
    if connection.features.supports_json_field_contains:
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def _contact_groups() -> dict[str, Any]:
    """What `contact_tally` counts in each group of contacts."""
    lengths = {
        name: Count("pk", filter=Q(duration_minutes__gte=low, duration_minutes__lte=high))
        for name, low, high in DURATION_BANDS
    }
    lengths[DURATION_LONGEST] = Count("pk", filter=Q(duration_minutes__gte=60))
    lengths["not_recorded"] = Count("pk", filter=Q(duration_minutes__isnull=True))
    needs = {value: Count("pk", filter=_names("needs_discussed", value)) for value in Domain.values}
    support = {
        value: Count("pk", filter=_names("practical_support", value))
        for value in Contact.Support.values
    }
    return {
        "n": Count("pk"),
        "minutes": Sum("duration_minutes"),
        "no_need_named": Count("pk", filter=Q(needs_discussed=[])),
        "no_support": Count("pk", filter=Q(practical_support=[])),
        **{f"length_{k}": v for k, v in lengths.items()},
        **{f"need_{k}": v for k, v in needs.items()},
        **{f"support_{k}": v for k, v in support.items()},
    }


class ContactTally:
    """The period's contacts, successful and not, counted in one pass: grouped by whether she
    was reached, the contact's type, format and the person-centred tool, each group with its
    minutes, lengths, needs and support. The report's casework, contact and completeness
    figures all come from it: each counting for itself scanned the large centre's 66,000
    contacts a quarter seven times (about 190 ms of its 580 ms of numbers; see the commit)."""

    KEYS = ("made", "contact_type", "contact_format", "tool_used")

    def __init__(self, rows: list[Mapping[str, Any]]) -> None:
        self.rows = rows

    def total(self, figure: str, *, made: bool = True, **where: Any) -> int:
        """`figure` summed over the groups of successful contacts (or attempts, `made=False`)
        that match `where` (field=value)."""
        return sum(
            row[figure] or 0
            for row in self.rows
            if row["made"] == made and all(row[k] == v for k, v in where.items())
        )

    def by(self, field: str) -> dict[str, int]:
        """Successful contacts by the value of `field` (values with none left out)."""
        out: dict[str, int] = {}
        for row in self.rows:
            if row["made"]:
                out[row[field]] = out.get(row[field], 0) + row["n"]
        return out


def contact_tally(centre: Centre, start: date, end: date) -> ContactTally:
    """The centre's contacts from start to end (inclusive), counted in one query."""
    contacts = Contact.objects.filter(centre=centre, contact_on__range=(start, end))
    return ContactTally(
        list(contacts.order_by().values(*ContactTally.KEYS).annotate(**_contact_groups()))
    )


def contact_numbers(
    centre: Centre, start: date, end: date, *, tally: ContactTally | None = None
) -> dict[str, Any]:
    """What staff record on every successful contact in the period, counted in the database:
    by format, by length, needs discussed, the person-centred tool used, practical support.
    Needs and support are lists on each contact, so a contact counts once in each it names."""
    tally = tally if tally is not None else contact_tally(centre, start, end)
    lengths = [name for name, _low, _high in DURATION_BANDS] + [DURATION_LONGEST, "not_recorded"]
    return {
        "by_format": tally.by("contact_format"),
        "by_tool": tally.by("tool_used"),
        "minutes": tally.total("minutes"),
        "by_length": {k: tally.total(f"length_{k}") for k in lengths},
        "needs_discussed": {k: tally.total(f"need_{k}") for k in Domain.values},
        "no_need_named": tally.total("no_need_named"),
        "practical_support": {k: tally.total(f"support_{k}") for k in Contact.Support.values},
        "no_support": tally.total("no_support"),
    }


def outcome_change(centre: Centre, end: date) -> dict[str, dict[str, Any]]:
    """Average change from each woman's first to her latest rating per domain, up to `end`,
    among women rated twice or more in it: aggregated in the database (one query).

    The outer rating is already one of the centre's women's, so her other ratings are found by
    woman and domain alone: with the centre tested again inside, PostgreSQL joined her record
    for each of the large centre's 6,800 first ratings (see the commit)."""
    ratings = OutcomeRating.objects.filter(woman__centre=centre, rated_on__lte=end)
    hers = OutcomeRating.objects.filter(
        woman=OuterRef("woman"), domain=OuterRef("domain"), rated_on__lte=end
    )
    earlier = hers.filter(
        Q(rated_on__lt=OuterRef("rated_on"))
        | Q(rated_on=OuterRef("rated_on"), pk__lt=OuterRef("pk"))
    )
    later = hers.filter(
        Q(rated_on__gt=OuterRef("rated_on"))
        | Q(rated_on=OuterRef("rated_on"), pk__gt=OuterRef("pk"))
    )
    latest = hers.order_by("-rated_on", "-pk").values("score")[:1]
    rows = (
        ratings.filter(~Exists(earlier), Exists(later))  # her first rating, with one after it
        .annotate(latest=Subquery(latest))
        .order_by()
        .values("domain")
        .annotate(women=Count("pk"), change=Sum(F("latest") - F("score")))
    )
    return {
        row["domain"]: {
            "women": row["women"],
            "average_change": round(row["change"] / row["women"], 2),
        }
        for row in rows
    }
