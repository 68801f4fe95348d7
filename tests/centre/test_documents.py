"""Generated documents: one model, one task, one progress partial, one audited download, one
print style, for every PDF (centre/documents/)."""

import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from activities.models import Attendance, CourseCompletion
from centre.audit import audit_log
from centre.celery import app
from centre.documents import registry
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind, document_kind_register
from centre.documents.services import (
    Coverage,
    document_build,
    document_request,
)
from centre.models import AuditEvent
from centre.pdf import PDFFetchRefused, pdf_text, static_only_url_fetcher
from centre.tasks import document_build_task
from coproduction.reports.documents import QUARTERLY_REPORT, quarter_coverage
from coproduction.suggestions.documents import POSTER
from tests.activities.factories import (
    ActivityFactory,
    SessionFactory,
    WomanFactory,
    weekly_from_today,
)
from tests.conftest import wait_for
from tests.coproduction.factories import you_said_we_did
from tests.coproduction.reports.report_data import QUARTER, build_quarter

pytestmark = pytest.mark.django_db

BROKEN = "test_broken_document"


def _text(document):
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return " ".join(pdf_text(handle.read()).split())


def _files_of(document):
    folder = Path(settings.MEDIA_ROOT) / "documents" / str(document.centre_id) / document.kind
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test's files in its own folder, so counting files is about this test alone."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def approved(centre):
    return you_said_we_did(centre, "A <b>warm</b> room", "We fixed the heating")


@pytest.fixture
def poster(centre, approved, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document, _started = document_request(centre=centre, kind=POSTER, requested_by=manager)
    document.refresh_from_db()
    return document


@pytest.fixture
def report_document(centre, key_worker, django_capture_on_commit_callbacks):
    build_quarter(centre, key_worker)
    with django_capture_on_commit_callbacks(execute=True):
        document, _started = document_request(
            centre=centre, kind=QUARTERLY_REPORT, coverage=quarter_coverage(QUARTER)
        )
    document.refresh_from_db()
    return document


@pytest.fixture
def broken_kind(monkeypatch):
    """A kind whose build fails as `failure` says (a test-only kind, removed afterwards)."""
    failure = {"error": ValueError("The term has no dates yet.")}

    def context(document):
        raise failure["error"]

    kind = DocumentKind(
        name=BROKEN,
        label="the broken file",
        template="print/base.html",
        context=context,
        filename=lambda document: "broken.pdf",
        may_read=lambda request, document: True,
    )
    monkeypatch.setitem(registry._KINDS, BROKEN, kind)
    return failure


# Building -------------------------------------------------------------------------------------


def test_a_request_builds_through_the_task_with_the_centre_and_page_numbers(poster, centre):
    assert poster.status == Document.Status.READY
    assert (poster.progress, poster.built_at is not None) == (100, True)
    assert poster.summary == {"items": 1}
    text = _text(poster)
    assert centre.name in text and "Page 1 of 1" in text
    assert "A <b>warm</b> room" in text  # typed text stays text


def test_progress_is_recorded_as_the_build_goes(centre, monkeypatch):
    seen = []

    def context(document):
        row = Document.objects.get(pk=document.pk)
        seen.append((row.status, row.progress, row.progress_message))
        return {}

    monkeypatch.setitem(
        registry._KINDS,
        "test_watched",
        DocumentKind(
            name="test_watched",
            label="the watched file",
            template="print/base.html",
            context=context,
            filename=lambda document: "watched.pdf",
            may_read=lambda request, document: True,
        ),
    )
    document, _ = document_request(centre=centre, kind="test_watched", enqueue=False)
    assert document_build(document_id=document.pk)
    assert seen == [("building", 10, "Gathering what goes in it")]
    document.refresh_from_db()
    assert (document.progress, document.progress_message) == (100, "Ready")


def test_building_twice_keeps_one_row_and_one_file(poster, centre):
    first_file = poster.file.name
    assert document_build_task(poster.pk) is False  # already ready: left alone
    again, started = document_request(centre=centre, kind=POSTER)
    assert started and again.pk == poster.pk
    assert document_build_task(poster.pk) is True
    assert document_build_task(poster.pk) is False
    assert document_build_task(poster.pk, rebuild=True) is True
    again.refresh_from_db()
    assert Document.objects.filter(centre=centre, kind=POSTER).count() == 1
    assert [path.name for path in _files_of(again)] == [Path(again.file.name).name]
    assert not Path(settings.MEDIA_ROOT, first_file).exists() or first_file == again.file.name


def test_asking_while_a_build_waits_reuses_it_and_does_not_enqueue_again(
    centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first, started = document_request(centre=centre, kind=POSTER)
        again, started_again = document_request(centre=centre, kind=POSTER)
    assert (started, started_again, first.pk) == (True, False, again.pk)
    assert len(callbacks) == 1


def test_a_failed_build_is_recorded_with_a_plain_message(centre, broken_kind):
    document, _ = document_request(centre=centre, kind=BROKEN, enqueue=False)
    with pytest.raises(ValueError):
        document_build_task(document.pk)
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert document.error == "The term has no dates yet."
    assert not document.file


def test_a_build_that_runs_out_of_time_says_so(centre, broken_kind):
    broken_kind["error"] = SoftTimeLimitExceeded()
    document, _ = document_request(centre=centre, kind=BROKEN, enqueue=False)
    with pytest.raises(SoftTimeLimitExceeded):
        document_build(document_id=document.pk)
    document.refresh_from_db()
    assert document.error == "It took too long to build. Please try again later."


def test_a_failed_rebuild_keeps_the_last_good_file(poster, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("Out of memory")

    monkeypatch.setattr("centre.documents.services.render_pdf", broken)
    with pytest.raises(RuntimeError):
        document_build(document_id=poster.pk, rebuild=True)
    poster.refresh_from_db()
    assert poster.status == Document.Status.FAILED and poster.downloadable
    assert "You said, we did" in _text(poster)


def test_a_build_left_by_a_dead_worker_is_claimed_again(centre):
    document, _ = document_request(centre=centre, kind=POSTER, enqueue=False)
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.BUILDING, started_at=timezone.now() - timedelta(minutes=1)
    )
    assert document_build(document_id=document.pk) is False  # someone is building it now
    Document.objects.filter(pk=document.pk).update(
        started_at=timezone.now() - timedelta(minutes=11)
    )
    assert document_build(document_id=document.pk) is True


def test_broker_down_leaves_it_queued_for_the_next_run(
    centre, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr("centre.tasks.document_build_task.apply_async", broken)
    with django_capture_on_commit_callbacks(execute=True):
        document, started = document_request(centre=centre, kind=POSTER)
    document.refresh_from_db()
    assert started and document.status == Document.Status.QUEUED


def test_the_task_goes_to_the_kinds_queue(centre, monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr(
        "centre.tasks.document_build_task.apply_async", lambda **kwargs: sent.append(kwargs)
    )
    with django_capture_on_commit_callbacks(execute=True):
        document, _ = document_request(centre=centre, kind=POSTER)
    assert sent == [{"args": [document.pk], "queue": "reports", "retry": False}]
    assert app.amqp.router.route({}, document_build_task.name)["queue"].name == "reports"
    assert document_build_task.soft_time_limit < document_build_task.time_limit


def test_coverage_makes_one_row_per_period_object_or_key(centre, other_centre):
    spring = Coverage(period_start=date(2026, 4, 1), period_end=date(2026, 6, 30))
    fields = spring.fields()
    assert fields["coverage"] == "2026-04-01..2026-06-30||"
    by_object = Coverage(obj=centre, key="a4").fields()
    assert by_object["object_id"] == str(centre.pk)
    assert by_object["coverage"] == f"|centre.centre:{centre.pk}|a4"
    document_request(centre=centre, kind=POSTER, coverage=spring, enqueue=False)
    document_request(centre=centre, kind=POSTER, coverage=spring, enqueue=False)
    document_request(centre=other_centre, kind=POSTER, coverage=spring, enqueue=False)
    assert Document.objects.filter(kind=POSTER).count() == 2


def test_a_kind_name_is_registered_once():
    poster_kind = document_kind(POSTER)
    assert document_kind_register(poster_kind) is poster_kind
    with pytest.raises(ValueError, match="already registered"):
        document_kind_register(DocumentKind(**{**poster_kind.__dict__, "label": "another"}))
    with pytest.raises(registry.UnknownDocumentKind):
        document_kind("no_such_kind")


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_builds_it_on_the_reports_queue(centre, approved, celery_workers):
    celery_workers(1, MEDIA_ROOT=str(settings.MEDIA_ROOT))
    document, started = document_request(centre=centre, kind=POSTER)
    assert started
    assert wait_for(
        lambda: Document.objects.get(pk=document.pk).status == Document.Status.READY, timeout=90
    ), Document.objects.get(pk=document.pk).error
    text = _text(document)
    assert "A <b>warm</b> room" in text and centre.name in text


# Storage --------------------------------------------------------------------------------------


def test_the_file_is_private_with_no_public_url(poster, manager_client):
    with pytest.raises(ValueError, match="private"):
        poster.file.url  # noqa: B018
    assert manager_client.get(f"/media/{poster.file.name}").status_code == 404


# The progress partial -------------------------------------------------------------------------


def test_progress_partial_polls_while_waiting_then_offers_the_download(
    centre, approved, steering_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document, _ = document_request(centre=centre, kind=POSTER)
    url = reverse("documents:progress", args=[document.pk])
    waiting = steering_client.get(url).content.decode()
    assert f'hx-get="{url}"' in waiting and 'hx-trigger="every 2s"' in waiting
    assert '<progress class="w-100 mb-2" max="100" value="0"' in waiting
    assert "Waiting to start" in waiting and "<script" not in waiting
    callbacks[0]()
    ready = steering_client.get(url).content.decode()
    assert "hx-trigger" not in ready and "Last built" in ready
    assert reverse("documents:download", args=[document.pk]) in ready
    assert "Download the poster (PDF)" in ready


def test_progress_partial_says_a_build_failed(centre, broken_kind, manager_client):
    document, _ = document_request(centre=centre, kind=BROKEN, enqueue=False)
    with pytest.raises(ValueError):
        document_build(document_id=document.pk)
    page = manager_client.get(reverse("documents:progress", args=[document.pk])).content.decode()
    assert "The last build did not work" in page and "hx-trigger" not in page


# The download ---------------------------------------------------------------------------------


def test_download_is_an_audited_attachment_nobody_keeps(report_document, steering_client, steering):
    response = steering_client.get(reverse("documents:download", args=[report_document.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="quarterly-report-{report_document.centre.slug}-2026Q3.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "Women supported 12" in " ".join(pdf_text(response.content).split())
    event = AuditEvent.objects.get(action="report.download")
    assert event.actor == steering and event.centre == report_document.centre


def test_another_centres_document_is_a_404(report_document, poster, outsider_client):
    for document in (report_document, poster):
        for name in ("documents:progress", "documents:download"):
            response = outsider_client.get(reverse(name, args=[document.pk]))
            assert response.status_code == 404
    assert not AuditEvent.objects.filter(action__endswith="download").exists()


def test_the_kinds_policy_refusing_is_a_403(report_document, key_worker_client, volunteer_client):
    for client in (key_worker_client, volunteer_client):
        for name in ("documents:progress", "documents:download"):
            response = client.get(reverse(name, args=[report_document.pk]))
            assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="report.download").exists()


def test_an_unregistered_kind_is_a_404(centre, manager_client):
    orphan = Document.objects.create(centre=centre, kind="withdrawn_kind", coverage="||")
    response = manager_client.get(reverse("documents:download", args=[orphan.pk]))
    assert response.status_code == 404


def test_download_before_a_build_is_a_404_and_not_audited(centre, manager_client):
    document, _ = document_request(centre=centre, kind=POSTER, enqueue=False)
    response = manager_client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="coproduction.poster.download").exists()


def test_wrong_method_is_a_405(poster, manager_client):
    for name in ("documents:progress", "documents:download"):
        assert manager_client.post(reverse(name, args=[poster.pk])).status_code == 405


# The URL fetcher ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/style.css",
        "https://127.0.0.1:6379/",
        "file:///etc/passwd",
        "static:../centre/settings.py",
        "/static/../../centre/settings.py",
        "data:text/css,body{}",
    ],
)
def test_the_url_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(PDFFetchRefused):
        static_only_url_fetcher(url)


def test_the_url_fetcher_serves_the_shared_print_css():
    fetched = static_only_url_fetcher("static:/css/print.css")
    assert b"counter(pages)" in fetched["string"] and fetched["mime_type"] == "text/css"


# Every PDF on the shared print style -----------------------------------------------------------

PAGE_X_OF_Y = re.compile(r"Page 1 of (\d+)")


def test_the_quarterly_report_pdf_has_the_centre_and_page_numbers(report_document, centre):
    text = _text(report_document)
    pages = int(PAGE_X_OF_Y.search(text).group(1))
    assert pages > 1 and f"Page {pages} of {pages}" in text
    assert text.count(centre.name) >= pages  # the running header, on every page


def test_the_poster_pdf_has_the_centre_and_page_numbers(poster, centre):
    text = _text(poster)
    assert centre.name in text and PAGE_X_OF_Y.search(text)


def test_the_programme_pdf_is_a_document_with_the_centre_and_page_numbers(
    centre, volunteer_client, volunteer
):
    walking = ActivityFactory(centre=centre, name="Walking group", location="Park gates")
    weekly_from_today(walking, start=time(10), end=time(11))
    for _ in range(2):  # printed twice: still one document, one file
        response = volunteer_client.get(reverse("activities:programme_pdf"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = " ".join(pdf_text(response.content).split())
    assert "Walking group" in text and centre.name in text and PAGE_X_OF_Y.search(text)
    document = Document.objects.get(centre=centre, kind="termly_programme")
    assert document.requested_by == volunteer and len(_files_of(document)) == 1
    assert AuditEvent.objects.filter(action="activities.programme.download").count() == 2


def test_the_certificate_pdf_has_the_centre_and_no_page_number(centre, key_worker_client):
    """A certificate is one page to keep: the centre's name runs along the top, and there is no
    "Page 1 of 1" as on a report."""
    course = ActivityFactory(centre=centre, kind="course", name="Confidence", completion_sessions=1)
    woman = WomanFactory(centre=centre, first_name="Ann", last_name="Smith")
    Attendance.objects.create(session=SessionFactory(activity=course), woman=woman)
    key_worker_client.post(reverse("activities:completions_award", args=[course.pk]))
    completion = CourseCompletion.objects.get()
    response = key_worker_client.get(reverse("activities:certificate_pdf", args=[completion.pk]))
    text = " ".join(pdf_text(response.content).split())
    assert "Ann Smith" in text and centre.name in text and "Page 1 of 1" not in text
    assert (
        response["Content-Disposition"] == f'attachment; filename="certificate-{completion.pk}.pdf"'
    )
    assert not Document.objects.exists()  # it names her: made for each download, never stored
    event = AuditEvent.objects.get(action="activities.certificate.download")
    assert (event.object_type, event.object_id) == ("casework.woman", str(woman.pk))


def test_audit_log_of_a_document_names_it(poster, manager):
    event = audit_log(actor=manager, action="document.test", obj=poster)
    assert (event.object_type, event.object_id) == ("centre.document", str(poster.pk))


def test_the_admin_lists_documents_read_only_without_a_file_link(poster, admin_client):
    listing = admin_client.get(reverse("admin:centre_document_changelist"))
    page = admin_client.get(reverse("admin:centre_document_change", args=[poster.pk]))
    assert listing.status_code == 200 and page.status_code == 200
    assert poster.file.name in page.content.decode() and "/media/" not in page.content.decode()
