"""The numbers for the quarterly report: referrals, the quarter's work, outcome change."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q

from centre.models import Centre

from ..models import (
    OPEN_STAGES,
    Agency,
    Contact,
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


def quarter_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Counts for the quarterly report, for dates start..end inclusive.

    Returns a dict with:
    - women_supported: women with a successful contact in the period, or whose case was open
      at some point in it
    - new_referrals, referrals_by_source {source: n}, referrals_by_decision {decision: n}
    - contacts_total, contacts_by_type {type: n} (successful contacts only), attempts
    - stages {stage: n} (women in each stage now, among those supported)
    - moved_on: women whose stage changed to moved on in the period
    - caseloads: [{"key_worker_id", "count"}] open cases per key worker at the end
    - outcome_change: {domain: {"women": n, "average_change": float}} first vs latest rating
    """
    contacts = Contact.objects.filter(centre=centre, contact_on__range=(start, end))
    contacted = contacts.filter(made=True).values("woman_id")
    left_during = StageChange.objects.filter(
        woman=OuterRef("pk"),
        to_stage__in=[Stage.MOVED_ON, Stage.CLOSED],
        changed_at__date__gte=start,
    )
    supported = Woman.objects.filter(centre=centre).filter(
        Q(pk__in=contacted)
        | Q(created_at__date__lte=end, stage__in=OPEN_STAGES)
        | Q(Exists(left_during), created_at__date__lte=end)
    )
    referrals = Referral.objects.filter(centre=centre, referred_on__range=(start, end))
    return {
        "women_supported": supported.count(),
        "new_referrals": referrals.count(),
        "referrals_by_source": dict(
            referrals.values_list("source").annotate(n=Count("pk")).values_list("source", "n")
        ),
        "referrals_by_decision": dict(
            referrals.values_list("decision").annotate(n=Count("pk")).values_list("decision", "n")
        ),
        "contacts_total": contacts.filter(made=True).count(),
        "attempts": contacts.filter(made=False).count(),
        "contacts_by_type": dict(
            contacts.filter(made=True)
            .values_list("contact_type")
            .annotate(n=Count("pk"))
            .values_list("contact_type", "n")
        ),
        "stages": dict(
            supported.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n")
        ),
        "moved_on": Woman.objects.filter(
            centre=centre,
            stage_changes__to_stage=Stage.MOVED_ON,
            stage_changes__changed_at__date__range=(start, end),
        )
        .distinct()
        .count(),
        "caseloads": list(
            Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES, key_worker__isnull=False)
            .values("key_worker_id")
            .annotate(count=Count("pk"))
            .order_by("-count")
        ),
        "outcome_change": outcome_change(centre, end),
    }


def outcome_change(centre: Centre, end: date) -> dict[str, dict[str, Any]]:
    """Average change from each woman's first to her latest rating per domain, up to `end`."""
    rows = (
        OutcomeRating.objects.filter(woman__centre=centre, rated_on__lte=end)
        .order_by("woman_id", "domain", "rated_on", "id")
        .values_list("woman_id", "domain", "score")
    )
    first: dict[tuple[int, str], int] = {}
    last: dict[tuple[int, str], int] = {}
    seen: dict[tuple[int, str], int] = {}
    for woman_id, domain, score in rows.iterator(chunk_size=5000):
        first.setdefault((woman_id, domain), score)
        last[(woman_id, domain)] = score
        seen[(woman_id, domain)] = seen.get((woman_id, domain), 0) + 1
    result: dict[str, dict[str, int]] = {}
    for (woman_id, domain), start_score in first.items():
        if seen[(woman_id, domain)] < 2:
            continue
        bucket = result.setdefault(domain, {"women": 0, "total": 0})
        bucket["women"] += 1
        bucket["total"] += last[(woman_id, domain)] - start_score
    return {
        domain: {"women": b["women"], "average_change": round(b["total"] / b["women"], 2)}
        for domain, b in result.items()
    }
