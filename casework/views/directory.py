"""The directory of partner agencies and community resources."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import can, get_for_user, roles_required, scope_to_centre
from centre.pages import form_view
from centre.roles import CASEWORK_ROLES, KEY_WORKERS_AND_MANAGER

from ..forms import AgencyForm
from ..models import Agency, ReferralOut

DIRECTORY_EDITORS = KEY_WORKERS_AND_MANAGER


@roles_required(CASEWORK_ROLES)
@require_GET
def directory(request):
    agencies = scope_to_centre(Agency.objects.all(), request).annotate(
        referrals_made=Count("referrals_out", distinct=True),
        referrals_attended=Count(
            "referrals_out",
            filter=Q(referrals_out__status=ReferralOut.Status.ATTENDED),
            distinct=True,
        ),
    )
    kind = request.GET.get("kind")
    if kind in Agency.Kind.values:
        agencies = agencies.filter(kind=kind)
    query = (request.GET.get("q") or "").strip()[:80]
    if query:
        agencies = agencies.filter(
            Q(name__icontains=query) | Q(services__icontains=query) | Q(area__icontains=query)
        )
    return render(
        request,
        "casework/directory.html",
        {
            "agencies": agencies.order_by("-is_active", "name")[:300],
            "kinds": Agency.Kind.choices,
            "kind": kind,
            "q": query,
            "may_edit": can(request, "edit_directory"),
        },
    )


@roles_required(DIRECTORY_EDITORS)
@require_http_methods(["GET", "POST"])
def agency_new(request):
    form = AgencyForm(request.POST or None, centre=request.centre)
    return form_view(
        request,
        form,
        lambda: _agency_add(form, request.centre),
        success=_("Added to the directory."),
        done="casework:directory",
        title=_("Add to the directory"),
        back=reverse("casework:directory"),
    )


def _agency_add(form, centre):
    agency = form.save(commit=False)
    agency.centre = centre
    agency.save()
    return agency


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
def agency_edit(request, pk):
    agency = get_for_user(
        Agency.objects.all(),
        request,
        may_change=can(request, "edit_directory"),
        pk=pk,
    )
    form = AgencyForm(request.POST or None, instance=agency, centre=request.centre)
    return form_view(
        request,
        form,
        form.save,
        success=_("Directory entry saved."),
        done="casework:directory",
        title=_("Edit %s") % agency.name,
        back=reverse("casework:directory"),
    )
