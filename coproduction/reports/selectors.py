"""Reads for the quarterly report pages: one centre's reports, never another's."""

from centre.access import get_for_user, scope_to_centre

from .models import QuarterlyReport


def reports_for_centre(request):
    """The centre's reports, newest quarter first, without the PDF bytes or the content."""
    return scope_to_centre(QuarterlyReport.objects.defer("pdf", "content"), request).order_by(
        "-quarter"
    )


def get_report_for_user(request, pk, *, with_content=False):
    """A report of the current centre (else 404). Roles are checked by the view's rule."""
    reports = QuarterlyReport.objects.defer("pdf")
    if not with_content:
        reports = reports.defer("pdf", "content")
    return get_for_user(reports, request, pk=pk)


def report_pdf(report):
    return bytes(QuarterlyReport.objects.values_list("pdf", flat=True).get(pk=report.pk))


def latest_ready_report(centre):
    return (
        QuarterlyReport.objects.filter(centre=centre, built_at__isnull=False)
        .defer("pdf", "content")
        .order_by("-quarter")
        .first()
    )
