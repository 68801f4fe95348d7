"""The rotas: the staff's four-week view, shifts, and a volunteer's swap and take."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from activities.models import Session
from centre.access import roles_required, scope_to_centre
from centre.pages import button_run, form_view
from centre.roles import VOLUNTEERS

from .. import access, selectors, services
from ..forms import (
    AssignForm,
    ShiftForm,
)
from ..models import Helper, Placement
from ._common import STAFF

# --- Rotas ------------------------------------------------------------------------------------


def _active_helpers(request: HttpRequest):
    return (
        scope_to_centre(Helper.objects.select_related("woman"), request)
        .filter(placements__status=Placement.Status.ACTIVE)
        .distinct()
    )


@roles_required(STAFF)
@require_GET
def rota(request: HttpRequest) -> HttpResponse:
    try:
        start = date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        start = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    end = start + timedelta(days=27)
    context = {
        "shifts": selectors.rota(request, start, end),
        "start": start,
        "end": end,
        "earlier": start - timedelta(days=28),
        "later": start + timedelta(days=28),
    }
    return render(request, "involvement/rota.html", context)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def shift_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    sessions = (
        scope_to_centre(Session.objects.select_related("activity"), request)
        .filter(
            date__gte=today, date__lte=today + timedelta(days=90), status=Session.Status.SCHEDULED
        )
        .order_by("date", "start_time")
    )
    form = ShiftForm(request.POST or None, sessions=sessions, helpers=_active_helpers(request))
    return form_view(
        request,
        form,
        lambda: services.shift_create(centre=request.centre, **form.cleaned_data),
        success=_("The shift is on the rota."),
        done="involvement:rota",
        title=_("Add a shift"),
        back=reverse("involvement:rota"),
    )


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def shift_assign(request: HttpRequest, pk: int) -> HttpResponse:
    shift = selectors.get_shift_for_user(request, pk)
    form = AssignForm(
        request.POST or None, initial={"helper": shift.helper_id}, helpers=_active_helpers(request)
    )
    title = _("Who is on this shift")
    return form_view(
        request,
        form,
        lambda: services.shift_assign(
            shift=shift, helper=form.cleaned_data["helper"], by=request.user
        ),
        success=_("The rota is updated."),
        done="involvement:rota",
        title=f"{title}: {shift}",
        back=reverse("involvement:rota"),
    )


@roles_required(STAFF)
@require_POST
def shift_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    shift = selectors.get_shift_for_user(request, pk)
    services.shift_cancel(shift=shift, by=request.user)
    messages.success(request, _("The shift is cancelled."))
    return redirect("involvement:rota")


def _own_shift_button(
    request: HttpRequest,
    pk: int,
    may: Callable[[HttpRequest, Any], bool],
    service: Callable[..., Any],
    success: str,
) -> HttpResponse:
    """A volunteer's button on a shift of the rota (`may` says whether it is hers to press):
    said either way, and back to her page."""
    shift = selectors.get_shift_for_user(request, pk)
    if not may(request, shift):
        raise Http404
    button_run(request, lambda: service(shift=shift, helper=access.own_helper(request)), success)
    return redirect("involvement:mine")


@roles_required(VOLUNTEERS)
@require_POST
def shift_swap(request: HttpRequest, pk: int) -> HttpResponse:
    """She can't make it: others in her role see it needs cover."""
    return _own_shift_button(
        request,
        pk,
        access.is_own_shift,
        services.shift_swap_ask,
        _("Thanks for letting us know. You stay on it until someone takes it."),
    )


@roles_required(VOLUNTEERS)
@require_POST
def shift_take(request: HttpRequest, pk: int) -> HttpResponse:
    return _own_shift_button(
        request, pk, access.may_take_shift, services.shift_take, _("The shift is yours. Thank you.")
    )
