"""Writes for the quarterly report: asking for a build, building it, the scheduled run."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from centre.audit import audit_log
from centre.services import BROKER_ERRORS

from .content import report_content, with_charts
from .models import QuarterlyReport
from .quarters import Quarter

logger = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=10)  # a build claimed this long ago was left by a dead worker
REPORT_TEMPLATE = "reports/report_pdf.html"


def report_pdf_render(*, centre, quarter):
    """The report as PDF bytes, and the suppressed content it shows."""
    from centre.pdf import render_pdf

    content = report_content(centre, quarter)
    return render_pdf(REPORT_TEMPLATE, {"report": with_charts(content)}), content


@transaction.atomic
def report_request(*, centre, quarter, by=None, retry_waiting=False):
    """Ask for a report to be built (or rebuilt). Returns (report, started). A build already
    waiting is reused; with `retry_waiting` (the scheduled run) it is enqueued again in case the
    broker lost it: the build claims the row, so a duplicate does nothing. Safe to call twice."""
    report, _created = QuarterlyReport.objects.get_or_create(centre=centre, quarter=str(quarter))
    waiting = (
        report.in_progress
        and report.requested_at
        and timezone.now() - report.requested_at < STALE_AFTER
    )
    if waiting:
        if retry_waiting and report.status == QuarterlyReport.Status.QUEUED:
            transaction.on_commit(lambda: _enqueue(report.pk))
        return report, False
    QuarterlyReport.objects.filter(pk=report.pk).update(
        status=QuarterlyReport.Status.QUEUED,
        requested_at=timezone.now(),
        requested_by=by,
        error="",
    )
    report.refresh_from_db()
    if by is not None:
        audit_log(actor=by, action="report.request", obj=report, centre=centre)
    transaction.on_commit(lambda: _enqueue(report.pk))
    return report, True


def _enqueue(report_id):
    from .tasks import quarterly_report_pdf_build_task

    try:
        quarterly_report_pdf_build_task.apply_async(args=[report_id], retry=False)
    except BROKER_ERRORS:  # broker down: the scheduled run enqueues it again
        logger.warning("Broker unavailable; quarterly report %s waits", report_id)


def _claim(report_id):
    """Conditional updates, so only one worker builds: a waiting report, or one whose build
    was left by a worker that died."""
    now = timezone.now()
    return QuarterlyReport.objects.filter(
        pk=report_id, status=QuarterlyReport.Status.QUEUED
    ).update(status=QuarterlyReport.Status.BUILDING, started_at=now) or (
        QuarterlyReport.objects.filter(
            pk=report_id,
            status=QuarterlyReport.Status.BUILDING,
            started_at__lt=now - STALE_AFTER,
        ).update(started_at=now)
    )


def report_build(*, report_id):
    """Build one report. Safe to run twice: only the call that claims the row builds it."""
    if not _claim(report_id):
        return False
    report = QuarterlyReport.objects.select_related("centre").defer("pdf").get(pk=report_id)
    try:
        pdf, content = report_pdf_render(centre=report.centre, quarter=report.period)
    except Exception as error:
        QuarterlyReport.objects.filter(pk=report_id).update(
            status=QuarterlyReport.Status.FAILED, error=str(error)[:300]
        )
        raise
    QuarterlyReport.objects.filter(pk=report_id).update(
        status=QuarterlyReport.Status.READY, pdf=pdf, content=content, built_at=timezone.now()
    )
    return True


def reports_request_previous(today=None):
    """The scheduled run on the first days of each quarter: last quarter's report for every
    centre that has none yet (or whose build failed or was lost). A report already built is
    left alone; a manager rebuilds it if records were brought up to date later."""
    from centre.models import Centre

    quarter = Quarter.containing(today or timezone.localdate()).previous()
    built = QuarterlyReport.objects.filter(
        quarter=str(quarter), status=QuarterlyReport.Status.READY
    ).values("centre_id")
    started = 0
    for centre in Centre.objects.exclude(pk__in=built):
        _report, new = report_request(centre=centre, quarter=quarter, retry_waiting=True)
        started += int(new)
    return started
