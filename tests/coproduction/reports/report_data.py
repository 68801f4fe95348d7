"""Crafted data across casework, activities and co-production for one quarter (2026Q3), with
numbers chosen to exercise every suppression rule. Women are given unusual names so a test can
prove no name reaches the report."""

from datetime import UTC, date, datetime, time
from types import SimpleNamespace

from activities.models import Activity, ActivityStatusChange, Attendance
from casework.models import (
    Contact,
    OutcomeRating,
    Referral,
    Review,
    Stage,
    SupportPlan,
    Woman,
)
from coproduction.reports.quarters import Quarter
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.coproduction.factories import SuggestionFactory

QUARTER = Quarter(2026, 3)
IN_QUARTER = date(2026, 8, 3)
BEFORE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NAMES = [f"Zephyrine{i}" for i in range(12)]


def _woman(centre, index, key_worker):
    return Woman.objects.create(
        centre=centre,
        first_name=NAMES[index],
        last_name="Quillfeather",
        stage=Stage.INTENSIVE if index < 9 else Stage.LIGHTER_TOUCH,
        key_worker=key_worker,
        created_at=BEFORE,
    )


def build_quarter(centre, key_worker):
    """12 women supported; contacts 7 phone, 3 home visit, 2 court; referrals 9 court, 2 self;
    7 plans, 10 recent reviews; 6 women rated twice in housing (+2), 3 in money; one activity
    with 6 women over 2 sessions plus 4 others, and a group that ended; 8 suggestions."""
    centre.target_women = 20
    centre.save(update_fields=["target_women"])
    women = [_woman(centre, i, key_worker) for i in range(12)]
    types = [Contact.Type.PHONE] * 7 + [Contact.Type.HOME_VISIT] * 3 + [Contact.Type.COURT] * 2
    for woman, contact_type in zip(women, types, strict=True):
        Contact.objects.create(
            centre=centre, woman=woman, contact_type=contact_type, contact_on=IN_QUARTER, note="x"
        )
    for index, source in enumerate([Referral.Source.COURT] * 9 + [Referral.Source.SELF] * 2):
        Referral.objects.create(
            centre=centre,
            first_name=f"Referred{index}",
            source=source,
            referred_on=IN_QUARTER,
            vulnerability="x",
            decision=Referral.Decision.ACCEPTED,
        )
    for woman in women[:7]:
        SupportPlan.objects.create(woman=woman, in_her_words="x")
    for woman in women[:10]:
        Review.objects.create(woman=woman, held_on=IN_QUARTER, progress="x")
    for woman in women[:6]:
        _rated(woman, "housing", 3, 5)
    for woman in women[6:9]:
        _rated(woman, "money", 2, 8)
    activity = _activity(centre, women)
    suggestions = _suggestions(centre)
    return SimpleNamespace(women=women, activity=activity, suggestions=suggestions)


def _rated(woman, domain, first, latest):
    OutcomeRating.objects.create(
        woman=woman, domain=domain, score=first, rated_on=date(2026, 2, 1), occasion="intake"
    )
    OutcomeRating.objects.create(
        woman=woman, domain=domain, score=latest, rated_on=IN_QUARTER, occasion="review"
    )


def _activity(centre, women):
    activity = ActivityFactory(centre=centre, name="Wednesday art group")
    taken = datetime.combine(IN_QUARTER, time(12, 0), tzinfo=UTC)
    first = SessionFactory(activity=activity, date=date(2026, 7, 8), register_taken_at=taken)
    second = SessionFactory(
        activity=activity, date=date(2026, 7, 15), register_taken_at=taken, others_count=4
    )
    for woman in women[:6]:
        Attendance.objects.create(session=first, woman=woman)
    for woman in women[:3]:
        Attendance.objects.create(session=second, woman=woman)
    ended = ActivityFactory(centre=centre, name="Walking group", status=Activity.Status.ENDED)
    ActivityStatusChange.objects.create(
        activity=ended,
        from_status=Activity.Status.RUNNING,
        to_status=Activity.Status.ENDED,
        reason="Funding came to an end",
        effective_on=date(2026, 9, 1),
    )
    return activity


def _suggestions(centre):
    made = []
    for index in range(8):
        made.append(
            SuggestionFactory(
                centre=centre,
                theme=Suggestion.Theme.FOOD if index < 6 else Suggestion.Theme.BUILDING,
                status=Suggestion.Status.DONE,
                received_on=date(2026, 7, 1),
                first_response_on=date(2026, 7, 3),
                answered_on=date(2026, 7, 6),
                outcome_on=date(2026, 7, 10),
            )
        )
    approved = made[0]
    approved.you_said = "You asked for <script>alert('soup')</script> & <b>bread</b>"
    approved.we_did = "We now serve soup on Wednesdays"
    approved.wording = Suggestion.Wording.APPROVED
    approved.wording_approved_on = date(2026, 7, 20)
    approved.save()
    return made
