"""The manager's platform pages in a real browser, axe-checked, and a team change through them."""

import pytest

from centre.models import Membership
from centre.roles import Role

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_pages_are_accessible_and_work(page, manager, key_worker, centre):
    sign_in(page, manager.username)
    for path in ("/centre/team/", "/centre/team/add/", "/centre/settings/", "/audit/"):
        page.goto(page.base_url + path)
        assert page.get_by_role("heading", level=1).is_visible(), path
        assert_accessible(page)
    membership = Membership.objects.get(user=key_worker, centre=centre)
    page.goto(page.base_url + f"/centre/team/{membership.pk}/")
    page.get_by_label("Role").select_option(Role.VOLUNTEER.value)
    page.get_by_role("button", name="Save").click()
    assert "will be asked to sign in again" in page.get_by_role("main").inner_text()
    assert_accessible(page)
    membership.refresh_from_db()
    assert membership.role == Role.VOLUNTEER


def test_bad_settings_show_clear_messages_and_keep_what_she_typed(page, manager):
    sign_in(page, manager.username)
    page.goto(page.base_url + "/centre/settings/")
    page.get_by_label("Days before a woman counts as not heard from").fill("0")
    page.get_by_role("button", name="Save settings").click()
    assert "greater than or equal to 1" in page.get_by_role("main").inner_text()
    assert page.get_by_label("Days before a woman counts as not heard from").input_value() == "0"
    assert_accessible(page)
