"""The raw numbers behind a quarterly report, gathered from each app's own selectors.

Everything here is exact and unsuppressed: it never leaves the server as it is. `content.py`
turns it into what the steering group sees.

`NUMBER_SOURCES` is the list of where numbers come from: each is a function
`(centre, start, end) -> dict`, looked up by its key by the sections (`sections.py`). A new room's
numbers are one more entry here, as the newsletter's and involvement's are. Every source runs a
fixed number of queries, whatever the size of the centre (a test pins the count on a small and a
large centre).
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from activities.models import Activity, ActivityStatusChange
from activities.selectors import activity_headlines, activity_numbers
from casework.models import Contact, Need, OutcomeRating, Referral, Review, Stage, SupportPlan
from casework.selectors import (
    ContactTally,
    contact_numbers,
    contact_tally,
    quarter_numbers,
    women_changed_to_q,
    women_counts,
    women_supported,
    women_supported_q,
)
from centre.counting import counts_each
from centre.models import Centre
from coproduction.involvement.selectors import quarter_numbers as involvement_numbers
from coproduction.meetings.models import Action, Attendance, Group, Meeting
from coproduction.newsletter.selectors import quarter_numbers as newsletter_numbers
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.selectors import suggestion_numbers, you_said_we_did_items

from .quarters import Quarter

RECENT_REVIEW_DAYS = 183  # "a recent review": one in the six months up to the period's end
YOU_SAID_WE_DID_LIMIT = 10
HISTORY_QUARTERS = 8

__all__ = ["women_supported"]


def completeness_numbers(
    centre: Centre, start: date, end: date, *, tally: ContactTally | None = None
) -> dict[str, Any]:
    """How complete the records of the women supported are, as counts (two queries, or one
    given the period's `contact_tally`)."""
    since = end - timedelta(days=RECENT_REVIEW_DAYS)
    woman = OuterRef("pk")
    counts = (
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
    tally = tally if tally is not None else contact_tally(centre, start, end)
    made = tally.total("n")
    contacts = {
        "contacts": made,
        "with_length": made - tally.total("length_not_recorded"),
        "with_format": made - tally.total("n", contact_format=""),
    }
    return {**counts, **contacts}


def activity_changes(centre: Centre, start: date, end: date) -> dict[str, int]:
    """Groups that started, restarted, paused or ended in the period (one query)."""
    changes = ActivityStatusChange.objects.filter(
        activity__centre=centre, effective_on__range=(start, end)
    )
    running = Activity.Status.RUNNING
    return changes.aggregate(
        started=Count("pk", filter=Q(to_status=running) & ~Q(from_status=Activity.Status.PAUSED)),
        restarted=Count("pk", filter=Q(to_status=running, from_status=Activity.Status.PAUSED)),
        paused=Count("pk", filter=Q(to_status=Activity.Status.PAUSED)),
        ended=Count("pk", filter=Q(to_status=Activity.Status.ENDED)),
    )


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def meeting_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Meetings held in the period by kind of group, who came, and the actions raised, done and
    late (four queries). A meeting counts as held when it was not cancelled and has started."""
    until = min(_day_start(end + timedelta(days=1)), timezone.now())
    held = Meeting.objects.filter(
        centre=centre, starts_at__gte=_day_start(start), starts_at__lt=until
    ).exclude(status=Meeting.Status.CANCELLED)
    by_kind: dict[str, dict[str, Any]] = {
        row["group__kind"]: dict(row)
        for row in held.order_by()
        .values("group__kind")
        .annotate(meetings=Count("pk"), other_women=Sum("other_women"))
    }
    came = (
        Attendance.objects.filter(meeting__in=held)
        .order_by()
        .values("meeting__group__kind")
        .annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
            women=Count("pk", filter=Q(status=Attendance.Status.PRESENT, woman__isnull=False)),
            apologies=Count("pk", filter=Q(status=Attendance.Status.APOLOGIES)),
        )
    )
    attendance: dict[str, dict[str, Any]] = {row["meeting__group__kind"]: dict(row) for row in came}
    groups = {}
    for kind in Group.Kind.values:
        row, people = by_kind.get(kind, {}), attendance.get(kind, {})
        groups[kind] = {
            "meetings": row.get("meetings", 0),
            "women": people.get("women", 0) + (row.get("other_women") or 0),
            "everyone": people.get("present", 0) + (row.get("other_women") or 0),
            "apologies": people.get("apologies", 0),
        }
    return {"by_group": groups, "actions": _action_numbers(centre, start, end)}


def _action_numbers(centre: Centre, start: date, end: date) -> dict[str, int]:
    actions = Action.objects.filter(centre=centre)
    done = Action.Status.DONE
    due_in_period = Q(due_on__range=(start, end)) & ~Q(status=Action.Status.DROPPED)
    done_by_due = Q(status=done, closed_on__lte=F("due_on"))
    return actions.aggregate(
        raised=Count(
            "pk",
            filter=Q(raised_at__starts_at__gte=_day_start(start))
            & Q(raised_at__starts_at__lt=_day_start(end + timedelta(days=1))),
        ),
        done=Count("pk", filter=Q(status=done, closed_on__range=(start, end))),
        dropped=Count("pk", filter=Q(status=Action.Status.DROPPED, closed_on__range=(start, end))),
        due=Count("pk", filter=due_in_period),
        late=Count("pk", filter=due_in_period & ~done_by_due),
        open_at_end=Count(
            "pk",
            filter=Q(raised_at__starts_at__lt=_day_start(end + timedelta(days=1)))
            & (Q(closed_on__isnull=True) | Q(closed_on__gt=end)),
        ),
    )


def _you_said_we_did(centre: Centre, start: date, end: date) -> list[dict[str, str]]:
    items = you_said_we_did_items(centre).filter(wording_approved_on__range=(start, end))
    return [
        {"you_said": item.you_said, "we_did": item.we_did, "status": item.status}
        for item in items[:YOU_SAID_WE_DID_LIMIT]
    ]


NumberSource = Callable[[Centre, date, date], Any]


class TalliedSource(Protocol):
    """A source of numbers that counts the period's contacts, or takes them already counted."""

    def __call__(
        self, centre: Centre, start: date, end: date, *, tally: ContactTally | None = None
    ) -> Any: ...


# The sources that report the period's contacts: one pass over them is shared between them.
TALLIED_SOURCES: dict[str, TalliedSource] = {
    "casework": quarter_numbers,
    "contacts": contact_numbers,
    "completeness": completeness_numbers,
}

# Where the numbers come from, by key. Each runs a fixed number of queries.
NUMBER_SOURCES: dict[str, NumberSource] = {
    **TALLIED_SOURCES,
    "activities": activity_numbers,
    "activity_changes": activity_changes,
    "suggestions": suggestion_numbers,
    "you_said_we_did": _you_said_we_did,
    "meetings": meeting_numbers,
    "newsletter": newsletter_numbers,
    "involvement": involvement_numbers,
}


def period_raw_numbers(centre: Centre, start: date, end: date) -> dict[str, Any]:
    """Every number the sections need for one centre and period, unsuppressed. The period's
    contacts are counted once, for the three sources that report them."""
    tally = contact_tally(centre, start, end)
    return {
        key: (
            TALLIED_SOURCES[key](centre, start, end, tally=tally)
            if key in TALLIED_SOURCES
            else source(centre, start, end)
        )
        for key, source in NUMBER_SOURCES.items()
    }


def _per_period(rows: QuerySet[Any], field: str, spans: list[tuple[date, date]]) -> list[int]:
    """How many of `rows` fall in each span by the date in `field`: one query for them all."""
    return counts_each(rows, [Q(**{f"{field}__range": span}) for span in spans])


def headline_numbers(
    centre: Centre, periods: Mapping[str, tuple[date, date]]
) -> dict[str, dict[str, int]]:
    """The headline figures (the summary page and its eight-quarter charts) of each of
    `periods` (key -> (start, end)), each figure counted for every period in one query: eight
    quarters one by one took 72 queries and most of the large centre's report numbers. Each
    is the same count as the section that shows it (a test compares them period by period)."""
    spans = list(periods.values())
    activities = activity_headlines(centre, periods)
    columns = {
        "women_supported": women_counts(
            centre, [women_supported_q(start, end) for start, end in spans]
        ),
        "new_referrals": _per_period(Referral.objects.filter(centre=centre), "referred_on", spans),
        "contacts": _per_period(
            Contact.objects.filter(centre=centre, made=True), "contact_on", spans
        ),
        "suggestions": _per_period(
            Suggestion.objects.filter(centre=centre).exclude(screening=Suggestion.Screening.HELD),
            "received_on",
            spans,
        ),
        "moved_on": women_counts(
            centre, [women_changed_to_q(start, end, Stage.MOVED_ON) for start, end in spans]
        ),
    }
    return {
        key: {
            "women_supported": columns["women_supported"][i],
            "new_referrals": columns["new_referrals"][i],
            "contacts": columns["contacts"][i],
            "women_at_activities": activities[key]["unique_women"],
            "new_at_activities": activities[key]["new_women"],
            "suggestions": columns["suggestions"][i],
            "moved_on": columns["moved_on"][i],
        }
        for i, key in enumerate(periods)
    }


def headline_history(centre: Centre, quarter: Quarter) -> dict[str, dict[str, int]]:
    """Headline figures for this quarter and the seven before it, keyed by quarter, oldest
    first (the same quarter last year is among them)."""
    quarters = reversed(quarter.recent(HISTORY_QUARTERS))
    return headline_numbers(centre, {str(q): (q.start, q.end) for q in quarters})
