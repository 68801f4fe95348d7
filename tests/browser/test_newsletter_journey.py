"""The newsletter journey in Chromium, axe-clean at phone (390 px) and laptop (1280 px) widths:
an editor (a volunteer in the editorial group) opens the issue; a key worker, from her home
page, enters a woman's poem from paper with her consent and first-name credit; the editor sends
it for review and marks it ready, then builds the printed newsletter, which a real Celery worker
makes while the page shows its progress; the PDF is fetched with her session and read back; the
manager publishes; the tablet shows the new issue. Her surname appears nowhere."""

import re

import pytest

from centre.pdf import pdf_text
from coproduction.kiosk.access import COOKIE_NAME
from coproduction.newsletter import services
from coproduction.newsletter.models import Contribution, Issue
from tests.casework.factories import WomanFactory
from tests.coproduction.factories import enrolled_tablet
from tests.coproduction.newsletter.factories import IssueFactory

from .conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SURNAME = "Sentinelle"
POEM = "I wrote this on the bus\nwith a borrowed pen"


def assert_accessible_at_both_widths(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def issue(centre, manager, volunteer):
    issue = services.issue_create(
        centre=centre,
        by=manager,
        title="Winter news",
        deadline=IssueFactory.build().deadline,
        call_text="Send us a poem, a story or a recipe.",
        ways_to_get_involved="Join the newsletter group",
        useful_numbers="Samaritans: 116 123",
    )
    services.editor_add(issue=issue, user=volunteer)
    return issue


def test_poem_from_paper_to_print_and_the_tablet(
    page, tablet_page, centre, manager, key_worker, volunteer, issue, celery_workers, settings
):
    woman = WomanFactory(
        centre=centre,
        key_worker=key_worker,
        first_name="Rosa",
        last_name=SURNAME,
        send_newsletter=True,
    )

    sign_in(page, volunteer.username)  # the editor opens the issue
    nav = page.get_by_role("navigation", name="Main")
    if nav.get_by_role("button", name="Co-production").count():
        nav.get_by_role("button", name="Co-production").click()  # the rooms share one dropdown
    nav.get_by_role("link", name="Newsletter").click()
    page.get_by_role("link", name="Winter news").click()
    page.wait_for_url(re.compile(r"/newsletter/issues/\d+/$"))
    assert page.get_by_role("heading", name="Checklist").is_visible()
    assert_accessible_at_both_widths(page)

    page.context.clear_cookies()
    sign_in(page, key_worker.username)  # her home page lists Rosa for the call
    panel = page.locator("section", has_text="tell her about the call")
    assert panel.get_by_role("link", name=f"Rosa {SURNAME}").is_visible()
    panel.get_by_role("link", name="Enter a woman's piece").click()
    page.get_by_label("Whose piece is it?").select_option(str(woman.pk))
    page.get_by_label("Typed up from her handwritten page", exact=True).check()
    page.get_by_label("Kind of piece").select_option("poem")
    page.get_by_label("Title").fill("On the bus")
    page.get_by_label("The piece").fill(POEM)
    page.get_by_label("She agrees to it being published in the newsletter").check()
    page.get_by_label("Her first name only").check()
    assert_accessible_at_both_widths(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Her piece is in.").wait_for()
    piece = Contribution.objects.get(title="On the bus")
    assert piece.woman == woman and piece.source == Contribution.Source.FROM_PAPER
    assert piece.consent_to_publish and piece.credit == Contribution.Credit.FIRST_NAME

    page.context.clear_cookies()
    sign_in(page, volunteer.username)  # the editor reviews it and marks it ready
    page.goto(f"{page.base_url}/newsletter/pieces/{piece.pk}/")
    assert page.get_by_text("Rosa", exact=True).is_visible()
    page.get_by_role("button", name="Send it for review").click()
    page.get_by_text("The piece is now: In review.").wait_for()
    page.get_by_role("button", name="Mark it ready").click()
    page.get_by_text("The piece is now: Ready.").wait_for()
    assert_accessible_at_both_widths(page)

    page.get_by_role("link", name="Winter news").click()
    page.get_by_role("button", name=re.compile("Build the newsletter")).click()
    # No worker is running yet, so the page shows the build waiting, and keeps asking.
    progress = page.locator(".document-progress")
    progress.get_by_text("Waiting to start").wait_for()
    assert progress.get_attribute("role") == "status" and progress.get_attribute("hx-trigger")
    assert progress.locator("progress").is_visible()
    assert_accessible_at_both_widths(page)
    celery_workers(1, MEDIA_ROOT=str(settings.MEDIA_ROOT))
    download = page.get_by_role("link", name="Download the printed newsletter (PDF)")
    download.wait_for(timeout=90000)  # the worker builds it; the part polls until it is ready
    assert_accessible_at_both_widths(page)
    response = page.request.get(page.base_url + download.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "On the bus" in text and "with a borrowed pen" in text and "by Rosa" in text
    assert SURNAME not in text
    assert "Samaritans: 116 123" in text

    page.context.clear_cookies()
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/newsletter/issues/{issue.pk}/")
    page.get_by_role("button", name="Publish this issue").click()
    page.get_by_text("The issue is published").wait_for()
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.PUBLISHED

    _tablet, cookie = enrolled_tablet(centre)
    tablet_page.context.add_cookies(
        [{"name": COOKIE_NAME, "value": cookie, "url": tablet_page.base_url}]
    )
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/")
    tablet_page.get_by_role("link", name="Our newsletter").click()
    tablet_page.get_by_role("heading", name="Winter news").wait_for()
    assert tablet_page.get_by_text("with a borrowed pen").is_visible()
    assert tablet_page.get_by_text("by Rosa").is_visible()
    assert SURNAME not in tablet_page.content()
    assert_accessible(tablet_page)
