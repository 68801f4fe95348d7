"""Every demo user signs in through the real page and reaches an accessible home page."""

import pytest

from centre.demo import DEMO_PASSWORD, seed_platform

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_USERS = {
    "manager": "Centre manager",
    "keyworker": "Key worker",
    "partner": "Partner worker",
    "volunteer": "Volunteer or peer mentor",
    "steering": "Steering group member",
}


@pytest.fixture
def demo_people():
    seed_platform(centre_count=2)


def test_each_demo_user_signs_in_and_reaches_an_accessible_home(page, demo_people):
    page.goto(page.base_url + "/accounts/login/")
    assert page.title().startswith("Sign in")
    assert_accessible(page)
    for username, role in DEMO_USERS.items():
        sign_in(page, username, DEMO_PASSWORD)
        assert page.url.rstrip("/") == page.base_url, username
        assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
        assert role in page.get_by_role("main").inner_text()
        assert_accessible(page)
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/accounts/login/**")


def test_wrong_password_shows_a_clear_message(page, key_worker):
    sign_in(page, key_worker.username, "not-the-password")
    assert "did not match" in page.get_by_role("main").inner_text()
    assert page.get_by_label("Username").input_value() == key_worker.username  # kept
    assert_accessible(page)


def test_idle_warning_offers_to_stay_signed_in(page, key_worker):
    sign_in(page, key_worker.username)
    dialog = page.get_by_role("alertdialog")
    assert not dialog.is_visible()
    page.evaluate("window.centreIdle.expireSoon(100)")  # as if 28 minutes had passed
    dialog.wait_for(state="visible")
    assert "Are you still there?" in dialog.inner_text()
    assert_accessible(page)
    with page.expect_response("**/accounts/keepalive/") as keepalive:
        page.get_by_role("button", name="Stay signed in").click()
    assert keepalive.value.ok
    dialog.wait_for(state="hidden")
    assert page.evaluate("window.centreIdle.deadline() - Date.now()") > 25 * 60 * 1000


def _age_server_session(page, seconds):
    from django.contrib.sessions.backends.db import SessionStore

    from centre.middleware import SESSION_LAST_SEEN_KEY

    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[SESSION_LAST_SEEN_KEY] -= seconds
    session.save()


def test_idle_timeout_signs_out_in_the_browser(page, key_worker, settings):
    sign_in(page, key_worker.username)
    # Thirty minutes pass on both clocks: the server's record of her last request, and the page's.
    _age_server_session(page, settings.SESSION_IDLE_SECONDS + 1)
    page.evaluate("window.centreIdle.expireSoon(1)")
    page.wait_for_url("**/accounts/login/**")
    assert "signed out because you had not used" in page.get_by_role("main").inner_text()
    assert_accessible(page)


def test_manager_switches_centre(page, demo_people):
    sign_in(page, "manager", DEMO_PASSWORD)
    page.get_by_label("Centre").select_option(label="Northside Women's Centre (demo)")
    page.get_by_role("button", name="Switch").click()
    assert "at Northside Women's Centre (demo)" in page.get_by_role("main").inner_text()
    assert_accessible(page)
