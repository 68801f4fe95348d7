"""The manager's retention and access review pages in a browser: axe-core on each, and the
journey of placing a legal hold and marking a review item."""

import pytest
from django.utils import timezone

from casework.models import Stage
from centre.models import AuditEvent
from privacy.retention.models import LegalHold
from privacy.review.models import ReviewMark
from tests.casework.factories import WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_manager_places_a_hold_and_reviews_a_break_the_glass_read(
    page, centre, manager, key_worker
):
    woman = WomanFactory(
        centre=centre, first_name="Ottoline", stage=Stage.CLOSED, closed_at=timezone.now()
    )
    AuditEvent.objects.create(
        actor=key_worker,
        centre=centre,
        action="casework.woman.break_glass",
        reason="She rang in crisis",
        grounds="break_glass",
        woman_id=woman.pk,
    )
    sign_in(page, manager.username)
    page.goto(page.base_url + "/privacy/retention/")
    assert_accessible(page)
    page.get_by_role("link", name="Place a legal hold").click()
    assert_accessible(page)
    page.get_by_label("Whose records").select_option(str(woman.pk))
    page.get_by_label("Why her records must be kept").fill("A claim has been made")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state("networkidle")
    assert LegalHold.objects.filter(woman=woman, lifted_at__isnull=True).exists()
    page.get_by_role("link", name="Change Closed case records").click()
    assert_accessible(page)
    page.get_by_label("How long to keep it, in months").fill("12")
    page.get_by_role("button", name="Save").click()
    assert "at least 6 years" in page.content()
    assert_accessible(page)

    page.goto(page.base_url + "/privacy/review/")
    assert_accessible(page)
    assert "She rang in crisis" in page.content()
    page.get_by_label("Note").first.fill("Checked: she did ring")
    page.get_by_role("button", name="Mark reviewed").first.click()
    page.wait_for_load_state("networkidle")
    assert ReviewMark.objects.get().note == "Checked: she did ring"
    assert_accessible(page)
