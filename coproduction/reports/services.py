"""Writes for the quarterly report: asking for a build, building it, the scheduled run. The
build itself is the platform's (centre.documents); this keeps the report's row beside it."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from centre.audit import audit_log
from centre.documents.services import (
    document_build,
    document_render,
    document_request,
    document_unsaved,
)
from centre.models import Centre, User
from centre.versioning import versioned_update

from .documents import QUARTERLY_REPORT, quarter_coverage
from .models import QuarterlyReport, ReportTargets
from .quarters import Quarter


def report_pdf_render(*, centre: Centre, quarter: Quarter) -> tuple[bytes, dict[str, Any]]:
    """The report as PDF bytes, and the suppressed content it shows. Stores nothing."""
    document = document_unsaved(
        centre=centre, kind=QUARTERLY_REPORT, coverage=quarter_coverage(quarter)
    )
    return document_render(document)


@transaction.atomic
def report_request(
    *,
    centre: Centre,
    quarter: Quarter,
    by: User | None = None,
    retry_waiting: bool = False,
) -> tuple[QuarterlyReport, bool]:
    """Ask for a report to be built (or rebuilt). Returns (report, started). A build already
    waiting is reused; with `retry_waiting` (the scheduled run) it is enqueued again in case the
    broker lost it: the build claims the row, so a duplicate does nothing. Safe to call twice."""
    report, _created = QuarterlyReport.objects.get_or_create(centre=centre, quarter=str(quarter))
    document, started = document_request(
        centre=centre,
        kind=QUARTERLY_REPORT,
        coverage=quarter_coverage(report.period),
        requested_by=by,
        retry_waiting=retry_waiting,
    )
    if report.document_id != document.pk:
        report.document = document
        report.save(update_fields=["document"])
    report.document = document
    if by is not None and started:
        audit_log(actor=by, action="report.request", obj=report, centre=centre)
    return report, started


def report_build(*, report_id: int) -> bool:
    """Build one report now. Safe to run twice: only the call that claims the row builds it."""
    document_id = QuarterlyReport.objects.values_list("document_id", flat=True).get(pk=report_id)
    return document_build(document_id=document_id)


def reports_request_previous(today: date | None = None) -> int:
    """The scheduled run on the first days of each quarter: last quarter's report for every
    centre that has none yet (or whose build failed or was lost). A report already built is
    left alone; a manager rebuilds it if records were brought up to date later."""
    quarter = Quarter.containing(today or timezone.localdate()).previous()
    built = QuarterlyReport.objects.filter(
        centre=OuterRef("pk"), quarter=str(quarter), document__status=QuarterlyReport.Status.READY
    )
    started = 0
    for centre in Centre.objects.exclude(Exists(built)):
        _report, new = report_request(centre=centre, quarter=quarter, retry_waiting=True)
        started += int(new)
    return started


@transaction.atomic
def report_targets_update(
    *, centre: Centre, by: User, expected_version: int | None, values: dict[str, int | None]
) -> ReportTargets:
    """Set the centre's headline targets. Someone else's save since she opened the page is an
    EditConflict (nothing written); the first save ever starts from version 0."""
    targets, _created = ReportTargets.objects.get_or_create(centre=centre, defaults={"version": 0})
    wanted = {name: values.get(name) for name in ReportTargets.FIELDS}
    ReportTargets(centre=centre, **wanted).full_clean(exclude=["centre"], validate_unique=False)
    saved = versioned_update(
        ReportTargets, pk=targets.pk, expected_version=expected_version, values=wanted
    )
    audit_log(actor=by, action="report.targets", obj=saved, centre=centre)
    return saved
