"""A volunteer takes a register on a tablet: tap regulars, search to add someone, count others,
save once (a second tap changes nothing). She sees first names only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Attendance, Enrolment, Facilitator, Session
from tests.activities.factories import (
    ActivityFactory,
    FacilitatorFactory,
    SessionFactory,
    WomanFactory,
)

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def todays_session(centre, volunteer, key_worker):
    activity = ActivityFactory(centre=centre, name="Cooking on a budget")
    FacilitatorFactory(activity=activity, kind=Facilitator.Kind.VOLUNTEER, user=volunteer)
    FacilitatorFactory(activity=activity, kind=Facilitator.Kind.STAFF, user=key_worker)
    # Surnames no name generator makes, so "not on the page" cannot collide with a staff name.
    for first, last in [("Ann", "Surname-Ann-Hidden"), ("Bea", "Surname-Bea-Hidden")]:
        woman = WomanFactory(centre=centre, first_name=first, last_name=last)
        Enrolment.objects.create(activity=activity, woman=woman, status="signed_up")
    # Morven came to this group months ago (findable, not among the regulars); Morag only ever
    # came to another group, so the volunteer cannot find her.
    morven = WomanFactory(centre=centre, first_name="Morven", last_name="Ure")
    long_ago = SessionFactory(activity=activity, date=timezone.localdate() - timedelta(weeks=20))
    Attendance.objects.create(session=long_ago, woman=morven)
    morag = WomanFactory(centre=centre, first_name="Morag", last_name="Elsewhere")
    elsewhere = SessionFactory(activity=ActivityFactory(centre=centre, name="Another group"))
    Attendance.objects.create(session=elsewhere, woman=morag)
    return SessionFactory(activity=activity, date=timezone.localdate())


def test_volunteer_takes_a_register_on_a_tablet(tablet_page, volunteer, todays_session):
    page = tablet_page
    sign_in(page, volunteer.username)
    page.goto(page.base_url + "/activities/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Register Cooking on a budget").first.click()
    assert "Surname-" not in page.content()  # her name and an initial, never the surname
    assert_accessible(page)

    page.get_by_text("Ann S.", exact=True).tap()
    page.get_by_label("Someone else? Search by name").fill("Mor")
    found = page.locator("#search-results").get_by_text("Morven U.", exact=True)
    found.wait_for()
    assert "Ure" not in page.locator("#search-results").inner_text()  # only its initial
    assert "Morag" not in page.locator("#search-results").inner_text()
    found.tap()
    assert page.locator("#register-list").get_by_text("Morven").is_visible()
    page.get_by_role("button", name="one more").tap()
    page.get_by_role("button", name="one more").tap()
    assert page.locator("[data-register-count]").inner_text() == "4 women"
    assert_accessible(page)

    save = page.get_by_role("button", name="Save the register")
    box = save.bounding_box()
    assert box["height"] >= 44  # a touch target
    with page.expect_navigation():
        save.tap()
    assert "Register saved: 4 women came." in page.content()
    assert_accessible(page)

    names = set(
        Attendance.objects.filter(session=todays_session).values_list(
            "woman__first_name", flat=True
        )
    )
    assert names == {"Ann", "Morven"}
    assert Session.objects.get(pk=todays_session.pk).others_count == 2

    # Saving again with the same ticks (a double tap, or a second save) changes nothing.
    with page.expect_navigation():
        page.get_by_role("button", name="Save the register").tap()
    assert Attendance.objects.filter(session=todays_session).count() == 2


def test_a_volunteer_cannot_open_a_register_she_does_not_help_with(tablet_page, volunteer, centre):
    other = SessionFactory(activity=ActivityFactory(centre=centre, name="Choir"))
    sign_in(tablet_page, volunteer.username)
    response = tablet_page.goto(tablet_page.base_url + f"/activities/sessions/{other.pk}/register/")
    assert response.status == 403
