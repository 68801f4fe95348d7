"""Multi-disciplinary case review meetings: selected women, shared notes, actions that land on
each woman's record."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import can, get_for_user, roles_required, scope_to_centre
from centre.audit import audit_request
from centre.pages import form_view
from centre.roles import CASEWORK_ROLES, MANAGER_ONLY

from .. import selectors, services
from ..access import Part, record_access
from ..forms import CaseReviewForm, CaseReviewItemForm
from ..models import CaseReviewItem, CaseReviewMeeting, SharePart
from ._common import small_form


@roles_required(CASEWORK_ROLES)
@require_GET
def case_review_list(request):
    meetings = scope_to_centre(CaseReviewMeeting.objects.all(), request).prefetch_related("items")
    page = Paginator(meetings, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "casework/case_review_list.html",
        {"page": page, "may_create": can(request, "create_case_reviews")},
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def case_review_new(request):
    form = CaseReviewForm(request.POST or None, centre=request.centre)
    return form_view(
        request,
        form,
        lambda: services.case_review_create(
            centre=request.centre,
            data={k: form.cleaned_data[k] for k in ("held_on", "title", "attendees")},
            women=form.cleaned_data["women"],
            by=request.user,
        ),
        success=_("Case review set up."),
        done=lambda meeting: reverse("casework:case_review", args=[meeting.pk]),
        title=_("New case review"),
        back=reverse("casework:case_reviews"),
    )


@roles_required(CASEWORK_ROLES)
@require_GET
def case_review_detail(request, pk):
    """Each worker sees the items for the women whose full record she may see."""
    meeting = get_for_user(CaseReviewMeeting.objects.all(), request, pk=pk)
    visible = set(selectors.visible_women(request).values_list("pk", flat=True))
    items = [
        (item, CaseReviewItemForm(initial={"notes": item.notes}, prefix=f"item{item.pk}"))
        for item in meeting.items.select_related("woman", "woman__key_worker").prefetch_related(
            "actions"
        )
        if item.woman_id in visible and _notes_shared(request, item.woman)
    ]
    hidden = meeting.items.count() - len(items)
    audit_request(request, "casework.case_review.view", obj=meeting)
    return render(
        request,
        "casework/case_review_detail.html",
        {"meeting": meeting, "items": items, "hidden": hidden},
    )


def _notes_shared(request, woman):
    """Case-review notes are her reviews part; a partner worker limited by her agreement sees
    them only where it also covers contact notes (as before the parts were named)."""
    record = record_access(request, woman)
    return record.sees(Part.REVIEWS) and record.sharing.allows(SharePart.CONTACT_NOTES)


@roles_required(CASEWORK_ROLES)
def case_review_item(request, pk):
    try:
        item = scope_to_centre(
            CaseReviewItem.objects.select_related("woman", "meeting"),
            request,
            field="meeting__centre",
        ).get(pk=pk)
    except (CaseReviewItem.DoesNotExist, ValueError):
        raise Http404 from None
    if not _notes_shared(request, item.woman):
        raise PermissionDenied
    if request.method == "POST" and not record_access(request, item.woman).may_change(Part.REVIEWS):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = CaseReviewItemForm(request.POST, prefix=f"item{item.pk}")
    return small_form(
        request,
        form,
        lambda: services.case_review_item_save(item=item, by=request.user, **form.cleaned_data),
        success=_("Notes saved for %s.") % item.woman.known_as,
        done=reverse("casework:case_review", args=[item.meeting_id]),
        heading=_("Notes on %s") % item.woman.known_as,
    )
