"""Declarations of interest at attendance, shown in the minutes and the minutes PDF; women
named in attendance lists, minutes, the PDF and the tablet only as they chose (a sentinel
surname that must never appear)."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework.models import Woman
from centre import personal_data
from centre.pdf import pdf_text
from coproduction.meetings import services
from coproduction.meetings.models import (
    AgendaItem,
    Attendance,
    Group,
    InterestDeclaration,
    Invitation,
    Naming,
)
from tests.casework.factories import WomanFactory

from .factories import GroupFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db

SENTINEL = "Quennellsentinel"


@pytest.fixture
def meeting(centre, manager):
    group = GroupFactory(centre=centre, name="Grants panel")
    return MeetingFactory(group=group, organiser=manager, starts_at=in_days(-1))


@pytest.fixture
def women(centre, meeting):
    chosen = {}
    for first, naming in (("Ailsa", "name"), ("Bethan", "first_name"), ("Ceri", "anonymous")):
        woman = WomanFactory(centre=centre, first_name=first, last_name=SENTINEL)
        services.group_member_add(
            group=meeting.group, woman=woman, joined_on=datetime.date(2026, 1, 1), naming=naming
        )
        chosen[first] = woman
    return chosen


@pytest.fixture
def item(meeting):
    return AgendaItem.objects.create(meeting=meeting, kind="new", title="Grant to the allotment")


def _publish(meeting, manager, summary="We gave the allotment a grant."):
    minutes = services.minutes_save(
        meeting=meeting, by=manager, expected_version=0, text="Notes", plain_summary=summary
    )
    minutes = services.minutes_approve(minutes=minutes, by=manager, expected_version=1)
    return services.minutes_publish(minutes=minutes, by=manager, expected_version=2)


def _declare(meeting, attendance, item, by, left_room=False):
    return services.interest_declare(
        meeting=meeting,
        attendance=attendance,
        agenda_item=item,
        interest="x",
        left_room=left_room,
        by=by,
    )


def test_a_declaration_is_recorded_and_shown_in_the_minutes_and_pdf(
    manager_client, manager, meeting, women, item
):
    services.attendance_record(
        meeting=meeting,
        came=[women["Bethan"], manager],
        apologies=[women["Ailsa"]],
        guests=[],
        other_women=0,
    )
    bethan = Attendance.objects.get(woman=women["Bethan"])
    url = reverse("meetings:interest_add", args=[meeting.pk])
    form = manager_client.get(url).content.decode()
    assert "Bethan" in form and SENTINEL not in form
    response = manager_client.post(
        url,
        {
            "who": bethan.pk,
            "agenda_item": item.pk,
            "interest": "She volunteers at the allotment",
            "left_room": "on",
        },
    )
    assert response.status_code == 302
    declaration = InterestDeclaration.objects.get()
    assert declaration.woman == women["Bethan"] and declaration.left_room
    page = manager_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content
    page = page.decode()
    assert "She volunteers at the allotment" in page and "Left the room for this item" in page
    _publish(meeting, manager)
    pdf = manager_client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    text = " ".join(pdf_text(pdf.content).split())
    assert "Declarations of interest" in text
    assert "Bethan, on “Grant to the allotment”: She volunteers at the allotment" in text
    assert "She left the room for this item." in text
    assert f"Bethan {SENTINEL}" not in text  # she chose her first name only


def test_only_someone_who_came_declares_and_not_after_approval(
    manager, meeting, women, item, centre
):
    services.attendance_record(
        meeting=meeting, came=[manager], apologies=[women["Ailsa"]], guests=[], other_women=0
    )
    apologies = Attendance.objects.get(woman=women["Ailsa"])
    with pytest.raises(ValidationError, match="Choose someone who came"):
        _declare(meeting, apologies, item, manager)
    other_item = AgendaItem.objects.create(
        meeting=MeetingFactory(group=meeting.group), kind="new", title="Elsewhere"
    )
    came = Attendance.objects.get(user=manager)
    with pytest.raises(ValidationError, match="Choose an item"):
        _declare(meeting, came, other_item, manager)
    _publish(meeting, manager)
    with pytest.raises(ValidationError, match="approved"):
        _declare(meeting, came, item, manager)


def test_an_empty_declaration_form_says_what_is_missing(manager_client, meeting, manager, item):
    services.attendance_record(
        meeting=meeting, came=[manager], apologies=[], guests=[], other_women=0
    )
    response = manager_client.post(
        reverse("meetings:interest_add", args=[meeting.pk]), {"who": "", "interest": ""}
    )
    assert response.status_code == 400 and b"This field is required." in response.content
    assert not InterestDeclaration.objects.exists()


def test_names_follow_each_womans_choice_everywhere(
    manager_client, manager, meeting, women, kiosk_client, centre
):
    services.attendance_record(
        meeting=meeting,
        came=[women["Ailsa"], women["Bethan"], women["Ceri"]],
        apologies=[],
        guests=[],
        other_women=1,
    )
    page = manager_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content
    page = page.decode()
    assert f"Ailsa {SENTINEL}" in page  # she chose her name as written
    assert "Bethan" in page and "Ceri" not in page
    assert "4 women came." in page
    _publish(meeting, manager)
    pdf = manager_client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    text = " ".join(pdf_text(pdf.content).split())
    assert f"4 women came. Named as each chose: Ailsa {SENTINEL}, Bethan." in text
    assert "Ceri" not in text and "Came:" not in text

    board = kiosk_client.get(reverse("kiosk:board")).content.decode()
    assert "What the meetings talked about" in board and "We gave the allotment a grant." in board
    for name in ("Ailsa", "Bethan", "Ceri", SENTINEL):
        assert name not in board


def test_a_woman_never_gets_named_by_default(centre, meeting, manager):
    woman = WomanFactory(centre=centre, first_name="Dilys", last_name=SENTINEL)
    services.attendance_record(
        meeting=meeting, came=[woman], apologies=[], guests=[], other_women=0
    )
    assert Attendance.objects.get(woman=woman).naming == Naming.ANONYMOUS


def test_the_tablet_shows_no_steering_board_minutes_and_no_drafts(kiosk_client, centre, manager):

    board = GroupFactory(centre=centre, name="Trustees", kind=Group.Kind.STEERING)
    _publish(MeetingFactory(group=board, starts_at=in_days(-3)), manager, summary="Board talk")
    draft = MeetingFactory(group=GroupFactory(centre=centre), starts_at=in_days(-2))
    services.minutes_save(
        meeting=draft, by=manager, expected_version=0, text="x", plain_summary="Draft talk"
    )
    page = kiosk_client.get(reverse("kiosk:board")).content.decode()
    assert "Board talk" not in page and "Draft talk" not in page
    assert "What the meetings talked about" not in page


def test_the_meeting_page_costs_the_same_queries_however_many_rows(
    manager_client, manager, meeting, centre, item, django_assert_max_num_queries
):
    women = [WomanFactory(centre=centre) for _n in range(6)]
    for woman in women:
        services.group_member_add(
            group=meeting.group, woman=woman, joined_on=datetime.date(2026, 1, 1), naming="name"
        )
        Invitation.objects.create(
            meeting=meeting, woman=woman, route="direct", method="email", invited_by=manager
        )
    services.attendance_record(
        meeting=meeting, came=[*women, manager], apologies=[], guests=["Guest"], other_women=0
    )
    for row in Attendance.objects.filter(meeting=meeting):
        _declare(meeting, row, item, manager, left_room=True)
    with django_assert_max_num_queries(40):
        response = manager_client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.content.decode().count("Left the room for this item") == 8


def test_every_meetings_model_about_a_woman_is_in_the_personal_data_registry(
    centre, meeting, manager
):
    woman = WomanFactory(centre=centre)
    services.group_member_add(group=meeting.group, woman=woman, joined_on=datetime.date(2026, 1, 1))
    services.attendance_record(
        meeting=meeting, came=[woman], apologies=[], guests=[], other_women=0
    )
    held = personal_data.held_about(woman.pk)
    for label in (
        "meetings.groupmember",
        "meetings.attendance",
        "meetings.invitation",
        "meetings.interestdeclaration",
        "meetings.electedrole",
    ):
        assert label in held
    assert held["meetings.attendance"].count() == 1 and held["meetings.groupmember"].count() == 1
    for model in apps.get_app_config("meetings").get_models():
        links = [f for f in model._meta.get_fields() if getattr(f, "related_model", None) is Woman]
        if any(not f.auto_created for f in links):
            assert personal_data.declaration_for(model) or model._meta.label_lower in (
                personal_data.exemptions()
            ), model


def test_her_naming_choice_can_change_and_drafts_follow_it(
    manager_client, volunteer_client, manager, meeting, women, centre
):
    ceri = meeting.group.members.get(woman=women["Ceri"])
    services.attendance_record(
        meeting=meeting, came=[women["Ceri"]], apologies=[], guests=[], other_women=0
    )
    url = reverse("meetings:member_naming", args=[ceri.pk])
    assert manager_client.get(url).status_code == 200
    bad = manager_client.post(url, {"naming": "nickname"})
    assert bad.status_code == 400 and b"Select a valid choice" in bad.content
    assert manager_client.post(url, {"naming": "first_name"}).status_code == 302
    ceri.refresh_from_db()
    assert ceri.naming == "first_name"
    assert Attendance.objects.get(woman=women["Ceri"]).naming == "first_name"  # a draft
    page = manager_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content
    text = page.decode()
    i = text.find(SENTINEL)
    assert "Ceri" in text and i == -1, text[i - 300 : i + 100]
    assert volunteer_client.get(url).status_code == 403

    _publish(meeting, manager)
    manager_client.post(url, {"naming": "anonymous"})
    # The approved minutes keep the name they were written with.
    assert Attendance.objects.get(woman=women["Ceri"]).naming == "first_name"
