"""axe-core on every page: each URL in the URL x role matrix that a manager (or the tablet) can
open with GET is visited in Chromium and checked, so no page escapes the accessibility check
because no journey happens to pass through it."""

from urllib.parse import urlparse

import pytest
from django.test import Client
from django.urls import reverse

from tests.url_matrix.test_url_matrix import ROWS, as_tablet, build_world

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_HTML = ("application/pdf", "image/", "application/zip", "application/json", "text/calendar")


@pytest.fixture
def world(people, centre, other_centre):
    return build_world(people, centre, other_centre)


def _pages_for(column, world):
    for name in sorted(ROWS):
        row = ROWS[name]
        if row.get[column] != "ok" or name in ("healthz",):
            continue
        yield name, reverse(name, kwargs=row.url_kwargs(world))


def _sweep(page, urls):
    checked = 0
    for name, url in urls:
        # Ask first with the page's own cookies: a PDF would start a download instead of a page.
        probe = page.request.get(page.base_url + url)
        assert probe.ok, f"{name}: {url} gave {probe.status}"
        if probe.headers.get("content-type", "").startswith(NOT_HTML):
            continue
        if probe.headers.get("content-disposition", "").startswith("attachment"):
            continue  # a download (a meeting's paper, whatever its type), not a page
        page.goto(page.base_url + url)
        if page.evaluate("document.documentElement.tagName") != "HTML" or not page.title():
            continue  # an htmx fragment, checked inside the page that uses it
        assert_accessible(page)
        checked += 1
    return checked


def test_every_page_a_manager_can_open_is_accessible(page, world):
    sign_in(page, world.people["manager"].username)
    assert _sweep(page, _pages_for("manager", world)) > 40


def test_every_page_a_volunteer_can_open_is_accessible(page, world):
    sign_in(page, world.people["volunteer"].username)
    assert _sweep(page, _pages_for("volunteer", world)) >= 3


def test_every_tablet_page_is_accessible(tablet_page, world):
    client = as_tablet(world, Client())
    host = urlparse(tablet_page.base_url).hostname
    tablet_page.context.add_cookies(
        [
            {"name": name, "value": morsel.value, "domain": host, "path": "/"}
            for name, morsel in client.cookies.items()
        ]
    )
    assert _sweep(tablet_page, _pages_for("tablet", world)) >= 4


@pytest.mark.parametrize("role", ["partner", "steering"])
def test_every_page_other_roles_can_open_is_accessible(page, world, role):
    sign_in(page, world.people[role].username)
    assert _sweep(page, _pages_for(role, world)) >= 2
