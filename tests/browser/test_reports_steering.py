"""A steering member finds and downloads the quarterly report; a manager rebuilds it. Browser
downloads do not work here, so the PDF is fetched with the page's own request context (her
session) and read back."""

import re

import pytest
from django.conf import settings

from centre.models import AuditEvent
from centre.pdf import pdf_text
from coproduction.reports import services
from coproduction.reports.models import QuarterlyReport
from tests.conftest import wait_for
from tests.coproduction.reports.report_data import NAMES, QUARTER, build_quarter

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def built_report(centre, key_worker):
    build_quarter(centre, key_worker)
    report, _started = services.report_request(centre=centre, quarter=QUARTER)
    services.report_build(report_id=report.pk)
    return report


def test_steering_member_reads_and_downloads_the_report(page, steering, built_report):
    sign_in(page, steering.username)
    page.get_by_role("navigation", name="Main").get_by_role("button", name="Co-production").click()
    page.get_by_role("link", name="Quarterly reports").first.click()
    page.wait_for_url(re.compile(r"/reports/$"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("July to September 2026")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert page.get_by_role("table", name="Referrals by where they came from").is_visible()
    assert page.get_by_text("You asked for <script>alert('soup')</script>").is_visible()
    assert_accessible(page)
    link = page.get_by_role("link", name="Download the 2026Q3 report (PDF)")
    response = page.request.get(page.base_url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "Women supported 12" in text and "fewer than 5" in text
    assert not any(name in text for name in NAMES)
    assert AuditEvent.objects.filter(action="report.download", actor=steering).count() == 1


def test_manager_rebuilds_with_progress(page, manager, built_report):
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/reports/{built_report.pk}/")
    assert_accessible(page)
    built_report.refresh_from_db()
    before = built_report.built_at
    page.get_by_role("button", name="Rebuild this report now").click()
    wait_for(lambda: QuarterlyReport.objects.get(pk=built_report.pk).built_at > before)
    # The status part polls every 2 seconds until the build is done, then offers the button again.
    page.get_by_role("button", name="Rebuild this report now").wait_for()
    assert page.locator("#report-status").get_by_text("Last built").is_visible()
    assert page.locator("#report-status[hx-trigger]").count() == 0
    assert_accessible(page)


def test_steering_member_asks_for_last_quarters_report_and_reads_it(
    page, steering, centre, key_worker, celery_workers
):
    """No report yet: she asks for one, watches it being built by a real worker, reads the
    summary on the page at laptop and phone widths, and downloads the PDF."""
    build_quarter(centre, key_worker)
    # The worker runs with production settings: it must write the PDF where this server reads.
    celery_workers(1, MEDIA_ROOT=str(settings.MEDIA_ROOT))
    sign_in(page, steering.username)
    assert page.get_by_text("No quarterly report has been built yet.").is_visible()
    page.get_by_role("link", name="Quarterly reports").first.click()
    page.wait_for_url(re.compile(r"/reports/$"))
    assert page.get_by_text("No report has been built yet.").is_visible()
    assert_accessible(page)
    page.get_by_label("Quarter").select_option(str(QUARTER))
    page.get_by_role("button", name="Ask for the report").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    status = page.locator("#report-status")
    # Progress, in words, updated by itself until the worker has built it.
    assert status.get_by_role("status").is_visible()
    status.get_by_text("Last built").wait_for(timeout=90_000)
    assert_accessible(page)
    page.reload()
    assert page.get_by_role("table", name="Headline figures").is_visible()
    assert page.get_by_text("5 more than last quarter (7)").first.is_visible()
    assert page.locator("svg.report-chart").count() >= 8
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    link = page.get_by_role("link", name="Download the 2026Q3 report (PDF)")
    response = page.request.get(page.base_url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "Summary" in text and "Headline figures" in text and "Women supported 12" in text
    assert "Co-production: meetings and actions" in text
    assert not any(name in text for name in NAMES)
    assert AuditEvent.objects.filter(action="report.request", actor=steering).count() == 1
