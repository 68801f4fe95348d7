import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from centre.pdf import pdf_text
from coproduction.meetings import selectors, services
from coproduction.meetings.models import Action, AgendaItem, Group
from coproduction.suggestions.models import Suggestion
from tests.conftest import client_for
from tests.coproduction.factories import SuggestionFactory

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(centre):
    return GroupFactory(
        centre=centre, name="Monday meeting", standing_items="Welcome\nAny other business"
    )


def _suggestion(centre, **kwargs):
    return SuggestionFactory(centre=centre, status=Suggestion.Status.MEETING, **kwargs)


def test_a_steering_group_always_has_service_user_involvement(centre):
    group = services.group_create(centre=centre, name="Steering", kind=Group.Kind.STEERING)
    assert services.standing_titles(group) == ["Service-user involvement"]


def test_standing_items_are_on_every_new_meeting(centre, manager, group):
    meeting = services.meeting_schedule(
        group=group, starts_at=in_days(5), organiser=manager, details={"place": "Hall"}
    )
    assert [i.title for i in meeting.agenda_items.all()] == ["Welcome", "Any other business"]


def test_bringing_in_takes_open_suggestions_for_a_meeting_once(centre, group):
    meeting = MeetingFactory(group=group)
    wanted = _suggestion(centre, text="A quiet room upstairs")
    _suggestion(centre, screening=Suggestion.Screening.HELD, text="held for the duty manager")
    SuggestionFactory(centre=centre, status=Suggestion.Status.RECEIVED, text="not for a meeting")
    _suggestion(GroupFactory().centre, text="another centre's")
    assert services.agenda_bring_in(meeting=meeting) == 3  # two standing items and one suggestion
    assert services.agenda_bring_in(meeting=meeting) == 0
    titles = [item.title for item in meeting.agenda_items.all()]
    assert titles[-1] == f"{wanted.receipt_code}: A quiet room upstairs"
    assert meeting.agenda_items.get(kind=AgendaItem.Kind.SUGGESTION).suggestion == wanted


def test_a_cancelled_meeting_agenda_does_not_change(manager, group):
    meeting = MeetingFactory(group=group)
    cancelled = services.meeting_cancel(meeting=meeting, by=manager, expected_version=1, reason="x")
    with pytest.raises(ValidationError):
        services.agenda_bring_in(meeting=cancelled)
    with pytest.raises(ValidationError):
        services.agenda_item_add(meeting=cancelled, title="x", raised_by="", naming="name")


def test_an_open_action_is_on_every_later_agenda_until_it_is_closed(manager, group):
    first = MeetingFactory(group=group, starts_at=in_days(-60))
    second = MeetingFactory(group=group, starts_at=in_days(-30))
    third = MeetingFactory(group=group, starts_at=in_days(5))
    action = services.action_create(
        meeting=first, text="Ask about the bus pass", owner=manager, due_on=in_days(-40).date()
    )
    assert list(selectors.agenda_actions(first)) == []
    assert list(selectors.agenda_actions(second)) == [action]
    assert list(selectors.agenda_actions(third)) == [action]
    assert action.is_overdue
    services.action_close(
        action=action, status=Action.Status.DONE, on=timezone.localdate(second.starts_at)
    )
    # Done at the second meeting: it is on that agenda (as it was then), not on the third.
    assert list(selectors.agenda_actions(second)) == [action]
    assert list(selectors.agenda_actions(third)) == []


def test_dropping_needs_a_reason_and_closing_happens_once(manager, group):
    action = services.action_create(
        meeting=MeetingFactory(group=group), text="Paint", owner=manager, due_on=in_days(20).date()
    )
    with pytest.raises(ValidationError):
        services.action_close(action=action, status=Action.Status.DROPPED, reason=" ")
    services.action_close(action=action, status=Action.Status.DROPPED, reason="No budget")
    with pytest.raises(ValidationError):
        services.action_close(action=action, status=Action.Status.DONE)
    action.refresh_from_db()
    assert (action.status, action.dropped_reason) == ("dropped", "No budget")


def test_new_item_names_her_as_she_chose(manager_client, volunteer, group):
    meeting = MeetingFactory(group=group)
    url = reverse("meetings:agenda_item_add", args=[meeting.pk])
    manager_client.post(
        url, {"title": "Crèche hours", "raised_by": "Jess Quillanbrae", "naming": "first_name"}
    )
    manager_client.post(
        url, {"title": "Taxis", "raised_by": "Philippa Brown", "naming": "anonymous"}
    )
    GroupMemberFactory(group=group, user=volunteer)
    page = client_for(volunteer).get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    text = page.content.decode()
    assert "Raised by Jess" in text and "Quillanbrae" not in text
    assert "Philippa" not in text and "Raised by A member of the group" in text


def test_removing_an_item(key_worker_client, partner_client, group):
    meeting = MeetingFactory(group=group)
    services.agenda_bring_in(meeting=meeting)
    item = meeting.agenda_items.first()
    url = reverse("meetings:agenda_item_remove", args=[item.pk])
    assert partner_client.post(url).status_code == 403
    assert key_worker_client.post(url).status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_actions_are_added_and_closed_through_the_pages(manager_client, manager, group):
    meeting = MeetingFactory(group=group, starts_at=in_days(-3))
    response = manager_client.post(
        reverse("meetings:action_add", args=[meeting.pk]),
        {
            "text": "Price a water cooler",
            "owner": manager.pk,
            "due_on": in_days(10).date().isoformat(),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    url = reverse("meetings:action_close", args=[action.pk])
    response = manager_client.post(url, {"status": "dropped", "reason": ""})
    assert response.status_code == 400 and b"Say why it is dropped" in response.content
    assert re.search(rb'value="dropped"[^>]*checked', response.content)  # her choice is kept
    assert manager_client.post(url, {"status": "done"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "done"


@pytest.mark.parametrize(
    ("due", "message"),
    [("1999-01-01", b"It cannot be due before"), ("2126-01-01", b"in the next three years")],
)
def test_an_action_due_before_its_meeting_or_in_a_century_is_refused(
    manager_client, manager, group, due, message
):
    """A slip of the keyboard (1999, 2126) would keep the action off every due list: it gets a
    clear message and the text she typed stays."""
    meeting = MeetingFactory(group=group, starts_at=in_days(-3))
    response = manager_client.post(
        reverse("meetings:action_add", args=[meeting.pk]),
        {"text": "Price a water cooler", "owner": manager.pk, "due_on": due},
    )
    assert response.status_code == 400 and message in response.content
    assert b"Price a water cooler" in response.content and not Action.objects.exists()


def test_the_agenda_pdf_shows_items_and_carried_actions(manager_client, manager, centre, group):
    last_month = MeetingFactory(group=group, starts_at=in_days(-28))
    services.action_create(
        meeting=last_month, text="Ask the bus company", owner=manager, due_on=in_days(-1).date()
    )
    meeting = MeetingFactory(group=group)
    _suggestion(centre, text="Soup <script>alert(1)</script> on Wednesdays")
    services.agenda_bring_in(meeting=meeting)
    response = manager_client.get(reverse("meetings:agenda_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Monday meeting" in text and "Welcome" in text
    assert "Soup <script>alert(1)</script> on Wednesdays" in text
    assert "Ask the bus company" in text


def test_another_centres_agenda_is_a_404(outsider_client, group):
    meeting = MeetingFactory(group=group)
    assert outsider_client.get(reverse("meetings:agenda_pdf", args=[meeting.pk])).status_code == 404
