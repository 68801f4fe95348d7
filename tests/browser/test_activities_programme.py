"""A manager pauses a group with a reason, and the programme shows it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Activity, ActivityStatusChange
from tests.activities.factories import ActivityFactory, SessionFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_pauses_a_group_and_the_programme_shows_it(page, manager, centre):
    walking = ActivityFactory(centre=centre, name="Walking group", category="active")
    today = timezone.localdate()
    for weeks in range(3):
        SessionFactory(activity=walking, date=today + timedelta(weeks=weeks))
    sign_in(page, manager.username)
    page.goto(page.base_url + "/activities/")
    with page.expect_navigation():
        page.get_by_role("link", name="Walking group").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Change status").click()
    assert_accessible(page)

    page.get_by_label("New status").select_option("paused")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert "Say why" in page.content()  # no reason: refused, what she chose is kept
    assert page.get_by_label("New status").input_value() == "paused"
    assert_accessible(page)

    page.get_by_label("Reason").fill("Our walk leader is on leave until March")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert "Status changed" in page.content()
    assert Activity.objects.get(pk=walking.pk).status == "paused"
    assert ActivityStatusChange.objects.filter(activity=walking, to_status="paused").exists()

    page.goto(page.base_url + "/activities/programme/")
    paused = page.locator("[data-paused-list]")
    assert "Walking group" in paused.inner_text()
    assert "Our walk leader is on leave until March" in paused.inner_text()
    assert "Paused" in page.locator("table").inner_text()
    assert_accessible(page)

    page.goto(page.base_url + "/activities/programme/week/")
    assert "Our walk leader is on leave until March" in page.content()
    assert_accessible(page)
