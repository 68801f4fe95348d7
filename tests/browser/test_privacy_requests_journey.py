"""Data protection requests in Chromium, axe-clean: the manager follows "Data protection"
(under "Running the centre"),
records an erasure request for a woman from her record's link, proposes it with a reason, is
told she cannot approve her own proposal, and a second manager approves it; the request then
shows only counts. A form sent empty says what is wrong."""

import re

import pytest

from casework.models import Woman
from centre.roles import Role
from tests.casework.factories import ContactFactory, WomanFactory
from tests.factories import member

from .conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_erasure_by_two_managers(page, centre, manager, key_worker):
    second = member(centre, Role.MANAGER, "t_manager_two", first_name="Morag", last_name="Two")
    woman = WomanFactory(centre=centre, key_worker=key_worker, first_name="Rhona", last_name="Dee")
    ContactFactory(woman=woman, note="Words about her")

    sign_in(page, manager.username)
    page.get_by_role("button", name="Running the centre").click()
    page.get_by_role("link", name="Data protection").first.click()
    page.wait_for_url(re.compile(r"/privacy/requests/$"))
    assert_accessible(page)

    page.get_by_role("link", name="Record a new request").click()
    page.get_by_role("button", name="Record the request").click()
    assert page.get_by_text("Choose the woman the request is from.").first.is_visible()
    assert_accessible(page)

    page.goto(page.url.split("/privacy/")[0] + f"/casework/women/{woman.pk}/")
    page.get_by_role("link", name="Record a request from her about her data").click()
    page.get_by_label("Erase what is held about her").check()
    page.get_by_label("Notes").fill("She asked by phone")
    page.get_by_role("button", name="Record the request").click()
    page.wait_for_url(re.compile(r"/privacy/requests/\d+/$"))
    page.get_by_label("Reason for erasure").fill("She asked us to erase her data")
    page.get_by_role("button", name="Propose the erasure").click()
    assert page.get_by_text("A different manager must now approve it.").is_visible()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Approve and erase her data").click()
    assert page.get_by_text("a different manager must approve it").is_visible()
    request_url = page.url

    page.context.clear_cookies()
    sign_in(page, second.username)
    page.goto(request_url)
    page.get_by_role("button", name="Approve and erase her data").click()
    assert page.get_by_text("Only the counts are kept.").is_visible()
    assert page.get_by_role("table").is_visible()
    assert "Words about her" not in page.content()
    assert_accessible(page)
    assert Woman.objects.get(pk=woman.pk).first_name == ""
