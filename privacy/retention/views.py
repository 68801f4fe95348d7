"""The manager's retention pages: the schedule in plain words with the dry run, one kind's
period, legal holds."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import get_for_user, roles_required
from centre.audit import audit_request
from centre.pages import form_view
from centre.personal_data import RETENTION_KINDS

from . import access, schedule, services
from .forms import HoldForm, LiftForm, PeriodForm
from .models import SweepLog

MANAGERS = access.MANAGERS


@roles_required(MANAGERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    centre = request.centre  # type: ignore[attr-defined]
    periods = {p.kind: p for p in schedule.periods(centre)}
    expiring = services.dry_run(centre)
    rows = [(periods[row.kind], row) for row in expiring]
    context = {
        "rows": sorted(rows, key=lambda pair: list(RETENTION_KINDS).index(pair[0].kind)),
        "holds": access.holds_here(request).filter(lifted_at__isnull=True),
        "sweeps": SweepLog.objects.filter(centre=centre, dry_run=False)[:5],
    }
    audit_request(request, "retention.schedule.view")
    return render(request, "retention/index.html", context)


@roles_required(MANAGERS)
@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in RETENTION_KINDS:
        raise Http404
    centre = request.centre  # type: ignore[attr-defined]
    period = schedule.period(centre, kind)
    form = PeriodForm(request.POST or None, period=period)
    return form_view(
        request,
        form,
        lambda: services.period_save(
            centre=centre,
            kind=kind,
            months=form.cleaned_data["months"],
            action=form.cleaned_data["action"],
            by=request.user,  # type: ignore[arg-type]
            expected_version=form.expected_version,
        ),
        fields=["months", "action"],
        success=_("The retention period is saved."),
        done="retention:index",
        title=_("How long to keep: %(kind)s") % {"kind": period.label},
        intro=f"{period.default.what} {period.default.why}",
        back=reverse("retention:index"),
    )


@roles_required(MANAGERS)
@require_http_methods(["GET", "POST"])
def hold_new(request: HttpRequest) -> HttpResponse:
    women = access.women_here(request).order_by("first_name", "last_name", "pk")
    initial = {}
    if request.GET.get("woman", "").isdigit():
        initial["woman"] = request.GET["woman"]
    form = HoldForm(request.POST or None, women=women, initial=initial)
    return form_view(
        request,
        form,
        lambda: services.hold_place(
            woman=form.cleaned_data["woman"],
            by=request.user,  # type: ignore[arg-type]
            reason=form.cleaned_data["reason"],
        ),
        success=_("Her records are on hold: no sweep will touch them."),
        done="retention:index",
        title=_("Place a legal hold"),
        intro=_(
            "While a hold is in place, nothing held about her is anonymised or deleted by "
            "the retention sweep or an erasure request."
        ),
        back=reverse("retention:index"),
    )


@roles_required(MANAGERS)
@require_http_methods(["GET", "POST"])
def hold_lift(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_for_user(access.holds_here(request), request, pk=pk)
    form = LiftForm(request.POST or None)
    return form_view(
        request,
        form,
        lambda: services.hold_lift(
            hold=hold,
            by=request.user,  # type: ignore[arg-type]
            reason=form.cleaned_data["lift_reason"],
        ),
        success=_("The hold is lifted."),
        done="retention:index",
        title=_("Lift the hold on %(name)s's records") % {"name": hold.woman.short_name},
        intro=_("Held since %(when)s. Reason: %(reason)s")
        % {"when": date_format(localdate(hold.placed_at), "j M Y"), "reason": hold.reason},
        back=reverse("retention:index"),
    )
