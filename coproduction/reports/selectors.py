"""Reads for the quarterly report pages: one centre's reports, never another's."""

from django.db.models import QuerySet

from centre.access import get_for_user, scope_to_centre
from centre.models import Centre
from centre.requests import CentreRequest

from .models import QuarterlyReport, ReportTargets
from .quarters import Quarter


def reports_for_centre(request: CentreRequest) -> QuerySet[QuarterlyReport]:
    """The centre's reports, newest quarter first, without the numbers they show."""
    return (
        scope_to_centre(QuarterlyReport.objects.select_related("document"), request)
        .defer("document__summary")
        .order_by("-quarter")
    )


def get_report_for_user(
    request: CentreRequest, pk: int, *, with_content: bool = False
) -> QuarterlyReport:
    """A report of the current centre (else 404). Roles are checked by the view's rule."""
    reports = QuarterlyReport.objects.select_related("document")
    if not with_content:
        reports = reports.defer("document__summary")
    return get_for_user(reports, request, pk=pk)


def latest_ready_report(centre: Centre) -> QuarterlyReport | None:
    return (
        QuarterlyReport.objects.filter(centre=centre, document__built_at__isnull=False)
        .select_related("document")
        .defer("document__summary")
        .order_by("-quarter")
        .first()
    )


def report_for_quarter(centre: Centre, quarter: Quarter) -> QuarterlyReport | None:
    return (
        QuarterlyReport.objects.filter(centre=centre, quarter=str(quarter))
        .select_related("document")
        .defer("document__summary")
        .first()
    )


def report_targets(centre: Centre) -> ReportTargets:
    """The centre's headline targets, or an unsaved empty set when none has been saved yet."""
    return ReportTargets.objects.filter(centre=centre).first() or ReportTargets(centre=centre)


def headline_targets(centre: Centre) -> dict[str, int | None]:
    """{headline key: its quarterly target or None}; women supported is the centre's setting."""
    targets = report_targets(centre)
    return {
        "women_supported": centre.target_women,
        **{name: getattr(targets, name) for name in ReportTargets.FIELDS},
    }
