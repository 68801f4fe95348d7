"""The move of quarterly reports and posters into platform documents loses nothing, and can be
undone (coproduction migrations 0004-0006)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from centre.documents.selectors import document_find
from centre.models import Document
from coproduction.reports.documents import QUARTERLY_REPORT, quarter_coverage
from coproduction.reports.models import QuarterlyReport
from coproduction.reports.quarters import Quarter
from coproduction.suggestions.documents import POSTER

BEFORE = [("coproduction", "0004_quarterlyreport_document")]
REPORTS = {
    # quarter: (status, pdf, content, error)
    "2026Q1": ("ready", b"%PDF-1.4 first quarter", {"quarter": "2026Q1", "women": 12}, ""),
    "2026Q2": ("failed", b"", {}, "Pango went away"),
    "2026Q3": ("queued", b"", {}, ""),
}


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    # The platform's tables stay as they are now (nothing of centre depends on these steps), so
    # the old rows are written with today's Centre and User.
    target = [*target, *(n for n in executor.loader.graph.leaf_nodes() if n[0] == "centre")]
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _old_rows(old_apps):
    Centre = old_apps.get_model("centre", "Centre")
    User = old_apps.get_model("centre", "User")
    Report = old_apps.get_model("coproduction", "QuarterlyReport")
    Poster = old_apps.get_model("coproduction", "Poster")
    centre = Centre.objects.create(name="Old Centre", slug="old-centre")
    quiet = Centre.objects.create(name="Quiet Centre", slug="quiet-centre")
    asker = User.objects.create(username="asker")
    now = timezone.now()
    for quarter, (status, pdf, content, error) in REPORTS.items():
        Report.objects.create(
            centre=centre,
            quarter=quarter,
            status=status,
            pdf=pdf,
            content=content,
            error=error,
            requested_by=asker,
            requested_at=now,
            built_at=now if pdf else None,
        )
    Poster.objects.create(
        centre=centre, state="ready", pdf=b"%PDF-1.4 poster", item_count=3, built_at=now
    )
    Poster.objects.create(centre=quiet, state="never")
    return centre.pk, quiet.pk, asker.pk


def _read(document):
    with document.file.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db(transaction=True)
def test_every_report_and_poster_moves_into_a_document_and_back(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    centre_id, quiet_id, asker_id = _old_rows(_migrate(BEFORE))
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    reports = QuarterlyReport.objects.filter(centre_id=centre_id).select_related("document")
    assert sorted(r.quarter for r in reports) == sorted(REPORTS)
    for report in reports:
        status, pdf, content, error = REPORTS[report.quarter]
        document = report.document
        assert (document.kind, document.status, document.error) == (QUARTERLY_REPORT, status, error)
        assert document.summary == content and document.requested_by_id == asker_id
        assert (_read(document) if pdf else b"") == pdf and bool(document.file) == bool(pdf)
        coverage = quarter_coverage(Quarter.parse(report.quarter))
        assert document_find(centre=report.centre, kind=QUARTERLY_REPORT, coverage=coverage) == (
            document
        )
    poster = Document.objects.get(kind=POSTER)
    assert poster.centre_id == centre_id and poster.summary == {"items": 3}
    assert _read(poster) == b"%PDF-1.4 poster" and poster.status == "ready"
    assert not Document.objects.filter(centre_id=quiet_id).exists()  # never built: nothing held

    old_apps = _migrate(BEFORE)
    Report = old_apps.get_model("coproduction", "QuarterlyReport")
    restored = {
        r.quarter: (r.status, bytes(r.pdf), r.content, r.error) for r in Report.objects.all()
    }
    assert restored == REPORTS
    Poster = old_apps.get_model("coproduction", "Poster")
    assert bytes(Poster.objects.get(centre_id=centre_id).pdf) == b"%PDF-1.4 poster"
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
