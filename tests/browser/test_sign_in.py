"""Every demo role signs in through the real page and reaches an accessible home page."""

import pytest

from centre.roles import Role

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("fixture", "heading_role"),
    [
        ("manager", Role.MANAGER),
        ("key_worker", Role.KEY_WORKER),
        ("partner", Role.PARTNER),
        ("volunteer", Role.VOLUNTEER),
        ("steering", Role.STEERING),
    ],
)
def test_each_role_signs_in_and_reaches_home(page, request, fixture, heading_role):
    user = request.getfixturevalue(fixture)
    page.goto(page.base_url + "/accounts/login/")
    assert_accessible(page)
    sign_in(page, user.username)
    assert page.url.rstrip("/") == page.base_url
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    assert str(Role(heading_role).label) in page.get_by_role("main").inner_text()
    assert_accessible(page)


def test_wrong_password_shows_a_clear_message(page, key_worker):
    sign_in(page, key_worker.username, "not-the-password")
    assert "did not match" in page.content()
    assert_accessible(page)
