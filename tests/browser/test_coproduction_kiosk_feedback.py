"""Feedback on a session from the tablet, and a woman's idea becoming an activity: Chromium,
tablet size for the kiosk, axe-clean."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Activity, Feedback
from coproduction.kiosk import services
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.coproduction.factories import SuggestionFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "The teacher was kind and I made a card for my daughter"


@pytest.fixture
def quick_tablet(settings):
    settings.KIOSK_RESET_AFTER_SUBMIT_SECONDS = 3


def test_woman_tells_us_how_a_session_went_and_staff_see_it_from_the_tablet(
    quick_tablet, tablet_page, page, centre, manager, key_worker
):
    art = ActivityFactory(centre=centre, name="Art group")
    SessionFactory(activity=art, date=timezone.localdate() - timedelta(days=1))
    ActivityFactory(centre=centre, name="Walking group")
    _tablet, code = services.tablet_create(centre=centre, name="Front room", by=manager)
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/enrol/{code.replace('-', '')}/")
    tablet_page.get_by_role("button", name="Set up this tablet").click()
    tablet_page.wait_for_url(re.compile(r"/kiosk/$"))

    tablet_page.get_by_role("link", name="Tell us how a session went").click()
    assert_accessible(tablet_page)
    # Next without choosing: a kind message, and she stays on the question.
    tablet_page.get_by_role("button", name="Next").click()
    assert tablet_page.get_by_text("Please choose the session you went to.").is_visible()
    tablet_page.get_by_text("Art group").click()
    tablet_page.get_by_role("button", name="Next").click()
    # The faces, each with words, each a big target.
    for label in ("Not for me", "It was OK", "Good", "Really good", "Loved it"):
        choice = tablet_page.locator("label.kiosk-choice").filter(
            has=tablet_page.get_by_text(label, exact=True)
        )
        box = choice.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    assert_accessible(tablet_page)
    tablet_page.get_by_text("Loved it", exact=True).click()
    assert tablet_page.get_by_label("Loved it").is_checked()
    tablet_page.get_by_role("button", name="Next").click()
    tablet_page.get_by_label("Anything else you want to tell us?").fill(COMMENT)
    assert tablet_page.get_by_text("No one will know it was you").is_visible()
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Send").click()
    tablet_page.get_by_role("heading", name="Thank you for telling us.").wait_for()
    assert_accessible(tablet_page)

    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.comment, feedback.source) == (5, COMMENT, "tablet")

    # The tablet goes back to the start by itself; nothing of hers is left.
    tablet_page.wait_for_url(re.compile(r"/kiosk/\?fresh=1$"), timeout=10000)
    assert COMMENT not in tablet_page.content()
    tablet_page.go_back()
    tablet_page.wait_for_load_state()
    assert COMMENT not in tablet_page.content()

    # Staff see it on the activity page, marked as from the tablet.
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/activities/{art.pk}/")
    row = page.locator('tr[data-feedback-source="tablet"]')
    assert COMMENT in row.inner_text() and "The tablet" in row.inner_text()
    assert_accessible(page)


def test_manager_starts_an_activity_from_a_womans_idea(page, centre, manager):
    suggestion = SuggestionFactory(centre=centre, text="A sewing group on Tuesdays please")
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/coproduction/suggestions/{suggestion.receipt_code}/")
    page.get_by_role("link", name="Start an activity from this idea").click()
    assert page.get_by_label("Name of the activity").input_value() == (
        "A sewing group on Tuesdays please"
    )
    assert_accessible(page)
    page.get_by_label("Name of the activity").fill("Sewing group")
    page.get_by_label("Category").select_option("creative")
    page.get_by_role("button", name="Start the activity").click()
    page.get_by_role("heading", name="Sewing group").wait_for()
    link = page.get_by_role(
        "link", name=f"Started from a woman's idea (receipt {suggestion.receipt_code})"
    )
    assert link.is_visible()
    assert_accessible(page)
    activity = Activity.objects.get(name="Sewing group")
    assert activity.origin == "woman" and activity.idea_stage == "idea"
    link.click()
    page.get_by_role("heading", name=f"Suggestion {suggestion.receipt_code}").wait_for()
    assert "Sewing group" in page.locator("[data-linked-activity]").inner_text()
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.LOOKING
