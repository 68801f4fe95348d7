"""The quarterly report pages, the command, the task and the schedule."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from centre.celery import app
from centre.models import AuditEvent, Document
from centre.pdf import pdf_text
from centre.tasks import document_build_task
from coproduction.reports import services
from coproduction.reports.content import report_content
from coproduction.reports.documents import QUARTERLY_REPORT
from coproduction.reports.models import QuarterlyReport, ReportTargets
from coproduction.reports.quarters import BadQuarter, Quarter
from coproduction.reports.tasks import quarterly_report_request_task

from .report_data import NAMES, QUARTER, VOLUNTEER, build_quarter

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(centre, key_worker):
    build_quarter(centre, key_worker)
    made, _started = services.report_request(centre=centre, quarter=QUARTER)
    services.report_build(report_id=made.pk)
    made.refresh_from_db()
    return made


@pytest.fixture
def other_report(other_centre):
    made, _started = services.report_request(centre=other_centre, quarter=QUARTER)
    services.report_build(report_id=made.pk)
    return made


# Quarters ------------------------------------------------------------------------------------


def test_quarters_parse_and_span_their_months():
    q = Quarter.parse("2026Q3")
    assert (q.start, q.end, q.label) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
        "July to September 2026",
    )
    assert Quarter.parse("2026q4").end == date(2026, 12, 31)
    assert Quarter.parse("2026Q1").previous() == Quarter(2025, 4)
    assert Quarter.containing(date(2026, 11, 22)) == Quarter(2026, 4)
    for bad in ("2026Q5", "2026Q0", "26Q1", "", "2026-07", "1999Q1"):
        with pytest.raises(BadQuarter):
            Quarter.parse(bad)


# The command ---------------------------------------------------------------------------------


def test_command_writes_the_pdf(centre, key_worker, tmp_path):
    build_quarter(centre, key_worker)
    output = tmp_path / "report.pdf"
    call_command(
        "quarterly_report", "--centre", centre.slug, "--quarter", "2026Q3", "--output", output
    )
    text = " ".join(pdf_text(output.read_bytes()).split())
    assert "Women supported 12" in text and "July to September 2026" in text


def test_command_refuses_a_bad_slug_or_quarter(centre, tmp_path):
    output = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="No centre with the short name 'nope'"):
        call_command(
            "quarterly_report", "--centre", "nope", "--quarter", "2026Q3", "--output", output
        )
    with pytest.raises(CommandError, match="'2026Q5' is not a quarter"):
        call_command(
            "quarterly_report", "--centre", centre.slug, "--quarter", "2026Q5", "--output", output
        )
    assert not (tmp_path / "x.pdf").exists()


# The task ------------------------------------------------------------------------------------


def test_task_run_twice_builds_once(centre, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report, started = services.report_request(centre=centre, quarter=QUARTER)
    assert started and len(callbacks) == 1
    assert document_build_task(report.document_id) is True
    assert document_build_task(report.document_id) is False
    report.document.refresh_from_db()
    assert report.status == QuarterlyReport.Status.READY and report.built_at
    with report.document.file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")
    assert report.content["quarter"] == "2026Q3"


def test_asking_twice_while_waiting_reuses_the_build(centre):
    first, started = services.report_request(centre=centre, quarter=QUARTER)
    again, started_again = services.report_request(centre=centre, quarter=QUARTER)
    assert started and not started_again and first.pk == again.pk
    assert QuarterlyReport.objects.filter(centre=centre).count() == 1


def test_rebuild_replaces_the_report_in_place(report, centre):
    first_built = report.built_at
    again, started = services.report_request(centre=centre, quarter=QUARTER)
    assert started and again.pk == report.pk and again.built_at == first_built  # old PDF kept
    assert services.report_build(report_id=report.pk)
    again.refresh_from_db()
    assert again.built_at > first_built and again.status == QuarterlyReport.Status.READY


def test_a_failed_build_says_so(centre, monkeypatch):
    report, _ = services.report_request(centre=centre, quarter=QUARTER)

    def broken(*args, **kwargs):
        raise RuntimeError("Pango went away")

    monkeypatch.setattr("centre.documents.services.render_pdf", broken)
    with pytest.raises(RuntimeError):
        services.report_build(report_id=report.pk)
    report.document.refresh_from_db()
    assert report.status == QuarterlyReport.Status.FAILED and "Pango" in report.document.error


def test_scheduled_run_builds_last_quarter_for_every_centre_once(
    centre, other_centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reports_request_previous(today=date(2026, 10, 3)) == 2
    assert set(QuarterlyReport.objects.values_list("quarter", "document__status")) == {
        ("2026Q3", "ready")
    }
    # The next days of the window leave a built report alone.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.reports_request_previous(today=date(2026, 10, 4)) == 0
    assert callbacks == []


def test_scheduled_task_asks_for_the_previous_quarter(centre, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        quarterly_report_request_task()
    assert QuarterlyReport.objects.get(centre=centre).quarter == str(Quarter.current().previous())


def test_build_task_goes_to_the_reports_queue_and_beat_names_it():

    route = app.amqp.router.route({}, document_build_task.name)
    assert route["queue"].name == "reports"
    entry = app.conf.beat_schedule["reports-quarterly-report"]
    assert entry["task"] == quarterly_report_request_task.name
    assert entry["schedule"].month_of_year == {1, 4, 7, 10}


# Pages ---------------------------------------------------------------------------------------


def test_list_shows_reports_with_download_links(report, steering_client):
    response = steering_client.get(reverse("reports:list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("reports:download", args=[report.pk]) in page
    assert "Build the report" not in page  # steering members do not build


def test_manager_sees_the_build_form_and_can_ask_for_a_quarter(
    manager_client, centre, django_capture_on_commit_callbacks
):
    assert "Build the report" in manager_client.get(reverse("reports:list")).content.decode()
    quarter = str(Quarter.current().previous())
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("reports:request"), {"quarter": quarter})
    report = QuarterlyReport.objects.get(centre=centre, quarter=quarter)
    assert response.status_code == 302 and response.url == reverse(
        "reports:detail", args=[report.pk]
    )
    assert report.status == QuarterlyReport.Status.READY  # tasks run eagerly in tests
    assert AuditEvent.objects.filter(action="report.request", object_id=str(report.pk)).exists()


def test_a_quarter_not_offered_is_refused_with_a_message(manager_client):
    response = manager_client.post(reverse("reports:request"), {"quarter": "2026Q5"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not QuarterlyReport.objects.exists()


def test_detail_shows_the_same_numbers_as_html_tables(report, steering_client):
    response = steering_client.get(reverse("reports:detail", args=[report.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Referrals by where they came from</caption>" in page
    assert "fewer than 5" in page and "not shown" in page
    assert f"made on {timezone.localdate():%-d %B %Y}" in page
    assert "&lt;script&gt;alert(&#x27;soup&#x27;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "Rebuild this report now" not in page
    for name in NAMES:
        assert name not in page


def test_query_budgets_do_not_grow(report, centre, steering_client, django_assert_max_num_queries):
    for page in (reverse("reports:detail", args=[report.pk]), reverse("reports:list")):
        with django_assert_max_num_queries(12):
            steering_client.get(page)
    for quarter in ("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1"):
        document = Document.objects.create(
            centre=centre,
            kind=QUARTERLY_REPORT,
            coverage=quarter,
            status=Document.Status.READY,
            file=report.document.file.name,
            built_at=report.built_at,
        )
        QuarterlyReport.objects.create(centre=centre, quarter=quarter, document=document)
    with django_assert_max_num_queries(12):
        page = steering_client.get(reverse("reports:list")).content.decode()
    assert page.count("Download 20") == 7  # six rows and the latest report at the top


def test_download_writes_an_audit_event(report, steering_client, steering):
    response = steering_client.get(reverse("reports:download", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "quarterly-report-" in response["Content-Disposition"]
    assert "Women supported 12" in " ".join(pdf_text(response.content).split())
    event = AuditEvent.objects.get(action="report.download")
    assert event.actor == steering and event.object_id == str(report.pk)


def test_download_before_the_first_build_goes_back_to_the_report(centre, manager_client):
    report = QuarterlyReport.objects.create(centre=centre, quarter="2026Q2")
    response = manager_client.get(reverse("reports:download", args=[report.pk]))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="report.download").exists()


def test_rebuild_button_shows_progress_then_the_link(
    report, manager_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = manager_client.post(
            reverse("reports:rebuild", args=[report.pk]), HTTP_HX_REQUEST="true"
        )
    assert 'hx-trigger="every 2s"' in response.content.decode()
    callbacks[0]()
    status = manager_client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert "every 2s" not in status and "Last built" in status


@pytest.mark.parametrize("client_name", ["key_worker_client", "partner_client", "volunteer_client"])
def test_other_roles_are_refused(report, client_name, request):
    client = request.getfixturevalue(client_name)
    for name in ("list", "detail", "download"):
        args = [] if name == "list" else [report.pk]
        assert client.get(reverse(f"reports:{name}", args=args)).status_code == 403


def test_steering_members_may_not_rebuild(
    report, steering_client, django_capture_on_commit_callbacks
):
    assert steering_client.post(reverse("reports:rebuild", args=[report.pk])).status_code == 403
    built_at = report.built_at
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = steering_client.post(reverse("reports:request"), {"quarter": str(QUARTER)})
    # Asking for a report already built just shows it: nothing is built again.
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/"
    assert callbacks == []
    report.refresh_from_db()
    assert report.built_at == built_at


def test_steering_member_asks_for_a_quarter_not_built(
    centre, steering, steering_client, django_capture_on_commit_callbacks
):
    quarter = Quarter.current().previous()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = steering_client.post(reverse("reports:request"), {"quarter": str(quarter)})
    report = QuarterlyReport.objects.get(centre=centre, quarter=str(quarter))
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/"
    assert len(callbacks) == 1 and report.in_progress
    assert AuditEvent.objects.filter(action="report.request", actor=steering).count() == 1
    # Asking twice while it is on its way builds nothing more.
    with django_capture_on_commit_callbacks(execute=False) as again:
        steering_client.post(reverse("reports:request"), {"quarter": str(quarter)})
    assert again == []


def test_steering_first_page_before_any_report(centre, steering_client):
    page = steering_client.get(reverse("reports:list")).content.decode()
    last = Quarter.current().previous()
    assert "No report has been built yet." in page
    assert f"The report for {last.label} has not been built yet: you can ask for it" in page
    due = Quarter.current().next().start.replace(day=3)
    assert f"will be built by itself on {due:%-d %B %Y}" in page
    assert "Ask for the report" in page and "Rebuild" not in page
    home = steering_client.get("/").content.decode()
    assert "No quarterly report has been built yet." in home
    assert f"The next report is built by itself on {due:%-d %B %Y}" in home


def test_steering_first_page_with_the_latest_report(report, steering_client):
    page = steering_client.get(reverse("reports:list")).content.decode()
    assert "The latest report covers July to September 2026." in page
    assert f'href="/reports/{report.pk}/download/"' in page


def test_csv_of_the_figures_is_suppressed_and_audited(report, steering_client, steering):
    response = steering_client.get(reverse("reports:csv", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "Referrals by where they came from" in text
    assert "Self-referral,fewer than 5" in text and "Court,not shown" in text
    assert "Women supported,12,12,0,20" in text  # the summary: now, last quarter, a year ago
    # The newsletter's and getting involved's tables, suppressed as on the page.
    assert "Co-production: the newsletter,Contributions by kind" in text
    assert "Story,fewer than 5" in text and "Poem,not shown" in text
    assert "Co-production: getting involved,Expenses of getting involved" in text
    assert "Paid in the period,fewer than 5,£12.20" in text
    for name in [*NAMES, VOLUNTEER]:
        assert name not in text
    assert AuditEvent.objects.filter(action="report.download", actor=steering).count() == 1


def test_numbers_for_chosen_months(centre, key_worker, steering_client):
    build_quarter(centre, key_worker)
    url = reverse("reports:range")
    page = steering_client.get(url, {"start": "2026-07-15", "end": "2026-09-02"}).content.decode()
    assert "1 July 2026 to 30 September 2026" in page  # whole months
    assert "Self-referral" in page and "fewer than 5" in page
    assert "Meetings held and who came" in page
    assert "Co-production: the newsletter" in page and "Co-production: getting involved" in page
    for name in [*NAMES, VOLUNTEER]:
        assert name not in page
    bad = steering_client.get(url, {"start": "2026-09-01", "end": "2026-07-01"})
    assert bad.status_code == 200  # the form with its message, as any page with a question
    assert "The end date must be on or after the start date." in bad.content.decode()


def test_another_centres_report_is_not_found(other_report, manager_client, steering_client):
    for client in (manager_client, steering_client):
        for name in ("detail", "status", "download"):
            url = reverse(f"reports:{name}", args=[other_report.pk])
            assert client.get(url).status_code == 404
    assert (
        manager_client.post(reverse("reports:rebuild", args=[other_report.pk])).status_code == 404
    )


def test_wrong_method_is_405(report, manager_client):
    assert manager_client.post(reverse("reports:download", args=[report.pk])).status_code == 405
    assert manager_client.post(reverse("reports:detail", args=[report.pk])).status_code == 405
    assert manager_client.get(reverse("reports:rebuild", args=[report.pk])).status_code == 405
    assert manager_client.get(reverse("reports:request")).status_code == 405


def test_nav_and_home_panel_for_steering_and_managers(report, steering_client, key_worker_client):
    home = steering_client.get(reverse("home")).content.decode()
    assert "Quarterly report" in home and reverse("reports:download", args=[report.pk]) in home
    assert reverse("reports:list") in home
    assert reverse("reports:list") not in key_worker_client.get(reverse("home")).content.decode()


# The centre's targets ------------------------------------------------------------------------


def test_manager_sets_targets_and_the_summary_shows_them(centre, key_worker, manager_client):
    build_quarter(centre, key_worker)
    url = reverse("reports:targets")
    assert "target number of women supported (20)" in manager_client.get(url).content.decode()
    response = manager_client.post(url, {"contacts": "15", "suggestions": "", "version": "0"})
    assert response.status_code == 302
    content = report_content(centre, QUARTER)
    targets = {h["key"]: h["target"] for h in content["summary"]}
    assert targets["contacts"] == "15" and targets["women_supported"] == "20"
    assert targets["suggestions"] == ""
    contacts = next(h for h in content["summary"] if h["key"] == "contacts")
    assert contacts["chart"]["target"] == 15


def test_targets_bad_input_and_two_managers_at_once(centre, manager_client, steering_client):
    url = reverse("reports:targets")
    assert steering_client.get(url).status_code == 403
    bad = manager_client.post(url, {"contacts": "lots", "version": "0"})
    assert bad.status_code == 400 and "Enter a whole number." in bad.content.decode()
    assert not ReportTargets.objects.exists()
    assert manager_client.post(url, {"contacts": "15", "version": "0"}).status_code == 302
    # A second manager who opened the page before that save does not overwrite it.
    clash = manager_client.post(url, {"contacts": "30", "version": "0"})
    assert clash.status_code == 200
    assert "Someone else saved this while you were editing" in clash.content.decode()
    assert ReportTargets.objects.get(centre=centre).contacts == 15
