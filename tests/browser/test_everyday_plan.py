"""Issue 18: nothing typed is lost. On her plan, adding a goal or an action adds a row in place
(htmx), so the plan she is writing stays; leaving a form with unsaved text asks first."""

import pytest

from casework.models import Action, Goal, Stage
from tests.casework.factories import WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN_TEXT = "I want a place of my own, near my sister"


@pytest.mark.parametrize("width", [390, 1280])
def test_adding_a_goal_and_an_action_keeps_the_plan_she_is_writing(page, centre, key_worker, width):
    page.set_viewport_size({"width": width, "height": 900})
    woman = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/plan/")
    page.get_by_label("What she wants, in her own words").fill(PLAN_TEXT)
    goals = page.locator("#plan-goals")
    goals.get_by_label("Goal, in her words").fill("Get my own tenancy")
    goals.get_by_role("button", name="Add goal").click()
    goals.get_by_text("Get my own tenancy", exact=True).wait_for()
    assert Goal.objects.filter(woman=woman, text="Get my own tenancy").exists()
    # The page did not reload: what she was writing is still there, and the goal box is empty.
    assert page.get_by_label("What she wants, in her own words").input_value() == PLAN_TEXT
    assert page.locator("#plan-goals").get_by_label("Goal, in her words").input_value() == ""

    actions = page.locator("#plan-actions")
    actions.get_by_label("Who").fill("Her and key worker")
    actions.get_by_role("button", name="Add action").click()  # no text: refused in place
    actions.locator(".invalid-feedback").first.wait_for()
    assert actions.get_by_label("Who").input_value() == "Her and key worker"
    actions.locator("#action_text").fill("Phone Housing Options together")
    actions.get_by_role("button", name="Add action").click()
    actions.get_by_role("cell", name="Phone Housing Options together", exact=True).wait_for()
    assert Action.objects.filter(woman=woman, text="Phone Housing Options together").exists()
    assert page.get_by_label("What she wants, in her own words").input_value() == PLAN_TEXT
    assert_accessible(page)

    # Leaving with the plan unsaved asks first; staying keeps it.
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    here = page.url
    page.get_by_role("link", name="Timeline").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url == here
    assert page.get_by_label("What she wants, in her own words").input_value() == PLAN_TEXT
