"""The phone-size review (390 px): on each page it found wanting, every table fits its box or
reads row by row, nothing sticks out of the screen, and the page's own defect is gone (Accept
never between two Decline buttons, the caseload's Today panel above the list, a space between a
name on the register and what tells her apart, the activities' status badges styled)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Consent, OutcomeRating, SupportPlan
from coproduction.meetings.models import AgendaItem, Invitation
from coproduction.newsletter.models import Contribution
from tests.activities.factories import WomanFactory
from tests.coproduction.newsletter.factories import PieceFactory

from .conftest import assert_accessible, assert_rows_one_height, sign_in
from .test_axe_sweep import world  # noqa: F401 - the sweep's world
from .test_everyday_layout import OVERFLOW

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Tables wider than their box that do not read row by row: a phone cuts them mid-column.
CUT_TABLES = """() => [...document.querySelectorAll('main table')].filter(table => {
  const box = table.closest('.table-responsive') || table.parentElement;
  return !table.classList.contains('is-stacked') && table.scrollWidth > box.clientWidth + 1;
}).map(table => (table.caption ? table.caption.textContent.trim() : table.className)
  + ' ' + table.scrollWidth + 'px in ' + (table.closest('.table-responsive') || table.parentElement).clientWidth)"""


# Cells of a table read row by row that show only their column's name ("Reason given:").
BARE_LABELS = """() => [...document.querySelectorAll('main table.is-stacked td[data-label]')]
  .filter(cell => cell.offsetParent !== null && cell.textContent.trim() === '')
  .map(cell => cell.dataset.label)"""


# Table names shown under their table (where, on a long page, they read as the next one's).
CAPTIONS_BELOW = """() => [...document.querySelectorAll('main caption')].filter(caption => {
  const row = caption.closest('table').querySelector('tbody tr');
  return caption.offsetHeight > 1 && row && caption.getBoundingClientRect().top > row.getBoundingClientRect().top;
}).map(caption => caption.textContent.trim())"""


def _box(locator):
    return locator.bounding_box()


def _decline_opens_below_accept(page):
    offered = page.locator("li", has=page.get_by_role("button", name="Accept Offered"))
    offered.locator("summary").click()
    accept = _box(offered.get_by_role("button", name="Accept Offered"))
    reason = offered.get_by_label("Why you cannot take her on")
    assert reason.is_visible()
    assert _box(reason)["y"] >= accept["y"] + accept["height"], "the reason beside Accept"
    decline = _box(offered.locator("details form").get_by_role("button", name="Decline"))
    assert decline["y"] >= accept["y"] + accept["height"], "Accept between two Decline buttons"


def _today_above_the_list(page):
    today = _box(page.get_by_role("heading", name="Today"))
    assert today["y"] < _box(page.locator("table.caseload-table"))["y"]


def _status_badges_styled(page):
    badge = page.locator("[data-status-badge]").first
    assert badge.evaluate("b => getComputedStyle(b).borderTopStyle") != "none"


def _session_links_easy_to_tap(page):
    _status_badges_styled(page)
    register, cancel = (
        _box(page.get_by_role("link", name=name).first) for name in ("Register", "Cancel")
    )
    assert min(register["height"], cancel["height"]) >= 24, (register, cancel)
    apart = max(cancel["x"] - register["x"] - register["width"], cancel["y"] - register["y"])
    assert apart >= 8, (register, cancel)


def _name_and_tell_apart_apart(page):
    gaps = page.locator(".register-tap", has=page.locator(".register-tell-apart")).evaluate_all(
        """labels => labels.map(label => {
          const tell = label.querySelector('.register-tell-apart');
          const name = [...label.childNodes].find(n => n.nodeType === 3 && n.data.trim());
          const range = document.createRange();
          range.selectNodeContents(name);
          return tell.getBoundingClientRect().left - range.getBoundingClientRect().right;
        })"""
    )
    assert len(gaps) == 2 and min(gaps) >= 2, gaps


def _agenda_number_before_title(page):
    # The number is each item's ::before: the title starts on the item's first line, however
    # long it is.
    items = page.locator("ol.list-group-numbered > li")
    assert items.count() == 2
    for item in items.all():
        title = item.locator("span").first
        assert _box(title)["y"] < _box(item)["y"] + 20, item.inner_text()


def _pieces_stand_apart(page):
    gaps = page.locator(".newsletter-piece").evaluate_all(
        """pieces => pieces.slice(1).map((piece, i) => piece.querySelector('h2')
          .getBoundingClientRect().top - pieces[i].getBoundingClientRect().bottom)"""
    )
    assert gaps and min(gaps) >= 16, gaps


def _due_badge_readable(page):
    due = page.locator("#plan-heading ~ p .badge")
    assert due.evaluate("b => parseFloat(getComputedStyle(b).fontSize)") >= 12


def _editor_select_styled(page):
    assert page.locator("select[name=user]").evaluate("s => s.classList.contains('form-select')")


def _totals_labelled(page):
    """A report table's totals row reads like its other rows: each figure after its column's name."""
    unlabelled = page.evaluate("""() => {
      const cells = [...document.querySelectorAll('main table.is-stacked tfoot tr')]
        .flatMap(row => [...row.cells].slice(1));
      return {cells: cells.length, unlabelled: cells.filter(c => !c.dataset.label).length};
    }""")
    assert unlabelled["cells"] > 0 and unlabelled["unlabelled"] == 0, unlabelled


def _charts_readable(page):
    """A chart keeps a width its words can be read at, in a box that scrolls sideways and is
    reachable by keyboard, named after the chart."""
    charts = page.evaluate("""() => [...document.querySelectorAll('main .chart-scroll')].map(box => ({
      width: box.querySelector('svg').getBoundingClientRect().width,
      tabindex: box.getAttribute('tabindex'), label: box.getAttribute('aria-label') || ''}))""")
    assert charts, "no chart on the page"
    for chart in charts:
        assert chart["width"] >= 599 and chart["tabindex"] == "0", chart
        assert chart["label"].endswith("(scrolls sideways)") and len(chart["label"]) > 20, chart


def _count_cards_even(page):
    """The suggestions' count cards: every card of a row is as tall as the tallest."""
    assert_rows_one_height(page, "main a.card")


# Each page: the role that opens it, its address in the world, and its own defect if any.
PAGES = {
    "home, referral offered": ("key_worker", lambda w: "/", _decline_opens_below_accept),
    "team": ("manager", lambda w: reverse("team"), None),
    "audit log": ("manager", lambda w: reverse("audit_log"), None),
    "suggestions": ("manager", lambda w: reverse("suggestions:index"), _count_cards_even),
    "consent": (
        "key_worker",
        lambda w: reverse("casework:consents", args=[w.woman.pk]),
        None,
    ),
    "her record": (
        "key_worker",
        lambda w: reverse("casework:woman", args=[w.woman.pk]),
        _due_badge_readable,
    ),
    "caseload": ("key_worker", lambda w: reverse("casework:caseload"), _today_above_the_list),
    "activities": ("manager", lambda w: reverse("activities:index"), _status_badges_styled),
    "activity": (
        "manager",
        lambda w: reverse("activities:activity_detail", args=[w.activity.pk]),
        _session_links_easy_to_tap,
    ),
    "register": (
        "key_worker",
        lambda w: reverse("activities:register", args=[w.session.pk]),
        _name_and_tell_apart_apart,
    ),
    "meeting": (
        "manager",
        lambda w: reverse("meetings:meeting_detail", args=[w.meetings_meeting.pk]),
        _agenda_number_before_title,
    ),
    "programme": ("manager", lambda w: reverse("activities:programme"), None),
    "activity numbers": ("manager", lambda w: reverse("activities:numbers"), None),
    "peer log": ("manager", lambda w: reverse("involvement:peer_log"), None),
    "report numbers": ("manager", lambda w: reverse("reports:range"), _totals_labelled),
    "distance travelled": (
        "key_worker",
        lambda w: reverse("casework:distance", args=[w.woman.pk]),
        _charts_readable,
    ),
    "meetings": ("manager", lambda w: reverse("meetings:index"), None),
    "newsletter issue": (
        "manager",
        lambda w: reverse("newsletter:issue_detail", args=[w.newsletter_issue.pk]),
        _editor_select_styled,
    ),
    "newsletter to read": (
        "manager",
        lambda w: reverse("newsletter:issue_read", args=[w.newsletter_published.pk]),
        _pieces_stand_apart,
    ),
}


@pytest.fixture
def phone_world(world):  # noqa: F811
    """The sweep's world, with what the review's pages show: a consent and a plan past their
    review, a long item on the meeting's agenda and a woman invited to it, two women of the same name in the session's group,
    and a second piece in the published newsletter."""
    today = timezone.localdate()
    SupportPlan.objects.create(
        woman=world.woman,
        in_her_words="A home of my own.",
        next_review_on=today - timedelta(days=3),
    )
    PieceFactory(
        issue=world.newsletter_published,
        state=Contribution.State.PUBLISHED,
        title="Getting here by bus",
        body="The 9 and the 44 stop outside.",
    )
    Consent.objects.create(
        woman=world.woman,
        agency=world.agency,
        agreed=True,
        decided_on=today - timedelta(days=400),
        review_on=today - timedelta(days=10),
    )
    AgendaItem.objects.create(
        meeting=world.meetings_meeting,
        kind=AgendaItem.Kind.NEW,
        title="Opening hours over the winter holidays, and who covers the front desk",
    )
    Invitation.objects.create(
        meeting=world.meetings_meeting,
        woman=world.meetings_invited_woman,
        route=Invitation.Route.KEY_WORKER,
        method=Invitation.Method.PHONE,
        invited_by=world.people["key_worker"],
    )
    for days, score in ((90, 3), (10, 6)):  # her distance travelled has a chart to draw
        OutcomeRating.objects.create(
            woman=world.woman,
            domain="housing",
            score=score,
            rated_on=today - timedelta(days=days),
            occasion="intake" if days == 90 else "review",
        )
    for born in (date(1969, 8, 25), date(1984, 3, 12)):
        woman = WomanFactory(
            centre=world.centre, first_name="Bex", last_name="Johnson", date_of_birth=born
        )
        world.activity.enrolments.create(woman=woman, status="signed_up")
    return world


@pytest.mark.parametrize("name", PAGES)
def test_a_page_the_phone_review_found_wanting_fits_a_phone(phone_page, phone_world, name):
    role, url, own_defect = PAGES[name]
    sign_in(phone_page, phone_world.people[role].username)
    phone_page.goto(phone_page.base_url + url(phone_world))
    assert phone_page.evaluate(CUT_TABLES) == []
    assert phone_page.evaluate(OVERFLOW) is None
    assert phone_page.evaluate(BARE_LABELS) == []
    if own_defect:
        own_defect(phone_page)
    assert_accessible(phone_page)


@pytest.mark.parametrize("name", ["caseload", "report numbers", "activity numbers"])
def test_a_table_s_name_stands_above_it_on_a_laptop(page, phone_world, name):
    """Bootstrap puts a caption under its table; on a long page (the report's numbers) it read
    as the name of the table after it."""
    role, url, _own_defect = PAGES[name]
    sign_in(page, phone_world.people[role].username)
    page.goto(page.base_url + url(phone_world))
    assert page.evaluate(
        "() => [...document.querySelectorAll('main caption')].some(c => c.offsetHeight > 1)"
    ), "no table name shown on the page"
    assert page.evaluate(CAPTIONS_BELOW) == []
