"""Crafted data across casework, activities and co-production for one quarter (2026Q3), with
numbers chosen to exercise every suppression rule. Women are given unusual names so a test can
prove no name reaches the report."""

import io
from datetime import UTC, date, datetime, time
from types import SimpleNamespace

from pypdf import PdfReader

from activities.models import Activity, ActivityStatusChange, Attendance
from casework.models import (
    Contact,
    Goal,
    OutcomeRating,
    Referral,
    Review,
    Stage,
    SupportPlan,
    Woman,
)
from coproduction.involvement.models import (
    ExitQuestionnaire,
    Expense,
    Helper,
    InvolvementStep,
    Opportunity,
    PeerConversation,
    Placement,
    PlacementChange,
    Shift,
    Training,
)
from coproduction.meetings.models import Action, Group
from coproduction.meetings.models import Attendance as MeetingAttendance
from coproduction.newsletter.models import Contribution, Issue
from coproduction.reports.quarters import Quarter
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.coproduction.factories import SuggestionFactory
from tests.coproduction.involvement.factories import bus_fare
from tests.coproduction.meetings.factories import GroupFactory, MeetingFactory
from tests.coproduction.newsletter.factories import IssueFactory, PieceFactory

QUARTER = Quarter(2026, 3)
IN_QUARTER = date(2026, 8, 3)
BEFORE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NAMES = [f"Zephyrine{i}" for i in range(12)]
VOLUNTEER = "Zephyrine Volunteer"  # a community volunteer: never named in the report either


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
    """12 women supported; contacts 7 phone, 3 home visit, 2 court (details in _contacts), and 2
    attempts; referrals 9 court (decided in 2 days), 2 self (decided in 17 days); 7 plans, 10
    recent reviews; 6 women rated twice in housing (+2), 3 in money; 6 goals set, 5 achieved by
    4 women; one activity with 6 women over 2 sessions plus 4 others, a group that started and
    one that ended; 8 suggestions; meetings and actions (_meetings); the newsletter
    (_newsletter) and getting involved (_involvement). The quarter before has 3 referrals and 7
    contacts (comparisons). Woman 11's last contact is 40 days before the end.
    """
    centre.target_women = 20
    centre.not_heard_from_days = 60
    centre.save(update_fields=["target_women", "not_heard_from_days"])
    women = [_woman(centre, i, key_worker) for i in range(12)]
    _contacts(centre, women)
    for index, source in enumerate([Referral.Source.COURT] * 9 + [Referral.Source.SELF] * 2):
        decided = date(2026, 8, 5) if source == Referral.Source.COURT else date(2026, 8, 20)
        Referral.objects.create(
            centre=centre,
            first_name=f"Referred{index}",
            source=source,
            referred_on=IN_QUARTER,
            vulnerability="x",
            decision=Referral.Decision.ACCEPTED,
            decided_at=datetime.combine(decided, time(10, 0), tzinfo=UTC),
        )
    for index in range(3):  # the quarter before: fewer than 5, so never compared
        Referral.objects.create(
            centre=centre,
            first_name=f"Earlier{index}",
            source=Referral.Source.SELF,
            referred_on=date(2026, 5, 4),
            vulnerability="x",
        )
    _goals(women)
    _meetings(centre, women, key_worker)
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
    _newsletter(centre, women, key_worker)
    _involvement(centre, women, key_worker)
    return SimpleNamespace(women=women, activity=activity, suggestions=suggestions)


def _contacts(centre, women):
    """Made: 7 phone, 3 home visit, 2 court on 3 August (woman 11's on 22 July instead).
    Format: 8 one-to-one, 4 not recorded. Length: 5 under 15 min, 4 of 30-59, 3 not recorded
    (5x10 + 4x45 = 230 minutes, 4 hours). Needs: 6 name housing, 6 money, 3 both, 3 none.
    Tool: 5 outcome star, 7 none. Support: 6 food, 6 travel. Attempts: 2 (not reaching her).
    7 more phone contacts in May (the quarter before)."""
    types = [Contact.Type.PHONE] * 7 + [Contact.Type.HOME_VISIT] * 3 + [Contact.Type.COURT] * 2
    for index, (woman, contact_type) in enumerate(zip(women, types, strict=True)):
        Contact.objects.create(
            centre=centre,
            woman=woman,
            contact_type=contact_type,
            contact_on=date(2026, 7, 22) if index == 11 else IN_QUARTER,
            note="x",
            contact_format=Contact.Format.ONE_TO_ONE if index < 8 else "",
            duration_minutes=10 if index < 5 else 45 if index < 9 else None,
            needs_discussed=(
                ["housing"]
                if index < 3
                else ["housing", "money"]
                if index < 6
                else ["money"]
                if index < 9
                else []
            ),
            tool_used=Contact.Tool.OUTCOME_STAR if index < 5 else "",
            practical_support=["food"] if index < 6 else ["travel"],
        )
    for woman in women[:2]:
        Contact.objects.create(
            centre=centre,
            woman=woman,
            contact_type=Contact.Type.PHONE,
            contact_on=IN_QUARTER,
            note="no answer",
            made=False,
        )
    for woman in women[:7]:
        Contact.objects.create(
            centre=centre,
            woman=woman,
            contact_type=Contact.Type.PHONE,
            contact_on=date(2026, 5, 12),
            note="x",
        )


def _goals(women):
    in_quarter = datetime.combine(IN_QUARTER, time(9, 0), tzinfo=UTC)
    for index, woman in enumerate(women[:6]):
        Goal.objects.create(
            woman=woman,
            text="x",
            status=Goal.Status.ACHIEVED if index < 5 else Goal.Status.ACTIVE,
            created_at=in_quarter,
            updated_at=in_quarter,
        )
    # Woman 0 achieved a second goal, set before the quarter: 5 goals achieved... by 4 women.
    Goal.objects.filter(woman=women[4]).update(status=Goal.Status.ACTIVE)
    Goal.objects.create(
        woman=women[0],
        text="y",
        status=Goal.Status.ACHIEVED,
        created_at=BEFORE,
        updated_at=in_quarter,
    )


def _meetings(centre, women, key_worker):
    """Two service-user meetings held (a third cancelled): 3 women on record, 2 staff and 4
    others came to the first, 1 apology; 5 women came to the second. Four actions raised at the
    first: done on time, done late, open past its date, and dropped."""
    group = GroupFactory(centre=centre, kind=Group.Kind.SERVICE_USER)
    on = lambda day: datetime.combine(day, time(11, 0), tzinfo=UTC)  # noqa: E731
    first = MeetingFactory(group=group, starts_at=on(date(2026, 7, 6)), other_women=4)
    second = MeetingFactory(group=group, starts_at=on(date(2026, 8, 3)))
    MeetingFactory(group=group, starts_at=on(date(2026, 9, 7)), status="cancelled")
    present = MeetingAttendance.Status.PRESENT
    for woman in women[:3]:
        MeetingAttendance.objects.create(meeting=first, woman=woman, status=present)
    MeetingAttendance.objects.create(meeting=first, user=first.organiser, status=present)
    MeetingAttendance.objects.create(meeting=first, guest="A visitor", status=present)
    MeetingAttendance.objects.create(
        meeting=first, guest="Another", status=MeetingAttendance.Status.APOLOGIES
    )
    for woman in women[3:8]:
        MeetingAttendance.objects.create(meeting=second, woman=woman, status=present)
    owner = first.organiser
    plans = [
        (date(2026, 8, 20), Action.Status.DONE, date(2026, 8, 15), ""),
        (date(2026, 8, 10), Action.Status.DONE, date(2026, 8, 25), ""),
        (date(2026, 9, 1), Action.Status.OPEN, None, ""),
        (date(2026, 9, 10), Action.Status.DROPPED, date(2026, 8, 1), "No longer needed"),
    ]
    for due, status, closed, reason in plans:
        Action.objects.create(
            centre=centre,
            group=group,
            raised_at=first,
            text="x",
            owner=owner,
            due_on=due,
            status=status,
            closed_on=closed,
            dropped_reason=reason,
        )
    return group


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
    ActivityStatusChange.objects.create(
        activity=activity,
        from_status=Activity.Status.PLANNED,
        to_status=Activity.Status.RUNNING,
        effective_on=date(2026, 7, 1),
    )
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


def _received(piece, day):
    Contribution.objects.filter(pk=piece.pk).update(
        created_at=datetime.combine(day, time(12, 0), tzinfo=UTC)
    )


def _newsletter(centre, women, key_worker):
    """Two issues published in the quarter (20 July, 15 September), one in May, one open.
    Received in the quarter, 18 pieces: 8 poems by women 0-7 and 5 recipes by women 8-11 and 0,
    all printed in September's issue; 4 staff recipes printed in July's; 1 story by woman 1,
    withdrawn for her, without consent, in the open issue. So: 17 printed, from 12 women; by
    kind 8 poems, 9 recipes, 1 story; by who 14 women's (13 with consent) and 4 staff. One more
    piece by woman 2, received in May and printed in May's issue, is outside the quarter."""
    published = Issue.Status.PUBLISHED
    july = IssueFactory(centre=centre, status=published, published_on=date(2026, 7, 20))
    september = IssueFactory(centre=centre, status=published, published_on=date(2026, 9, 15))
    may = IssueFactory(centre=centre, status=published, published_on=date(2026, 5, 10))
    still_open = IssueFactory(centre=centre)
    printed = {"consent_to_publish": True, "state": Contribution.State.PUBLISHED}
    pieces = [
        *(PieceFactory(issue=september, woman=w, kind="poem", **printed) for w in women[:8]),
        *(
            PieceFactory(issue=september, woman=w, kind="recipe", **printed)
            for w in [*women[8:12], women[0]]
        ),
        *(PieceFactory(issue=july, author=key_worker, kind="recipe", **printed) for _ in range(4)),
        PieceFactory(
            issue=still_open,
            woman=women[1],
            kind="story",
            consent_to_publish=False,
            withdrawn_at=datetime(2026, 8, 20, 10, 0, tzinfo=UTC),
            withdrawn_for_her=True,
        ),
    ]
    for index, piece in enumerate(pieces):
        _received(piece, date(2026, 7, 1) if index % 2 else date(2026, 9, 30))
    _received(PieceFactory(issue=may, woman=women[2], kind="poem", **printed), date(2026, 5, 2))


def _involvement(centre, women, key_worker):
    """Steps in the quarter: feedback by women 0-5, meeter and greeter by women 0-2 (6 women
    moving); woman 9 volunteered in June (outside). Roles: woman 0 active since April and in a
    second role from July, the community volunteer active from 10 August, woman 1 stepped down
    in June, woman 2 in training, woman 3 active only from October: 2 people active in the
    quarter, 3 now. Rotas: 3 + 4 hours (a cancelled shift and October's do not count). Training:
    10 courses (5 accredited) by 3 people, one more in June. Peer conversations: 5, 1 handed to
    staff, one in October. Expenses: 3 claims for £31.80 spent in the quarter (one turned down
    is not counted), 2 paid for £12.20 (one spent in June, paid 1 July). Exit questionnaires:
    5, one more in October."""
    for step, who in [("feedback", women[:6]), ("greeter", women[:3])]:
        for woman in who:
            InvolvementStep.objects.create(
                centre=centre, woman=woman, step=step, taken_on=date(2026, 8, 4)
            )
    InvolvementStep.objects.create(
        centre=centre, woman=women[9], step="volunteering", taken_on=date(2026, 6, 1)
    )
    greeter = Opportunity.objects.create(
        centre=centre, title="Greeter", role="greeter", involves="x", time_needed="x"
    )
    mentor = Opportunity.objects.create(
        centre=centre, title="Mentor", role="peer_mentor", involves="x", time_needed="x"
    )
    first, second, third, fourth = (
        Helper.objects.create(centre=centre, woman=woman) for woman in women[:4]
    )
    volunteer = Helper.objects.create(centre=centre, name=VOLUNTEER)
    for helper, role, moves in [
        (first, greeter, [("active", date(2026, 4, 1))]),
        (first, mentor, [("training", date(2026, 6, 1)), ("active", date(2026, 7, 1))]),
        (volunteer, greeter, [("active", date(2026, 8, 10))]),
        (second, greeter, [("active", date(2026, 5, 1)), ("stepped_down", date(2026, 6, 15))]),
        (third, greeter, [("training", date(2026, 8, 1))]),
        (fourth, greeter, [("active", date(2026, 10, 10))]),
    ]:
        _placement(centre, helper, role, moves)
    _shift(centre, first, datetime(2026, 7, 6, 9, 0, tzinfo=UTC), 3)
    _shift(centre, volunteer, datetime(2026, 8, 3, 10, 0, tzinfo=UTC), 4)
    _shift(centre, first, datetime(2026, 8, 4, 10, 0, tzinfo=UTC), 2, Shift.Status.CANCELLED)
    _shift(centre, first, datetime(2026, 10, 5, 10, 0, tzinfo=UTC), 2)
    for helper, courses, accredited in [(first, 4, 3), (volunteer, 4, 2), (third, 2, 0)]:
        for index in range(courses):
            Training.objects.create(
                centre=centre,
                helper=helper,
                course="Listening",
                completed_on=date(2026, 9, 1),
                accredited=index < accredited,
            )
    Training.objects.create(
        centre=centre, helper=first, course="Boundaries", completed_on=date(2026, 6, 2)
    )
    for index, day in enumerate([date(2026, 7, 2)] * 5 + [date(2026, 10, 2)]):
        PeerConversation.objects.create(
            centre=centre,
            helper=first,
            held_on=day,
            theme=Suggestion.Theme.FOOD,
            outcome="x",
            escalated=index == 0,
        )
    for spent, amount, status, paid in [
        (date(2026, 7, 3), "4.60", Expense.Status.CLAIMED, None),
        (date(2026, 8, 3), "18.00", Expense.Status.APPROVED, None),
        (date(2026, 9, 3), "9.20", Expense.Status.PAID, date(2026, 9, 10)),
        (date(2026, 8, 5), "35.00", Expense.Status.REJECTED, None),
        (date(2026, 6, 20), "3.00", Expense.Status.PAID, date(2026, 7, 1)),
    ]:
        bus_fare(centre, first, spent, amount, status, paid_on=paid)
    for day in [date(2026, 7, 9)] * 5 + [date(2026, 10, 9)]:
        ExitQuestionnaire.objects.create(
            centre=centre,
            source="tablet",
            completed_on=day,
            felt_supported=4,
            would_recommend="yes",
        )


def _placement(centre, helper, role, moves):
    placement = Placement.objects.create(
        centre=centre,
        helper=helper,
        opportunity=role,
        status=moves[-1][0],
        source="staff",
        status_since=moves[-1][1],
    )
    before = "interested"
    PlacementChange.objects.create(
        placement=placement, to_status=before, changed_on=date(2026, 3, 1)
    )
    for status, day in moves:
        PlacementChange.objects.create(
            placement=placement, from_status=before, to_status=status, changed_on=day
        )
        before = status


def _shift(centre, helper, starts, hours, status=Shift.Status.ON):
    Shift.objects.create(
        centre=centre,
        kind="greeter",
        starts_at=starts,
        ends_at=starts.replace(hour=starts.hour + hours),
        helper=helper,
        status=status,
    )


def table_of(content, caption):
    """{row label: the other cells}, and the total row, of the report's table with `caption`."""
    for section in content["sections"]:
        for table in section["tables"]:
            if table["caption"] == caption:
                return {row[0]: row[1:] for row in table["rows"]}, table.get("total")
    raise AssertionError(f"no table {caption!r}")


def pdf_pages(pdf):
    """The text of each page of a PDF, in order."""
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]
