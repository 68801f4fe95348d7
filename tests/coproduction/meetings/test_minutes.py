import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from centre.pdf import pdf_text
from centre.versioning import EditConflict
from coproduction.meetings import services
from coproduction.meetings.models import AgendaItem, Attendance, ElectedRole, Minutes
from coproduction.suggestions.models import Suggestion
from tests.casework.factories import WomanFactory
from tests.conftest import client_for
from tests.coproduction.factories import SuggestionFactory

from .factories import GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, starts_at=in_days(-2))


def _elect(group, user, role):
    member = GroupMemberFactory(group=group, user=user, joined_on=datetime.date(2025, 1, 1))
    return ElectedRole.objects.create(
        group=group, member=member, role=role, starts_on=datetime.date(2025, 1, 1)
    )


def _minutes_post(client, meeting, version, text):
    return client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        {"version": version, "text": text, "plain_summary": "We talked about food."},
    )


def test_two_people_editing_the_minutes_never_overwrite(manager_client, key_worker, meeting):
    assert _minutes_post(manager_client, meeting, 0, "First draft").status_code == 302
    other = client_for(key_worker)
    assert _minutes_post(other, meeting, 1, "Key worker's version").status_code == 302
    response = _minutes_post(manager_client, meeting, 1, "Manager's late change")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this while you were editing" in page
    assert "Manager&#x27;s late change" in page  # her text is kept
    assert Minutes.objects.get().text == "Key worker's version"


def test_two_first_drafts_at_once_do_not_overwrite(manager, key_worker, meeting):
    services.minutes_save(
        meeting=meeting, by=manager, expected_version=0, text="A", plain_summary=""
    )
    with pytest.raises(EditConflict):
        services.minutes_save(
            meeting=meeting, by=key_worker, expected_version=0, text="B", plain_summary=""
        )
    assert Minutes.objects.get().text == "A"


def test_the_secretary_writes_the_chair_approves_and_an_organiser_publishes(
    volunteer, steering, manager_client, group, meeting, centre
):
    _elect(group, volunteer, ElectedRole.Role.SECRETARY)
    _elect(group, steering, ElectedRole.Role.CHAIR)
    secretary, chair = client_for(volunteer), client_for(steering)
    assert _minutes_post(secretary, meeting, 0, "Minutes by the secretary").status_code == 302
    approve = reverse("meetings:minutes_approve", args=[meeting.pk])
    assert secretary.post(approve, {"version": 1}).status_code == 403
    # A manager does not approve when the group has a chair with an account.
    assert manager_client.post(approve, {"version": 1}).status_code == 403
    assert chair.post(approve, {"version": 1}).status_code == 302
    minutes = Minutes.objects.get()
    assert (minutes.status, minutes.approved_by) == (Minutes.Status.APPROVED, steering)
    late = _minutes_post(secretary, meeting, 2, "A late change")
    assert late.status_code == 400 and b"A late change" in late.content
    publish = reverse("meetings:minutes_publish", args=[meeting.pk])
    assert chair.post(publish, {"version": 2}).status_code == 403
    assert manager_client.post(publish, {"version": 2}).status_code == 302
    assert Minutes.objects.get().status == Minutes.Status.PUBLISHED


def test_the_chair_approves_the_version_she_read(manager, meeting):
    minutes = services.minutes_save(
        meeting=meeting, by=manager, expected_version=0, text="A", plain_summary="a"
    )
    services.minutes_save(
        meeting=meeting, by=manager, expected_version=1, text="B", plain_summary="b"
    )
    with pytest.raises(EditConflict):
        services.minutes_approve(minutes=minutes, by=manager, expected_version=1)


def test_approving_minutes_that_changed_since_she_read_them_says_so(manager_client, meeting):
    """No chair has an account, so the manager approves on the group's behalf."""
    assert _minutes_post(manager_client, meeting, 0, "First draft").status_code == 302
    assert _minutes_post(manager_client, meeting, 1, "Second draft").status_code == 302
    approve = reverse("meetings:minutes_approve", args=[meeting.pk])
    response = manager_client.post(approve, {"version": 1}, follow=True)
    said = [str(message) for message in response.context["messages"]]
    assert "The minutes changed while you were reading them. Read them again." in said
    assert Minutes.objects.get().status == Minutes.Status.DRAFT
    assert manager_client.post(approve, {"version": 2}).status_code == 302
    assert Minutes.objects.get().status == Minutes.Status.APPROVED


def test_empty_minutes_cannot_be_approved_nor_drafts_published(manager, meeting):
    minutes = services.minutes_save(
        meeting=meeting, by=manager, expected_version=0, text="", plain_summary=""
    )
    with pytest.raises(ValidationError):
        services.minutes_approve(minutes=minutes, by=manager, expected_version=1)
    with pytest.raises(ValidationError):
        services.minutes_publish(minutes=minutes, by=manager, expected_version=1)


def test_attendance_by_name_and_count(
    manager_client, key_worker_client, volunteer, group, meeting, centre
):
    woman = WomanFactory(centre=centre, first_name="Rhona")
    GroupMemberFactory(group=group, user=volunteer)
    services.group_member_add(
        group=group, woman=woman, joined_on=datetime.date(2026, 1, 1), naming="first_name"
    )
    response = manager_client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {
            "came": [f"w{woman.pk}"],
            "apologies": [f"u{volunteer.pk}"],
            "other_women": "3",
            "guests": "Councillor Smith\n",
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting).count() == 3
    page = manager_client.get(
        reverse("meetings:meeting_detail", args=[meeting.pk])
    ).content.decode()
    assert "4 women came. Named as she chose: Rhona." in page
    # The team and guests stand apart from the women counted.
    assert "From the team and guests: Councillor Smith" in page
    response = manager_client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {"came": [f"u{volunteer.pk}"], "apologies": [f"u{volunteer.pk}"], "other_women": "0"},
    )
    assert b"Someone cannot both come and send apologies." in response.content
    assert Attendance.objects.filter(meeting=meeting).count() == 3


def test_publishing_applies_decisions_and_the_pdf_shows_them(
    manager, manager_client, group, meeting, centre
):
    suggestion = SuggestionFactory(
        centre=centre, status=Suggestion.Status.MEETING, owner=manager, text="Soup on Wednesdays"
    )
    services.agenda_bring_in(meeting=meeting)
    response = manager_client.post(
        reverse("meetings:decision_add", args=[meeting.pk]),
        {
            "suggestion": suggestion.pk,
            "outcome": "done",
            "answer": "Soup every Wednesday from May.",
        },
    )
    assert response.status_code == 302
    woman = WomanFactory(centre=centre, first_name="Rhona", last_name="Quarrier")
    services.attendance_record(
        meeting=meeting, came=[woman], apologies=[], guests=[], other_women=2
    )
    minutes = services.minutes_save(
        meeting=meeting,
        by=manager,
        expected_version=0,
        text="Full notes",
        plain_summary="We agreed soup.",
    )
    minutes = services.minutes_approve(
        minutes=minutes, by=manager, expected_version=minutes.version
    )
    assert manager_client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code == 404
    services.minutes_publish(minutes=minutes, by=manager, expected_version=minutes.version)
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.DONE
    assert suggestion.we_did == "Soup every Wednesday from May."
    assert suggestion.wording == Suggestion.Wording.DRAFT  # a manager approves it for the board
    pdf = manager_client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    text = " ".join(pdf_text(pdf.content).split())
    assert "Soup every Wednesday from May." in text and "We agreed soup." in text
    assert "3 women came." in text
    assert "Rhona" not in text and "Quarrier" not in text and "Full notes" not in text


def test_not_possible_needs_an_answer_and_gives_the_reason(manager, group, meeting, centre):
    suggestion = SuggestionFactory(centre=centre, status=Suggestion.Status.MEETING, owner=manager)
    AgendaItem.objects.create(meeting=meeting, kind="suggestion", title="x", suggestion=suggestion)
    with pytest.raises(ValidationError):
        services.decision_record(
            meeting=meeting, suggestion=suggestion, outcome="not_possible", answer=""
        )
    services.decision_record(
        meeting=meeting,
        suggestion=suggestion,
        outcome="not_possible",
        answer="The landlord said no.",
    )
    minutes = services.minutes_save(
        meeting=meeting, by=manager, expected_version=0, text="t", plain_summary="p"
    )
    services.minutes_approve(minutes=minutes, by=manager, expected_version=1)
    services.minutes_publish(minutes=Minutes.objects.get(), by=manager, expected_version=2)
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.reason) == ("not_possible", "The landlord said no.")


def test_a_decision_only_for_a_suggestion_on_the_agenda(manager, meeting, centre):
    suggestion = SuggestionFactory(centre=centre, status=Suggestion.Status.MEETING)
    with pytest.raises(ValidationError):
        services.decision_record(
            meeting=meeting, suggestion=suggestion, outcome="agreed", answer="Yes"
        )
