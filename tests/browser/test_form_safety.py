"""Nothing typed is lost on the way to the server (static/js/site.js): a date the browser could
not read is not sent as an empty one; a form sent after her session ended stays as it is and
says how to sign in again; a form whose security token went stale gets a page in plain words;
the skip link and the idle warning leave the focus where she needs it."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from casework.models import Contact, Stage
from tests.casework.factories import WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _contact_form(page, key_worker, centre):
    woman = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/contacts/new/")
    page.get_by_role("group", name="Type").get_by_text("Phone", exact=True).click()
    page.get_by_label("Short note").fill("Talked about the move; she wants a call on Friday.")
    return woman


def test_a_date_the_browser_cannot_read_is_not_sent_as_no_date(page, centre, key_worker):
    _contact_form(page, key_worker, centre)
    page.get_by_text("More details (optional)").click()
    page.get_by_label("Follow-up", exact=True).fill("Ring her on Friday")
    page.get_by_label("Follow-up due").focus()
    # 31 February (this Chromium's date box reads month, day, year whatever the page's
    # language): the browser would send an empty date, as if she had typed none.
    page.keyboard.type("02312026")
    page.get_by_role("button", name="Save contact").click()

    due = page.get_by_label("Follow-up due")
    page.get_by_text("Enter a real date, for example 28/02/2027.").wait_for()
    assert page.evaluate("() => document.activeElement.name") == "follow_up_due"
    assert due.get_attribute("aria-invalid") == "true"
    described = due.get_attribute("aria-describedby").split()
    assert any(
        page.locator(f"#{i}").inner_text() == "Enter a real date, for example 28/02/2027."
        for i in described
    )
    assert not Contact.objects.exists()
    assert "she wants a call on Friday" in page.get_by_label("Short note").input_value()
    assert_accessible(page)

    # Put right, the form goes, and the message is gone on the way.
    due.fill((timezone.localdate() + datetime.timedelta(days=3)).isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Save contact").click()
    contact = Contact.objects.get()
    assert contact.note.startswith("Talked about the move")


def test_signed_out_meanwhile_her_text_stays_and_the_next_try_saves(page, centre, key_worker):
    woman = _contact_form(page, key_worker, centre)
    page.context.clear_cookies()  # her session ended (elsewhere, or the server's limit)
    page.evaluate("() => window.centreSending.quietFor(180)")  # the page has been open a while
    page.get_by_role("button", name="Save contact").click()

    alert = page.locator("[data-form-problem] [data-signed-out]")
    alert.wait_for()
    assert "You have been signed out, so this is not saved yet." in alert.inner_text()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-signed-out')")
    assert page.url.endswith(f"/casework/women/{woman.pk}/contacts/new/")
    assert "she wants a call on Friday" in page.get_by_label("Short note").input_value()
    assert not Contact.objects.exists()
    assert_accessible(page)

    # She signs in again in another tab (a new session and a new security token), comes back
    # and presses Save again: it saves, with the token the form now carries.
    other = page.context.new_page()
    other.base_url = page.base_url
    sign_in(other, key_worker.username)
    other.close()
    page.evaluate("() => window.centreSending.quietFor(180)")
    with page.expect_navigation():
        page.get_by_role("button", name="Save contact").click()
    assert "Contact logged" in page.content()
    assert Contact.objects.get(woman=woman).note.startswith("Talked about the move")


def test_a_form_sent_soon_goes_at_once_with_a_fresh_token(page, centre, key_worker):
    """Within two minutes of hearing from the server there is no check: the form goes on the
    click. Signed in again in another tab meanwhile, the token it sends is the new one."""
    woman = _contact_form(page, key_worker, centre)
    page.context.clear_cookies()
    other = page.context.new_page()
    other.base_url = page.base_url
    sign_in(other, key_worker.username)
    other.close()
    page.get_by_role("button", name="Save contact").click()
    page.wait_for_url(f"**/casework/women/{woman.pk}/")
    assert Contact.objects.filter(woman=woman).exists()


def test_a_stale_security_token_gets_a_page_in_plain_words(live_server, key_worker, centre):
    client = Client(enforce_csrf_checks=True)
    client.force_login(key_worker, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/casework/", {"note": "x"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "This was not saved" in text and "Back button" in text
    assert "CSRF" not in text and 'id="main"' in text  # the site's own layout


def test_the_skip_link_leaves_no_fragment_for_a_form_to_carry(page, centre, key_worker):
    _contact_form(page, key_worker, centre)
    page.keyboard.press("Shift+Tab")  # from the note field back towards the top
    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert "#" not in page.url


def test_the_idle_warning_gives_the_focus_back_to_what_she_was_typing(page, centre, key_worker):
    _contact_form(page, key_worker, centre)
    page.get_by_label("Short note").focus()
    page.evaluate("() => window.centreIdle.expireSoon(60)")
    stay = page.get_by_role("button", name="Stay signed in")
    stay.wait_for()
    page.wait_for_function("() => document.activeElement.hasAttribute('data-idle-stay')")
    stay.click()
    page.wait_for_function("() => document.activeElement.name === 'note'")
