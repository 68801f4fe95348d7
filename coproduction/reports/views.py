"""The steering group's quarterly reports (list, page, progress, rebuild and download) and the
suggestion numbers page."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from centre.access import can, roles_required
from centre.documents.views import document_download_response
from centre.roles import MANAGER_ONLY, NUMBERS_READERS, REPORT_READERS
from coproduction.suggestions.selectors import suggestion_numbers

from . import selectors, services
from .content import with_charts
from .forms import NumbersForm, QuarterForm
from .numbers_page import suggestion_numbers_shown, whole_months


def _may_build(request):
    return can(request, "build_reports")


@roles_required(REPORT_READERS)
@require_GET
def report_list(request):
    return render(
        request,
        "reports/list.html",
        {
            "reports": selectors.reports_for_centre(request),
            "form": QuarterForm() if _may_build(request) else None,
        },
    )


@roles_required(MANAGER_ONLY)
@require_POST
def report_request(request):
    form = QuarterForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "reports/list.html",
            {"reports": selectors.reports_for_centre(request), "form": form},
            status=400,
        )
    report, started = services.report_request(
        centre=request.centre, quarter=form.cleaned_data["quarter"], by=request.user
    )
    messages.success(
        request,
        _("The report is being built.") if started else _("The report is already being built."),
    )
    return redirect("reports:detail", pk=report.pk)


@roles_required(REPORT_READERS)
@require_GET
def report_detail(request, pk):
    report = selectors.get_report_for_user(request, pk, with_content=True)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "content": with_charts(report.content) if report.content else None,
            "may_build": _may_build(request),
        },
    )


@roles_required(REPORT_READERS)
@require_GET
def report_status(request, pk):
    return _status(request, selectors.get_report_for_user(request, pk))


def _status(request, report):
    return render(
        request,
        "reports/_status.html",
        {"report": report, "may_build": _may_build(request)},
    )


@roles_required(MANAGER_ONLY)
@require_POST
def report_rebuild(request, pk):
    report = selectors.get_report_for_user(request, pk)
    report, started = services.report_request(
        centre=request.centre, quarter=report.period, by=request.user
    )
    if request.headers.get("HX-Request"):
        return _status(request, report)
    messages.success(
        request,
        _("The report is being rebuilt.") if started else _("The report is already being built."),
    )
    return redirect("reports:detail", pk=report.pk)


@roles_required(REPORT_READERS)
@require_GET
def report_download(request, pk):
    report = selectors.get_report_for_user(request, pk)
    if not report.downloadable:
        messages.info(request, _("This report has not been built yet."))
        return redirect("reports:detail", pk=report.pk)
    return document_download_response(request, report.document)


# The suggestion numbers page ------------------------------------------------------------------


def _quarter_start(day):
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@roles_required(NUMBERS_READERS)
@require_GET
def numbers(request):
    """Suggestion numbers for whole months, small numbers suppressed for everyone."""
    today = timezone.localdate()
    form = NumbersForm(request.GET or {"start": _quarter_start(today), "end": today})
    shown = period = None
    if form.is_valid():
        period = whole_months(form.cleaned_data["start"], form.cleaned_data["end"])
        stats = suggestion_numbers(request.centre, *period)
        shown = suggestion_numbers_shown(stats)
    context = {"form": form, "shown": shown, "period": period}
    return render(request, "reports/numbers.html", context)
