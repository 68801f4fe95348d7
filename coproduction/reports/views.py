"""The steering group's quarterly reports (list, page, progress, rebuild and download) and the
suggestion numbers page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import can, roles_required
from centre.audit import audit_request
from centre.documents.views import document_download_response
from centre.pages import run_form
from centre.roles import MANAGER_ONLY, NUMBERS_READERS, REPORT_READERS
from coproduction.suggestions.selectors import suggestion_numbers

from . import selectors, services
from .content import period_content, with_charts
from .csv_export import report_csv
from .forms import NumbersForm, QuarterForm, TargetsForm
from .models import ReportTargets
from .numbers_page import suggestion_numbers_shown, whole_months
from .quarters import Quarter, scheduled_on


def _may_build(request):
    return can(request, "build_reports")


def _list_context(request, form):
    last_quarter = Quarter.current().previous()
    return {
        "reports": selectors.reports_for_centre(request),
        "form": form,
        "latest": selectors.latest_ready_report(request.centre),
        "last_quarter": last_quarter,
        "last_quarter_report": selectors.report_for_quarter(request.centre, last_quarter),
        "next_due": scheduled_on(Quarter.current().next()),
        "next_quarter": Quarter.current(),
        "may_build": _may_build(request),
    }


@roles_required(REPORT_READERS)
@require_GET
def report_list(request):
    return render(request, "reports/list.html", _list_context(request, QuarterForm()))


@roles_required(REPORT_READERS)
@require_POST
def report_request(request):
    """Managers build or rebuild any recent quarter; a steering member asks for one that has
    not been built (one already built or on its way is simply shown to her)."""
    form = QuarterForm(request.POST)
    if not form.is_valid():
        return render(request, "reports/list.html", _list_context(request, form), status=400)
    quarter = form.cleaned_data["quarter"]
    existing = selectors.report_for_quarter(request.centre, quarter)
    if not _may_build(request) and existing and (existing.downloadable or existing.in_progress):
        messages.info(request, _("This report has already been asked for."))
        return redirect("reports:detail", pk=existing.pk)
    return _ask_for(request, quarter, _("The report is being built."))


def _ask_for(request, quarter, started_text):
    """Ask for the quarter's report to be built, say whether that started it or it was already
    on its way, and show it."""
    report, started = services.report_request(
        centre=request.centre, quarter=quarter, by=request.user
    )
    messages.success(request, started_text if started else _("The report is already being built."))
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
    if not request.headers.get("HX-Request"):
        return _ask_for(request, report.period, _("The report is being rebuilt."))
    # From the progress panel: the panel comes back in place, and no message is kept (it would
    # only turn up on her next page).
    report, _started = services.report_request(
        centre=request.centre, quarter=report.period, by=request.user
    )
    return _status(request, report)


def _not_built_yet(request, report):
    messages.info(request, _("This report has not been built yet."))
    return redirect("reports:detail", pk=report.pk)


@roles_required(REPORT_READERS)
@require_GET
def report_download(request, pk):
    report = selectors.get_report_for_user(request, pk)
    if not report.downloadable:
        return _not_built_yet(request, report)
    return document_download_response(request, report.document)


@roles_required(REPORT_READERS)
@require_GET
def report_csv_download(request, pk):
    """The report's figures as CSV, from the same suppressed content as the PDF."""
    report = selectors.get_report_for_user(request, pk, with_content=True)
    if not report.content:
        return _not_built_yet(request, report)
    response = HttpResponse(report_csv(report.content), content_type="text/csv; charset=utf-8")
    filename = f"quarterly-report-{request.centre.slug}-{report.quarter}.csv"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    audit_request(request, "report.download", obj=report)
    return response


@roles_required(REPORT_READERS)
@require_GET
def report_numbers(request):
    """The report's sections for whole months the reader chooses, suppressed like the report."""
    last = Quarter.current().previous()
    form = NumbersForm(request.GET or {"start": last.start, "end": last.end})
    content = period = None
    if form.is_valid():
        period = whole_months(form.cleaned_data["start"], form.cleaned_data["end"])
        label = _("%(start)s to %(end)s") % {
            "start": f"{period[0]:%-d %B %Y}",
            "end": f"{period[1]:%-d %B %Y}",
        }
        content = with_charts(period_content(request.centre, *period, label))
    context = {"form": form, "content": content, "period": period}
    # A question asked with impossible dates is still a page: the form with its message (200).
    return render(request, "reports/range.html", context)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def report_targets(request):
    """The centre's targets for the summary's headline figures (managers)."""
    targets = selectors.report_targets(request.centre)
    form = TargetsForm(request.POST if request.method == "POST" else None, instance=targets)
    outcome = run_form(
        request,
        form,
        lambda: services.report_targets_update(
            centre=request.centre,
            by=request.user,
            expected_version=form.expected_version,
            values={name: form.cleaned_data[name] for name in ReportTargets.FIELDS},
        ),
        success=_("The targets are saved. The next report uses them."),
    )
    if outcome.saved:
        return redirect("reports:list")
    conflict = outcome.conflict
    context = {"form": form, "conflict": conflict, "women_target": request.centre.target_women}
    status = 400 if request.method == "POST" and not conflict else 200
    return render(request, "reports/targets.html", context, status=status)


# The suggestion numbers page ------------------------------------------------------------------


@roles_required(NUMBERS_READERS)
@require_GET
def numbers(request):
    """Suggestion numbers for whole months, small numbers suppressed for everyone."""
    today = timezone.localdate()
    form = NumbersForm(request.GET or {"start": Quarter.containing(today).start, "end": today})
    shown = period = None
    if form.is_valid():
        period = whole_months(form.cleaned_data["start"], form.cleaned_data["end"])
        stats = suggestion_numbers(request.centre, *period)
        shown = suggestion_numbers_shown(stats)
    context = {"form": form, "shown": shown, "period": period}
    return render(request, "reports/numbers.html", context)
