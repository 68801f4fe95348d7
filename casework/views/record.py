"""The woman's record: overview, details, stage, allocation, break the glass, who looked."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre import audit_words
from centre.access import roles_required
from centre.features import collect
from centre.pages import button_run, run_form
from centre.roles import CASEWORK_ROLES, KEY_WORKERS_AND_MANAGER, MANAGER_ONLY

from .. import selectors, services
from ..access import Part, record_access
from ..forms import (
    BreakGlassForm,
    InvolveForm,
    KeyWorkerForm,
    ParticipationForm,
    SearchForm,
    StageForm,
    WomanForm,
)
from ..models import Allocation, Woman
from ..photos import photo_response
from ._common import (
    audit_woman,
    child_post,
    contact_form_for,
    front_desk_card,
    full_record,
    manager_only,
    record_form,
    small_form,
    versioned_edit,
)


@roles_required(CASEWORK_ROLES)
@require_GET
def woman_search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = Paginator(selectors.search_women(request, form.cleaned_data["q"]), 25).get_page(
            request.GET.get("page")
        )
    return render(request, "casework/search.html", {"form": form, "page": results})


@roles_required(CASEWORK_ROLES)
@require_GET
def woman_detail(request, pk):
    """Her full record for allocated and involved workers and the manager; the front-desk card
    (with break the glass) for other staff."""
    try:
        woman, _level = selectors.get_woman_for_user(request, pk)
    except selectors.NeedsBreakGlass as refused:
        return front_desk_card(request, refused.woman)
    audit_woman(request, woman, "casework.woman.view")
    context = selectors.record_context(request, woman)
    context.update(
        {
            "woman": woman,
            "contact_form": contact_form_for(request),
            "stage_form": StageForm(initial={"stage": woman.stage}),
            "participation_form": ParticipationForm(
                initial={
                    "invite_to_meetings": woman.invite_to_meetings,
                    "send_newsletter": woman.send_newsletter,
                    "ask_to_help": woman.ask_to_help,
                }
            ),
            "tab": "overview",
            # Other apps' panels about her (the newsletter's pieces), each app deciding by the
            # record policy what it shows (centre/features.py).
            "record_panels": sorted(
                collect("record_panels", request=request, woman=woman), key=lambda p: p.order
            ),
        }
    )
    return render(request, "casework/woman_detail.html", context)


@roles_required(CASEWORK_ROLES)
def break_glass(request, pk):
    woman, _level = selectors.get_woman_for_user(request, pk, require=selectors.CARD)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if record_access(request, woman).sees_record:
        return redirect("casework:woman", pk=woman.pk)
    form = BreakGlassForm(request.POST)
    if run_form(
        request,
        form,
        lambda: services.break_glass_grant(
            woman=woman, worker=request.user, reason=form.cleaned_data["reason"]
        ),
    ):
        messages.warning(
            request,
            _("You have opened this record for a limited time. The manager has been told."),
        )
        return redirect("casework:woman", pk=woman.pk)
    return front_desk_card(request, woman, form=form, status=200)


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record
def woman_edit(request, woman):
    """Her details and safe-contact preferences, with two-people-saving-at-once protection."""
    if request.method == "POST":
        form = WomanForm(request.POST, request.FILES, instance=Woman(centre=woman.centre))
    else:
        form = WomanForm(instance=woman)
    saved = versioned_edit(
        request,
        woman,
        form,
        lambda version, data: services.woman_update(
            woman=woman, expected_version=version, data=_details(data, woman), by=request.user
        ),
        viewed="casework.woman.view_details",
        success=_("Her details are saved."),
        fields=services.WOMAN_DETAIL_FIELDS,
    )
    if saved:
        return redirect("casework:woman", pk=woman.pk)
    return render(
        request,
        "casework/woman_edit.html",
        {"woman": woman, "form": form, "conflict": saved.conflict, "tab": "details"},
    )


def _details(data, woman):
    """Her details from the form; the photo only when it was removed or replaced."""
    details = {name: data.get(name) for name in services.WOMAN_DETAIL_FIELDS}
    photo = data.get("photo")
    if photo is False or (photo and photo != woman.photo):
        details["photo"] = photo
    return details


@roles_required(CASEWORK_ROLES)
@full_record
@require_POST
def woman_participation(request, woman):
    form = ParticipationForm(request.POST)  # three tick boxes: always valid
    run_form(
        request,
        form,
        lambda: services.participation_update(woman=woman, by=request.user, **form.cleaned_data),
        success=_("Her choices about taking part are saved."),
    )
    return redirect("casework:woman", pk=woman.pk)


@roles_required(CASEWORK_ROLES)
@full_record
@require_POST
def woman_stage(request, woman):
    form = StageForm(request.POST)
    return small_form(
        request,
        form,
        lambda: services.woman_stage_change(by=request.user, woman=woman, **form.cleaned_data),
        success=lambda _changed: _("Stage changed to %s.") % woman.get_stage_display(),
        done=reverse("casework:woman", args=[woman.pk]),
        heading=_("Change her stage"),
        woman=woman,
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
@full_record
def woman_allocate(request, woman):
    """The manager changes her key worker, with a reason and a handover note."""
    form = KeyWorkerForm(request.POST or None, centre=request.centre)
    saved = record_form(
        request,
        woman,
        form,
        lambda: services.key_worker_allocate(woman=woman, by=request.user, **form.cleaned_data),
        viewed="casework.woman.view_allocation",
        success=_("Key worker changed. The handover note is waiting for her."),
    )
    if saved:
        if saved.result:  # a warning about her new key worker's caseload
            messages.warning(request, saved.result)
        return redirect("casework:woman", pk=woman.pk)
    history = woman.allocations.select_related("worker", "allocated_by")[:50]
    involved = list(
        woman.allocations.filter(kind=Allocation.Kind.INVOLVED, ended_at__isnull=True)
        .select_related("worker")
        .order_by("started_at")
    )
    counts = selectors.caseload_counts(request.centre)
    return render(
        request,
        "casework/woman_allocate.html",
        {
            "woman": woman,
            "form": form,
            "history": history,
            "counts": counts,
            "involve_form": InvolveForm(centre=request.centre),
            "partner_agencies": selectors.partner_agencies(woman, involved),
            "tab": "allocation",
        },
    )


@roles_required(KEY_WORKERS_AND_MANAGER)
@full_record
@require_POST
def woman_involve(request, woman):
    """Only the manager or her key worker changes her team (never break the glass)."""
    record = record_access(request, woman)
    if not record.may_change_team:
        raise PermissionDenied
    form = InvolveForm(request.POST, centre=request.centre)
    return small_form(
        request,
        form,
        lambda: services.involved_worker_add(
            woman=woman,
            worker=form.cleaned_data["worker"],
            reason=form.cleaned_data["reason"],
            by=request.user,
            agency=form.cleaned_data["agency"] if record.manager else None,
        ),
        success=_("Worker involved in her support."),
        done=reverse("casework:woman", args=[woman.pk]),
        heading=_("Involve a worker in her support"),
        woman=woman,
    )


@roles_required(KEY_WORKERS_AND_MANAGER)
@child_post(Allocation)
def allocation_end(request, allocation):
    if not record_access(request, allocation.woman).may_change_team:
        raise PermissionDenied
    button_run(
        request,
        lambda: services.allocation_end(allocation=allocation, by=request.user),
        _("That worker is no longer involved."),
    )
    return redirect("casework:woman", pk=allocation.woman_id)


@roles_required(CASEWORK_ROLES)
@full_record
@require_POST
def handover_read(request, woman):
    services.handover_mark_read(woman=woman, worker=request.user)
    return redirect("casework:woman", pk=woman.pk)


@roles_required(MANAGER_ONLY)
@require_GET
def woman_viewers(request, pk):
    """Who looked at or changed this record (manager only)."""
    manager_only(request)
    try:
        woman, _level = selectors.get_woman_for_user(request, pk)
    except selectors.NeedsBreakGlass:  # the manager always has full access
        raise Http404 from None
    audit_woman(request, woman, "casework.woman.view_viewers")
    # Every event there is, fifty to a page: a complaint may be about a look two years ago.
    page = Paginator(selectors.record_viewers(woman), 50).get_page(request.GET.get("page"))
    grants = woman.break_glass.select_related("worker")[:50]
    context = {"woman": woman, "page": page, "said": audit_words.in_words(page), "tab": "viewers"}
    return render(request, "casework/woman_viewers.html", {**context, "grants": grants})


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record
def woman_timeline(request, woman):
    audit_woman(request, woman, "casework.woman.view_timeline")
    try:
        before = (
            datetime.date.fromisoformat(request.GET["before"]) if "before" in request.GET else None
        )
    except ValueError:
        before = None  # a mangled link: show the newest entries rather than an error
    entries, older = selectors.timeline(request, woman, before=before)
    return render(
        request,
        "casework/woman_timeline.html",
        {
            "woman": woman,
            "entries": entries,
            "older": older,
            "before": before,
            "tab": "timeline",
            "totals": selectors.timeline_contact_totals(request, woman),
        },
    )


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record(part=Part.PHOTO)
def woman_photo(request, woman):
    """Her photo, only to those who see that part of her record (never a public media URL).
    Every view of it is audited, like any read of her record."""
    if not woman.photo:
        raise Http404
    audit_woman(request, woman, "casework.woman.photo_view")
    return photo_response(woman)
