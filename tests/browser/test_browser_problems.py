"""Every browser test fails on a script error or a static file that did not load (conftest's
pages note them): this checks that they are noted."""

import pytest

from .conftest import _new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_script_error_and_a_missing_static_file_are_noted(browser, live_server):
    context, page = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    try:
        page.goto(live_server.url + "/accounts/login/")
        assert page.problems == []  # the sign-in page itself loads everything it asks for
        page.evaluate("setTimeout(() => { throw new Error('stacking failed') }, 0)")
        page.evaluate("fetch('/static/js/not-there.js')")
        page.wait_for_timeout(500)
        assert any("script error" in p and "stacking failed" in p for p in page.problems)
        assert any(
            p.startswith("404 ") and p.endswith("/static/js/not-there.js") for p in page.problems
        )
    finally:
        context.close()
