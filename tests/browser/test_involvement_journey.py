"""The getting-involved journey: a key worker records a woman's interest in being a meeter and
greeter; the manager moves her through training to active, links her volunteer account and puts
her on the rota; she signs in as a volunteer, sees only her rota, and claims her bus fare with a
photo of the ticket; the manager approves it; her certificate PDF is read back. Every page is
checked with axe-core at laptop (1280 px) and phone (390 px) widths."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from centre.pdf import pdf_text
from coproduction.involvement.models import Expense, Helper, Opportunity, Placement, Shift
from tests.casework.factories import WomanFactory
from tests.coproduction.involvement.factories import active_helper, opportunity, shift

from .conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LAPTOP = {"width": 1280, "height": 900}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _accessible_at_both_widths(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.set_viewport_size(LAPTOP)


def _switch_to(page, user):
    page.context.clear_cookies()
    sign_in(page, user.username)


def test_from_interest_to_the_rota_to_a_paid_bus_fare(page, centre, manager, key_worker, volunteer):
    opportunity(centre, Opportunity.Role.GREETER, title="Meeter and greeter")
    jo = WomanFactory(centre=centre, key_worker=key_worker, ask_to_help=True, first_name="Jo")
    someone_else = active_helper(centre, Opportunity.Role.GREETER, by=manager)
    theirs = shift(centre, someone_else, in_hours=50)

    # Her key worker sees she would like to help, and records her interest.
    sign_in(page, key_worker.username)
    page.get_by_role("link", name=re.compile("Jo")).first.click()
    page.wait_for_url(re.compile(r"/involvement/interest/new/"))
    _accessible_at_both_widths(page)
    page.get_by_label("Which role").select_option(label="Meeter and greeter")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/involvement/people/\d+/$"))
    helper = Helper.objects.get(woman=jo)
    assert Placement.objects.get(helper=helper).status == Placement.Status.INTERESTED

    # The manager moves her through training to active and links her volunteer account.
    _switch_to(page, manager)
    page.goto(f"{page.base_url}/involvement/")
    _accessible_at_both_widths(page)
    page.get_by_role("link", name="Jo", exact=True).first.click()
    page.wait_for_url(re.compile(rf"/involvement/people/{helper.pk}/$"))
    _accessible_at_both_widths(page)
    for status in ("training", "active"):
        page.get_by_label("Move to").select_option(status)
        page.get_by_role("button", name=re.compile("^Move")).click()
        page.get_by_text("Her pathway is updated.").wait_for()
    assert Placement.objects.get(helper=helper).status == Placement.Status.ACTIVE
    page.get_by_role("combobox", name="Volunteer account").select_option(str(volunteer.pk))
    page.get_by_role("button", name="Save account").click()
    page.get_by_text("Her volunteer account is saved.").wait_for()

    # ... and puts her on the rota.
    page.goto(f"{page.base_url}/involvement/rota/")
    _accessible_at_both_widths(page)
    page.get_by_role("link", name="Add a shift").click()
    starts = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=30)
    page.get_by_label("Rota").select_option("greeter")
    page.get_by_label("Starts at").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends at").fill((starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Where").fill("Front door")
    page.get_by_label("Who").select_option(str(helper.pk))
    _accessible_at_both_widths(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The shift is on the rota.").wait_for()
    mine = Shift.objects.get(helper=helper)

    # She signs in as a volunteer: her rota, nobody else's, and no casework.
    _switch_to(page, volunteer)
    page.goto(f"{page.base_url}/involvement/mine/")
    _accessible_at_both_widths(page)
    rota = page.locator("section[aria-labelledby=rota-heading]")
    assert rota.get_by_text(
        timezone.localtime(mine.starts_at).strftime("%a %-d %b, %H:%M")
    ).is_visible()
    assert timezone.localtime(theirs.starts_at).strftime("%a %-d %b, %H:%M") not in page.content()
    assert someone_else.woman.known_as not in page.content()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="My volunteering").is_visible()
    assert nav.get_by_role("link", name="Caseload").count() == 0
    assert page.request.get(f"{page.base_url}/casework/women/{jo.pk}/").status == 403

    # She claims her bus fare, with a photo of the ticket.
    page.get_by_role("link", name="Claim expenses").click()
    page.get_by_label("What for").select_option("travel")
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_label("Amount (£)").fill("4.60")
    page.get_by_label("Details").fill("Bus fare there and back")
    page.get_by_label("Receipt").set_input_files(
        {"name": "ticket.png", "mimeType": "image/png", "buffer": PNG}
    )
    _accessible_at_both_widths(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The claim is sent for approval.").wait_for()
    claim = Expense.objects.get(helper=helper)
    assert claim.amount == Decimal("4.60") and claim.receipt

    # The manager approves it.
    _switch_to(page, manager)
    page.goto(f"{page.base_url}/involvement/expenses/?status=claimed")
    _accessible_at_both_widths(page)
    page.get_by_role("button", name="Approve Bus fare there and back").click()
    page.get_by_text("The claim is approved.").wait_for()
    claim.refresh_from_db()
    assert claim.status == Expense.Status.APPROVED

    # Her certificate, read back as she downloads it.
    _switch_to(page, volunteer)
    page.goto(f"{page.base_url}/involvement/mine/")
    link = page.get_by_role("link", name="My certificate (PDF)")
    response = page.request.get(page.base_url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "Certificate of thanks" in text and "Jo" in text and "Meeter and greeter" in text
