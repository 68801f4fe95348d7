"""The raw numbers behind a quarterly report, gathered from each app's own selectors.

Everything here is exact and unsuppressed: it never leaves the server as it is. `content.py`
turns it into what the steering group sees.
"""

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from activities.selectors import activity_numbers
from casework.models import (
    OPEN_STAGES,
    Contact,
    Need,
    OutcomeRating,
    Review,
    Stage,
    StageChange,
    SupportPlan,
    Woman,
)
from casework.selectors import quarter_numbers
from centre.models import Centre
from coproduction.suggestions.selectors import suggestion_numbers, you_said_we_did_items

from .quarters import Quarter

RECENT_REVIEW_DAYS = 183  # "a recent review": one in the six months up to the quarter's end
YOU_SAID_WE_DID_LIMIT = 10


def women_supported(centre: Centre, start: date, end: date) -> QuerySet[Woman]:
    """The same women casework.selectors.quarter_numbers counts as supported (a test holds the
    two together): a successful contact in the period, or a case open at some point in it."""
    contacted = Contact.objects.filter(
        centre=centre, contact_on__range=(start, end), made=True
    ).values("woman_id")
    left_during = StageChange.objects.filter(
        woman=OuterRef("pk"),
        to_stage__in=[Stage.MOVED_ON, Stage.CLOSED],
        changed_at__date__gte=start,
    )
    return Woman.objects.filter(centre=centre).filter(
        Q(pk__in=contacted)
        | Q(created_at__date__lte=end, stage__in=OPEN_STAGES)
        | Q(Exists(left_during), created_at__date__lte=end)
    )


def completeness_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """How complete the records of the women supported are, as counts (one query)."""
    since = end - timedelta(days=RECENT_REVIEW_DAYS)
    woman = OuterRef("pk")
    return (
        women_supported(centre, start, end)
        .annotate(
            has_plan=Exists(SupportPlan.objects.filter(woman=woman)),
            has_review=Exists(Review.objects.filter(woman=woman, held_on__range=(since, end))),
            has_needs=Exists(Need.objects.filter(woman=woman)),
            has_rating=Exists(OutcomeRating.objects.filter(woman=woman, rated_on__lte=end)),
        )
        .aggregate(
            women=Count("pk"),
            with_key_worker=Count("pk", filter=Q(key_worker__isnull=False)),
            with_plan=Count("pk", filter=Q(has_plan=True)),
            with_recent_review=Count("pk", filter=Q(has_review=True)),
            with_needs=Count("pk", filter=Q(has_needs=True)),
            with_rating=Count("pk", filter=Q(has_rating=True)),
        )
    )


def quarter_raw_numbers(centre: Centre, quarter: Quarter) -> dict[str, Any]:
    """Every number the report needs for one centre and quarter, unsuppressed."""
    start, end = quarter.start, quarter.end
    items = you_said_we_did_items(centre).filter(wording_approved_on__range=(start, end))
    return {
        "casework": quarter_numbers(centre, start, end),
        "activities": activity_numbers(centre, start, end),
        "suggestions": suggestion_numbers(centre, start, end),
        "completeness": completeness_numbers(centre, start, end),
        "you_said_we_did": [
            {"you_said": item.you_said, "we_did": item.we_did, "status": item.status}
            for item in items[:YOU_SAID_WE_DID_LIMIT]
        ],
    }
