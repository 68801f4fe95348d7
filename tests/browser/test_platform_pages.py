"""The manager's platform pages in a real browser, axe-checked, and a team change through them."""

import pytest

from centre.models import Membership, OutboxMessage, User
from centre.roles import Role

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_pages_are_accessible_and_work(page, manager, key_worker, centre):
    sign_in(page, manager.username)
    for path in ("/centre/team/", "/centre/team/invite/", "/centre/settings/", "/audit/"):
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


def test_an_invitation_from_the_team_page_to_a_new_account(page, manager, centre, browser):
    sign_in(page, manager.username)
    page.goto(page.base_url + "/centre/team/invite/")
    page.get_by_label("Email").fill("nadia@example.org")
    page.get_by_label("Role").select_option(Role.KEY_WORKER.value)
    page.get_by_role("button", name="Send the invitation").click()
    assert "nadia@example.org" in page.get_by_role("main").inner_text()
    assert_accessible(page)
    body = OutboxMessage.objects.get(purpose="team_invitation").body
    path = "/accounts/invitation/" + body.split("/accounts/invitation/", 1)[1].split("/", 1)[0]
    newcomer = browser.new_context(locale="en-GB").new_page()
    newcomer.goto(page.base_url + path + "/")
    assert_accessible(newcomer)
    newcomer.get_by_label("First name").fill("Nadia")
    newcomer.get_by_label("Last name").fill("Rossi")
    newcomer.get_by_label("Username").fill("nrossi")
    newcomer.locator("#id_new_password1").fill("a-brand-new-password-for-nadia")
    newcomer.get_by_label("The same password again").fill("a-brand-new-password-for-nadia")
    newcomer.get_by_role("button", name="Make my account and join").click()
    assert "Your account is ready" in newcomer.content()
    user = User.objects.get(username="nrossi")
    assert Membership.objects.get(user=user, centre=centre).role == Role.KEY_WORKER


def test_an_existing_account_accepts_on_her_invitations_page(page, manager, outsider, centre):
    sign_in(page, manager.username)
    page.goto(page.base_url + "/centre/team/invite/")
    page.get_by_label("Email").fill(outsider.email)
    page.get_by_role("button", name="Send the invitation").click()
    page.context.clear_cookies()
    sign_in(page, outsider.username)
    page.goto(page.base_url + "/accounts/invitations/")
    assert_accessible(page)
    page.get_by_role("button", name="Accept and join").click()
    assert "You have joined" in page.get_by_role("main").inner_text()
    assert Membership.objects.get(user=outsider, centre=centre).is_active
