"""The exit questionnaire (tablet and paper, anonymous or named), the tablet's "I'd like to
help", the peer log and a worry handed to staff in one step: answers and themes feed the
suggestion box."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from centre.models import OutboxMessage
from coproduction.involvement import services
from coproduction.involvement.messages import WORRY_PURPOSE
from coproduction.involvement.models import (
    ExitQuestionnaire,
    InvolvementStep,
    Opportunity,
    PeerConversation,
    Placement,
    Worry,
)
from coproduction.suggestions.models import Suggestion
from tests.casework.factories import WomanFactory
from tests.conftest import client_for
from tests.coproduction.kiosk.tablet_html import TabletPage

from .factories import active_helper

pytestmark = pytest.mark.django_db


def test_the_tablet_questionnaire_is_anonymous_and_feeds_the_suggestion_box(kiosk_client, centre):
    response = kiosk_client.post(
        reverse("involvement:tablet_exit"),
        {
            "felt_supported": "5",
            "most_helped": "Being listened to",
            "could_be_better": "More evening groups",
            "would_recommend": "yes",
            "first_name": "",
        },
    )
    assert response.status_code == 200 and "all the best" in response.content.decode()
    answers = ExitQuestionnaire.objects.get()
    assert answers.woman is None and answers.first_name == "" and answers.source == "tablet"
    suggestion = Suggestion.objects.get()
    assert (
        suggestion.text == "More evening groups" and suggestion.source == Suggestion.Source.TABLET
    )
    assert suggestion.first_name == "" and answers.suggestion == suggestion
    assert response["Cache-Control"].startswith("no-store")


def test_the_tablet_questionnaire_keeps_what_she_typed_on_a_mistake(kiosk_client):
    response = kiosk_client.post(
        reverse("involvement:tablet_exit"),
        {"most_helped": "The craft group", "would_recommend": "yes"},
    )
    assert response.status_code == 400 and "The craft group" in response.content.decode()
    assert not ExitQuestionnaire.objects.exists()


def test_only_the_tablet_reaches_the_tablet_pages(manager_client):
    assert manager_client.get(reverse("involvement:tablet_exit")).status_code == 403


def test_a_paper_questionnaire_named_as_she_chose(manager_client, manager, centre):
    woman = WomanFactory(centre=centre)
    response = manager_client.post(
        reverse("involvement:exit_new"),
        {
            "woman": woman.pk,
            "completed_on": timezone.localdate().isoformat(),
            "felt_supported": "4",
            "could_be_better": "A quieter room",
            "about": "centre",
            "would_recommend": "not_sure",
        },
    )
    assert response.status_code == 302
    answers = ExitQuestionnaire.objects.get()
    assert answers.woman == woman and answers.source == "paper" and answers.entered_by == manager
    assert Suggestion.objects.get().source == Suggestion.Source.PAPER
    assert InvolvementStep.objects.filter(woman=woman, step="exit").exists()


def test_the_tablet_offer_to_help(kiosk_client, centre, greeter_role):
    page = kiosk_client.get(reverse("involvement:tablet_interest"))
    assert greeter_role.title in page.content.decode()
    kiosk_client.post(
        reverse("involvement:tablet_interest"),
        {"opportunity": greeter_role.pk, "first_name": "Jo", "contact": "Ask me at the drop-in"},
    )
    placement = Placement.objects.get()
    assert placement.source == Placement.Source.TABLET and placement.helper.name == "Jo"
    assert placement.helper.woman is None  # the tablet never names a record


def test_a_peer_conversation_hands_a_worry_and_an_idea_on(centre, volunteer, manager):
    helper = active_helper(centre, Opportunity.Role.PEER_MENTOR, user=volunteer, by=manager)
    manager.email = "manager@example.org"
    manager.save()
    response = client_for(volunteer).post(
        reverse("involvement:peer_log_new"),
        {
            "held_on": timezone.localdate().isoformat(),
            "theme": "childcare",
            "outcome": "Talked about the crèche hours",
            "idea": "A crèche on Thursdays",
            "worry": "Someone said she has nowhere to sleep tonight",
        },
    )
    assert response.status_code == 302
    entry = PeerConversation.objects.get()
    assert entry.escalated and entry.worry.text.startswith("Someone said")
    assert entry.suggestion.source == Suggestion.Source.PEER_REP
    assert entry.helper == helper
    messages = OutboxMessage.objects.filter(purpose=WORRY_PURPOSE)
    assert list(messages.values_list("recipient", flat=True)) == ["manager@example.org"]
    assert "nowhere to sleep" not in messages.get().body  # the worry stays on the page


def test_staff_take_a_worry_on_once(manager_client, key_worker_client, her, manager):
    worry = services.worry_hand_over(helper=her, text="She seemed frightened")
    page = key_worker_client.get(reverse("home"))
    assert "worry handed over" in page.content.decode()
    key_worker_client.post(reverse("involvement:worry_take", args=[worry.pk]))
    manager_client.post(reverse("involvement:worry_take", args=[worry.pk]))
    worry.refresh_from_db()
    assert worry.taken_by.username != manager.username
    assert Worry.objects.filter(taken_at__isnull=True).count() == 0


def test_a_named_questionnaire_shows_her_name_only_to_her_key_worker_and_the_manager(
    manager_client, key_worker_client, other_key_worker, centre
):
    woman = WomanFactory(centre=centre, key_worker=other_key_worker, first_name="Rowan")
    services.exit_questionnaire_record(
        centre=centre, source="paper", felt_supported=3, would_recommend="yes", woman=woman
    )
    assert "Rowan" in manager_client.get(reverse("involvement:exits")).content.decode()
    assert (
        "Rowan" in client_for(other_key_worker).get(reverse("involvement:exits")).content.decode()
    )
    page = key_worker_client.get(reverse("involvement:exits")).content.decode()
    assert "Rowan" not in page and "Anonymous" in page


def test_the_tablet_pages_lead_nowhere_but_the_tablet(kiosk_client, greeter_role):
    for name in ("tablet_exit", "tablet_interest"):
        html = kiosk_client.get(reverse(f"involvement:{name}")).content.decode()
        targets = re.findall(r'(?:href|action|src)="([^"]*)"', html)
        assert targets and all(t.startswith(("/kiosk/", "/static/")) for t in targets), targets
    start = kiosk_client.get(reverse("kiosk:start")).content.decode()
    assert reverse("involvement:tablet_exit") in start
    assert reverse("involvement:tablet_interest") in start


def test_the_tablet_offer_to_help_says_kindly_what_is_missing(kiosk_client, greeter_role):
    response = kiosk_client.post(
        reverse("involvement:tablet_interest"), {"opportunity": greeter_role.pk}
    )
    page = TabletPage(response.content.decode())
    assert response.status_code == 400
    assert page.read_with(id="id_first_name") == [
        "Please type your first name, so we know who to talk to."
    ]
    assert page.read_with(id="id_contact") == [
        "For example: ask me at the drop-in, or tell my key worker.",
        "Please tell us how to reach you. You can write “ask me at the drop-in”.",
    ]
    assert "This field is required" not in response.content.decode()

    response = kiosk_client.post(reverse("involvement:tablet_interest"), {"first_name": "Jo"})
    page = TabletPage(response.content.decode())
    assert page.read_with(tag="fieldset", data_step="1") == [
        "Helping is your choice. It makes no difference to your support.",
        "Please choose what you would like to help with.",
    ]
    assert page.element(id="id_first_name")["dir"] == "auto"
    assert not Placement.objects.exists()


def test_the_moving_on_questions_are_each_said_once_with_their_hints(kiosk_client):
    html = kiosk_client.get(reverse("involvement:tablet_exit")).content.decode()
    page = TabletPage(html)
    assert html.count("What helped you most?") == 1
    assert html.count("What could we do better?") == 1
    assert "leave empty to stay anonymous" not in html
    assert page.read_with(id="id_most_helped") == [
        "You can skip this question. Please do not write other people's names."
    ]
    assert page.read_with(id="id_first_name") == ["Type it in the box, or leave it empty."]
    assert page.read_with(tag="fieldset", data_step="1") == ["1 is not at all, 5 is very well."]
    assert page.element(id="id_could_be_better")["dir"] == "auto"


def test_a_moving_on_mistake_opens_at_its_question(kiosk_client):
    response = kiosk_client.post(
        reverse("involvement:tablet_exit"),
        {"felt_supported": "4", "would_recommend": "yes", "most_helped": "x" * 2001},
    )
    page = TabletPage(response.content.decode())
    assert page.element(tag="form")["data-start-step"] == "2"
    assert page.element(id="id_most_helped")["aria-invalid"] == "true"


def test_the_moving_on_questions_say_kindly_what_is_missing(kiosk_client):
    """In the tablet's own words, not Django's "This field is required."."""
    response = kiosk_client.post(reverse("involvement:tablet_exit"), {"most_helped": "x" * 2050})
    text = response.content.decode()
    assert response.status_code == 400 and "This field is required" not in text
    assert "Please choose a number from 1 to 5 to say how supported you felt." in text
    assert "Please choose an answer: would you tell a friend to come here?" in text
    assert "up to 2000 letters, please (you have 2050)" in text and "x" * 2050 in text
