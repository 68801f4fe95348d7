"""Casework journeys in a real browser, each page checked with axe-core."""

import time

import pytest

from casework.models import Allocation, BreakGlass, Contact, Stage
from tests.casework.factories import WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_key_worker_finds_a_woman_from_her_dashboard_and_logs_a_contact_quickly(
    page, centre, key_worker
):
    woman = WomanFactory(
        centre=centre,
        key_worker=key_worker,
        stage=Stage.INTENSIVE,
        first_name="Morven",
        last_name="Baird",
    )
    WomanFactory.create_batch(3, centre=centre, key_worker=key_worker)
    sign_in(page, key_worker.username)
    started = time.monotonic()
    page.get_by_role("link", name="Caseload").first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("table").get_by_role("link", name="Morven Baird").click()
    page.wait_for_load_state()
    interaction = time.monotonic() - started
    assert_accessible(page)
    started = time.monotonic()
    page.get_by_role("group", name="Type").get_by_text("Phone", exact=True).click()
    page.get_by_label("Short note").fill("Checked in about Friday; all good.")
    page.get_by_role("button", name="Save contact").click()
    page.wait_for_load_state()
    interaction += time.monotonic() - started
    assert "Contact logged" in page.content()
    assert interaction < 30
    contact = Contact.objects.get(woman=woman)
    assert contact.made and contact.worker == key_worker
    assert_accessible(page)


def test_worker_not_allocated_breaks_the_glass(page, centre, key_worker, partner, manager):
    woman = WomanFactory(centre=centre, key_worker=key_worker, first_name="Isla", last_name="Munro")
    sign_in(page, partner.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/")
    assert "Front-desk card" in page.content()
    assert_accessible(page)
    page.get_by_label("Why do you need her full record?").fill(
        "She is at reception in crisis and her key worker is on leave."
    )
    page.get_by_role("button", name="Open her full record").click()
    page.wait_for_load_state()
    assert "limited time" in page.content()
    # Read-only (issue 10): her record, but nothing to change it with.
    assert page.get_by_role("heading", name="Workers involved").is_visible()
    assert page.get_by_role("heading", name="Log a contact").count() == 0
    assert BreakGlass.objects.filter(woman=woman, worker=partner).exists()
    assert_accessible(page)


def test_manager_reallocates_with_a_handover_note(
    page, centre, manager, key_worker, other_key_worker
):
    woman = WomanFactory(centre=centre, key_worker=key_worker, first_name="Kirsty", last_name="Hay")
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/")
    page.get_by_role("link", name="Allocation").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("New key worker").select_option(str(other_key_worker.pk))
    page.get_by_label("Reason for the change").fill("Kate's caseload is full")
    page.get_by_label("Handover note").fill("Prefers a text before a visit. Dog is friendly.")
    page.get_by_role("button", name="Reallocate").click()
    page.wait_for_load_state()
    assert "Key worker changed" in page.content()
    assert_accessible(page)
    woman.refresh_from_db()
    assert woman.key_worker == other_key_worker
    assert Allocation.objects.get(woman=woman, worker=other_key_worker).handover_note.startswith(
        "Prefers a text"
    )
