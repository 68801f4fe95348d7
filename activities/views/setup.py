"""The numbers page, finding a woman, and the setup of rooms and terms."""

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import roles_required
from centre.roles import ACTIVITY_EDITORS, MANAGER_ONLY, STAFF_ROLES

from .. import selectors, services
from ..forms import (
    PeriodForm,
    RoomForm,
    TermForm,
)
from ..models import Room, Term
from ._common import _activity_form

# --- Numbers and setup ------------------------------------------------------------------------


@roles_required(STAFF_ROLES)
@require_GET
def numbers(request):
    today = timezone.localdate()
    default_start = (today.replace(day=1) - timedelta(days=335)).replace(day=1)
    form = PeriodForm(request.GET or {"start": default_start, "end": today})
    result = None
    if form.is_valid():
        result = selectors.activity_numbers(
            request.centre, form.cleaned_data["start"], form.cleaned_data["end"]
        )
    return render(request, "activities/numbers.html", {"form": form, "numbers": result})


@roles_required(ACTIVITY_EDITORS)
@require_GET
def woman_search(request):
    """Search results for the woman picker (signing up, co-facilitating): pick one."""
    field = request.GET.get("field", "woman")
    field = field if field.isidentifier() else "woman"
    found = selectors.women_search(request, request.GET.get("q", ""))
    context = {"women": found, "field": field, "query": request.GET.get("q", "")}
    return render(request, "activities/_woman_search_results.html", context)


@roles_required(MANAGER_ONLY)
@require_GET
def setup(request):
    context = {
        "rooms": Room.objects.filter(centre=request.centre),
        "terms": Term.objects.filter(centre=request.centre),
    }
    return render(request, "activities/setup.html", context)


def _setup_add(request, form_class, create, *, added, title):
    """One page that adds a room or a term to the setup: `create` is the service."""
    form = form_class(request.POST or None)
    return _activity_form(
        request,
        form,
        lambda: create(centre=request.centre, **form.cleaned_data),
        success=added,
        title=title,
        activity=None,
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def room_add(request):
    return _setup_add(
        request, RoomForm, services.room_create, added=_("Room added."), title=_("Add a room")
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def term_add(request):
    return _setup_add(
        request, TermForm, services.term_create, added=_("Term added."), title=_("Add a term")
    )
