"""Information sharing in a real browser: the key worker records what a woman agreed to share
with a partner agency in one click from her record; a partner worker the woman has not agreed
to share with sees the card and can still log a contact. Each page checked with axe-core."""

import pytest

from casework.models import Allocation, Consent, Contact, Need, Stage
from tests.casework.factories import AgencyFactory, ContactFactory, WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _involve(woman, partner):
    Allocation.objects.create(
        woman=woman, worker=partner, kind=Allocation.Kind.INVOLVED, reason="Housing support"
    )


def test_key_worker_records_what_she_agreed_to_share_from_the_prompt(
    page, centre, key_worker, partner
):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    woman = WomanFactory(
        centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE, first_name="Eilidh"
    )
    _involve(woman, partner)
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/")
    assert page.get_by_role("heading", name="No sharing agreement recorded").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record her decision").click()
    page.wait_for_load_state()
    assert page.get_by_label("Agency").input_value() == str(agency.pk)
    page.get_by_label("Needs: Housing").check()
    page.get_by_label("Contact notes written by others").check()
    page.get_by_label("Agreement ends on").fill("2030-01-31")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert "Her decision about sharing is recorded" in page.content()
    assert_accessible(page)
    row = Consent.objects.get(woman=woman, agency=agency)
    assert row.agreed and sorted(row.shares) == ["contact_notes", "housing"]
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/")
    assert "No sharing agreement recorded" not in page.content()


def test_partner_she_refused_sees_the_card_and_logs_a_contact(page, centre, key_worker, partner):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    woman = WomanFactory(
        centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE, first_name="Catriona"
    )
    _involve(woman, partner)
    Need.objects.create(woman=woman, domain="substance_use", her_view="Using again")
    ContactFactory(woman=woman, worker=key_worker, note="Talked about her ex")
    Consent.objects.create(woman=woman, agency=agency, agreed=False)
    sign_in(page, partner.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/")
    content = page.content()
    assert "Front-desk card" in content
    assert "has not agreed to share her record with Housing Options" in content
    assert "Talked about her ex" not in content and "Using again" not in content
    assert_accessible(page)
    page.get_by_role("group", name="Type").get_by_text("Phone", exact=True).click()
    page.get_by_label("Short note").fill("Rang about the viewing on Tuesday.")
    page.get_by_role("button", name="Save contact").click()
    page.wait_for_load_state()
    assert "Contact logged" in page.content()
    assert "Rang about the viewing on Tuesday." in page.content()
    assert Contact.objects.filter(woman=woman, worker=partner).count() == 1
    assert_accessible(page)
