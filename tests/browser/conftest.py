"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, with axe-core checks.

Playwright's own browser download does not work here, so we launch the system Chromium.
The sync Playwright API runs an event loop in this thread, which makes Django think it is in
async code; the ORM calls the tests make between browser steps are synchronous and safe, so each
browser session allows them (and only while it runs: the setting must never reach a deployment).
"""

import os
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = (Path(__file__).resolve().parent.parent / "assets" / "axe.min.js").read_text()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _new_page(browser, live_server, **options):
    """A page in a context of its own that notes what went wrong in it: a script error, or one
    of our static files (a script, a style sheet, a font) that did not load."""
    context = browser.new_context(locale="en-GB", **options)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on(
        "response",
        lambda response: (
            page.problems.append(f"{response.status} {response.url}")
            if "/static/" in response.url and response.status >= 400
            else None
        ),
    )
    return context, page


def _close(context, page):
    problems = list(page.problems)
    context.close()
    assert not problems, f"the browser met problems: {problems}"


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    yield page
    _close(context, page)


def _touch_page(browser, live_server, viewport):
    return _new_page(browser, live_server, viewport=viewport, has_touch=True, is_mobile=True)


@pytest.fixture
def tablet_page(browser, live_server):
    context, page = _touch_page(browser, live_server, TABLET)
    yield page
    _close(context, page)


@pytest.fixture
def phone_page(browser, live_server):
    """A phone at 390 px, touch screen."""
    context, page = _touch_page(browser, live_server, PHONE)
    yield page
    _close(context, page)


def sign_in(page, username, password=PASSWORD):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core (WCAG 2.0-2.2 A and AA rules) on the page; return serious+ violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which our Content-Security-Policy allows.
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)


def assert_rows_one_height(page, selector):
    """The elements matching `selector`, grouped in rows (those whose tops line up): there is a
    row of two or more, and every element of a row is as tall as the others."""
    rows = page.evaluate(
        """selector => {
          const rows = {};
          document.querySelectorAll(selector).forEach(element => {
            const box = element.getBoundingClientRect();
            (rows[Math.round(box.top)] = rows[Math.round(box.top)] || [])
              .push(Math.round(box.height));
          });
          return Object.values(rows);
        }""",
        selector,
    )
    assert any(len(row) > 1 for row in rows), rows
    assert all(len(set(row)) == 1 for row in rows), rows
