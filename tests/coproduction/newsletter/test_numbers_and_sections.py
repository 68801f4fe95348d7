"""The quarterly numbers (counted by hand here), the automatic sections as on the day the issue
is built, her pieces in the personal data registry, and the demo data."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from centre import personal_data
from coproduction.meetings.models import Group
from coproduction.newsletter import selectors, services
from coproduction.newsletter.demo import seed_newsletter
from coproduction.newsletter.models import Contribution, Issue
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.casework.factories import WomanFactory
from tests.coproduction.factories import SuggestionFactory
from tests.coproduction.meetings.factories import GroupFactory, MeetingFactory, in_days

from .factories import IssueFactory, PieceFactory

pytestmark = pytest.mark.django_db

Q3_START, Q3_END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)


def _received_on(piece, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    Contribution.objects.filter(pk=piece.pk).update(created_at=moment)


def test_quarter_numbers_counted_by_hand(centre, other_centre, manager):
    jo, ann = WomanFactory(centre=centre), WomanFactory(centre=centre)
    issue = IssueFactory(centre=centre)
    inside = [
        PieceFactory(issue=issue, woman=jo, kind="poem"),  # Jo, a poem
        PieceFactory(issue=issue, woman=jo, kind="recipe"),  # Jo again: still one woman
        PieceFactory(issue=issue, woman=ann, kind="poem", withdrawn_at=timezone.now()),
        PieceFactory(issue=issue, author=manager, kind="guide"),  # staff
        PieceFactory(issue=issue, author=manager, kind="numbers", written_by="partner"),
    ]
    for day, piece in zip(
        (Q3_START, Q3_END, datetime.date(2026, 8, 3), Q3_END, Q3_START), inside, strict=True
    ):
        _received_on(piece, day)
    _received_on(PieceFactory(issue=issue, woman=ann, kind="story"), datetime.date(2026, 6, 30))
    _received_on(PieceFactory(issue=issue, woman=ann, kind="story"), datetime.date(2026, 10, 1))
    elsewhere = IssueFactory(centre=other_centre)
    _received_on(PieceFactory(issue=elsewhere, kind="poem"), datetime.date(2026, 8, 1))
    IssueFactory(centre=centre, status=Issue.Status.PUBLISHED, published_on=Q3_END)
    IssueFactory(centre=centre, status=Issue.Status.PUBLISHED, published_on=Q3_END.replace(day=1))
    IssueFactory(
        centre=centre, status=Issue.Status.PUBLISHED, published_on=Q3_START.replace(month=6)
    )
    numbers = selectors.quarter_numbers(centre, Q3_START, Q3_END)
    assert numbers == {
        "issues_published": 2,
        "contributions": 5,
        "by_kind": {"story": 0, "poem": 2, "recipe": 1, "guide": 1, "numbers": 1, "photo": 0},
        "by_who": {"woman": 3, "staff": 1, "partner": 1, "volunteer": 0},
        "women_contributing": 2,
        "women_pieces_with_consent": 3,  # Jo's two and Ann's (withdrawn since)
        "withdrawn": 1,
        "pieces_printed": 0,  # the two issues published in the quarter have no pieces
        "women_printed": 0,
    }


def test_quarter_numbers_are_one_query_each(centre, django_assert_num_queries):
    with django_assert_num_queries(2):
        selectors.quarter_numbers(centre, Q3_START, Q3_END)


def test_the_sections_are_filled_from_the_day_the_issue_is_built(centre, manager):
    last = IssueFactory(
        centre=centre, status=Issue.Status.PUBLISHED, published_on=datetime.date(2026, 10, 1)
    )
    issue = IssueFactory(centre=centre, number=last.number + 1, useful_numbers="Shelter: 0808\n\n")
    approved = {"wording": Suggestion.Wording.APPROVED, "status": Suggestion.Status.DONE}
    SuggestionFactory(
        centre=centre,
        you_said="Soup",
        we_did="Soup on Wednesdays",
        wording_approved_on=datetime.date(2026, 10, 5),
        **approved,
    )
    SuggestionFactory(
        centre=centre,
        you_said="Old",
        we_did="Answered before the last issue",
        wording_approved_on=datetime.date(2026, 9, 5),
        **approved,
    )
    today = timezone.localdate()
    SessionFactory(activity=ActivityFactory(centre=centre, name="Knit and natter"), date=today)
    group = GroupFactory(centre=centre, name="Monday meeting", kind=Group.Kind.SERVICE_USER)
    MeetingFactory(group=group, organiser=manager, starts_at=in_days(7), place="Hall")
    steering = GroupFactory(centre=centre, name="Steering", kind=Group.Kind.STEERING)
    MeetingFactory(group=steering, organiser=manager, starts_at=in_days(8))
    services.issue_build(issue=issue, by=manager)
    issue.refresh_from_db()
    sections = issue.sections
    assert issue.built_on == today
    assert [i["we_did"] for i in sections["you_said_we_did"]] == ["Soup on Wednesdays"]
    assert [row["activity"] for row in sections["activities"]] == ["Knit and natter"]
    assert [m["group"] for m in sections["meetings"]] == ["Monday meeting"]
    assert sections["useful_numbers"] == ["Shelter: 0808"]
    assert sections["ways_to_get_involved"] == ["Join the newsletter group"]


def test_her_pieces_and_comments_are_in_her_personal_data(centre, manager):
    woman = WomanFactory(centre=centre)
    piece = PieceFactory(issue=IssueFactory(centre=centre), woman=woman)
    services.comment_add(piece=piece, by=manager, text="Beautiful")
    PieceFactory(issue=piece.issue, author=manager)  # not hers
    held = personal_data.held_about(woman.pk)
    assert list(held["newsletter.contribution"]) == [piece]
    assert [c.text for c in held["newsletter.comment"]] == ["Beautiful"]


def test_demo_three_past_issues_and_one_in_progress(centre, people):
    WomanFactory.create_batch(4, centre=centre, send_newsletter=True)
    seed_newsletter(centres=[centre], stdout=io.StringIO())
    issues = Issue.objects.filter(centre=centre)
    assert issues.filter(status=Issue.Status.PUBLISHED).count() == 3
    in_progress = issues.get(status=Issue.Status.OPEN)
    states = set(in_progress.contributions.values_list("state", flat=True))
    assert len(states) >= 2
    assert in_progress.call_sent_at is not None
    for issue in issues.filter(status=Issue.Status.PUBLISHED):
        assert selectors.issue_document(issue) is not None
        assert issue.contributions.filter(state=Contribution.State.PUBLISHED).exists()
        # Received three weeks before it came out (the quarterly report counts them there).
        received = {
            timezone.localtime(piece.created_at).date() for piece in issue.contributions.all()
        }
        assert received == {issue.published_on - datetime.timedelta(days=21)}
    count = Contribution.objects.count()
    seed_newsletter(centres=[centre], stdout=io.StringIO())
    assert Contribution.objects.count() == count


def test_a_published_issue_keeps_its_sections_when_its_printed_copy_is_built_again(
    centre, manager, manager_client, volunteer_client
):
    issue = IssueFactory(
        centre=centre,
        status=Issue.Status.PUBLISHED,
        published_on=datetime.date(2026, 9, 1),
        sections={"built_on": "2026-08-30", "useful_numbers": ["Kept as it was"]},
    )
    url = reverse("newsletter:issue_build", args=[issue.pk])
    assert volunteer_client.post(url).status_code == 403
    assert manager_client.post(url).status_code == 302
    issue.refresh_from_db()
    assert issue.sections["useful_numbers"] == ["Kept as it was"]
    assert selectors.issue_document(issue).status == "queued"
