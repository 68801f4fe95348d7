"""Issue 18: every page fits a phone (nothing scrolls sideways at 320 px; a wide table scrolls
inside a box the keyboard reaches, or stacks its rows, and no word is broken in the middle),
axe-core is clean at 390 px, and the manager's menu fits one line at 1280 px."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduction.suggestions.models import Suggestion
from tests.coproduction.factories import SuggestionFactory

from .conftest import assert_accessible, sign_in
from .test_axe_sweep import NOT_HTML, _pages_for, world  # noqa: F401 - the sweep's world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOW = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.right > root.clientWidth + 1 && !e.closest('.table-responsive, [data-scroll-region]');
  }).slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30));
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


# Words on the page (2 to 24 characters between spaces or hyphens, with a letter: a longer one,
# such as an email address or an audit code, may wrap) whose letters stand on more than one
# line: "Wome/n", "Inten/sive", "D/o/n/e", "(few/er".
BROKEN_WORDS = r"""() => {
  const broken = [];
  for (const main of document.querySelectorAll('main')) {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const words = /(?:^|[\s\-\u2010])([^\s\-\u2010]{2,24})(?=[\s\-\u2010]|$)/g;
      let match;
      while ((match = words.exec(node.data))) {
        const word = match[1];
        if (!/[A-Za-z\u00c0-\u024f]/.test(word)) continue;
        const start = match.index + match[0].length - word.length;
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word);
      }
    }
  }
  return broken.slice(0, 5);
}"""


def _html_pages(page, urls):
    for name, url in urls:
        probe = page.request.get(page.base_url + url)
        if not probe.ok or probe.headers.get("content-type", "").startswith(NOT_HTML):
            continue
        if probe.headers.get("content-disposition", "").startswith("attachment"):
            continue  # a download (a meeting's paper, whatever its type), not a page
        page.goto(page.base_url + url)
        if page.evaluate("document.documentElement.tagName") != "HTML" or not page.title():
            continue
        yield name, url


@pytest.mark.parametrize("role", ["manager", "key_worker", "partner", "volunteer", "steering"])
def test_no_page_scrolls_sideways_at_320_px(page, world, role):  # noqa: F811
    page.set_viewport_size({"width": 320, "height": 700})
    sign_in(page, world.people[role].username)
    wide, broken, checked = {}, {}, 0
    for name, url in _html_pages(page, _pages_for(role, world)):
        checked += 1
        overflow = page.evaluate(OVERFLOW)
        if overflow:
            wide[f"{name} {url}"] = overflow
        words = page.evaluate(BROKEN_WORDS)
        if words:
            broken[f"{name} {url}"] = words
    assert checked >= 3
    assert not wide, f"pages scrolling sideways at 320 px: {wide}"
    assert not broken, f"words broken in the middle at 320 px: {broken}"


def test_every_manager_page_is_accessible_at_390_px(phone_page, world):  # noqa: F811
    sign_in(phone_page, world.people["manager"].username)
    checked = 0
    for _name, _url in _html_pages(phone_page, _pages_for("manager", world)):
        assert_accessible(phone_page)  # scrollable-region-focusable is one of its rules
        checked += 1
    assert checked > 40


def test_the_managers_menu_fits_one_line_at_1280_px(page, world):  # noqa: F811
    sign_in(page, world.people["manager"].username)
    nav = page.get_by_role("navigation", name="Main")
    tops = nav.locator(".navbar-nav > .nav-item").evaluate_all(
        "items => items.map(i => Math.round(i.getBoundingClientRect().top))"
    )
    assert len(tops) >= 4 and len(set(tops)) == 1, tops
    assert nav.bounding_box()["height"] < 80
    nav.get_by_role("button", name="Co-production").click()
    assert nav.get_by_role("link", name="Meetings").is_visible()
    assert_accessible(page)


STACKED = """table => [...table.querySelectorAll('tbody tr')].slice(0, 1).map(row =>
  [...row.cells].map(cell => [getComputedStyle(cell).display, cell.dataset.label || '']))[0]"""


def test_the_caseload_stacks_its_rows_on_a_phone_and_stays_a_table(
    phone_page,
    world,  # noqa: F811
):
    sign_in(phone_page, world.people["key_worker"].username)
    phone_page.goto(phone_page.base_url + "/casework/")
    table = phone_page.locator("table.caseload-table")
    cells = table.evaluate(STACKED)
    # The name is the row's title; every other cell is on its own line after its column's name.
    assert cells[0] == ["block", ""]
    assert [label for _display, label in cells[1:]] == [
        "Stage",
        "Last contact",
        "Next appointment",
        "Overdue actions",
        "Review",
    ]
    assert {display for display, _label in cells} == {"block"}
    assert phone_page.evaluate(OVERFLOW) is None
    # Still a table to a screen reader, with its column names.
    assert phone_page.get_by_role("columnheader", name="Stage").count() == 1
    assert phone_page.get_by_role("cell").count() >= 6
    assert_accessible(phone_page)

    phone_page.set_viewport_size({"width": 1280, "height": 900})
    assert {display for display, _label in table.evaluate(STACKED)} == {"table-cell"}


def test_a_number_not_shown_fits_half_a_phone(page, key_worker, centre):
    """Two answered suggestions: too few to give the days to an outcome, which the numbers page
    says in words in a card half the phone wide."""
    today = timezone.localdate()
    for _ in range(2):
        SuggestionFactory(
            centre=centre,
            status=Suggestion.Status.DONE,
            received_on=today - timedelta(days=10),
            outcome_on=today - timedelta(days=2),
        )
    page.set_viewport_size({"width": 320, "height": 700})
    sign_in(page, key_worker.username)
    page.goto(page.base_url + reverse("reports:numbers"))
    assert "not shown (fewer than 5)" in page.get_by_role("main").inner_text()
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate(OVERFLOW) is None
