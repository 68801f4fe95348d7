"""The caseload dashboard, the manager's team view and the not-heard-from list."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET

from centre.access import roles_required, scope_to_centre
from centre.audit import audit_request
from centre.roles import CASEWORK_ROLES, MANAGER_ONLY

from .. import selectors
from ..access import sees_whole_caseload
from ..forms import SearchForm
from ..models import OPEN_STAGES, Appointment, Woman
from ._common import audited_list


class CountedPaginator(Paginator):
    """A paginator told its count, when the page has counted the same rows already."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


@roles_required(CASEWORK_ROLES)
@require_GET
def caseload(request):
    """Her own caseload (everyone's, for the manager): women by stage, last contact, next
    appointment, overdue actions and reviews due. A fixed number of queries."""
    is_manager = sees_whole_caseload(request)
    mine = scope_to_centre(Woman.objects.all(), request).filter(stage__in=OPEN_STAGES)
    if not is_manager:
        mine = mine.filter(selectors.her_caseload_q(request))
    women = selectors.annotate_caseload(mine).order_by("first_name", "last_name")
    counts = selectors.stage_counts_for(mine, request.user)
    page = CountedPaginator(women, 50, count=counts.total).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "page": page,
        "stages": counts.stages,
        "is_manager": is_manager,
        "search_form": SearchForm(),
        "today": today,
        "threshold": request.centre.caseload_warning_threshold,
        "my_count": counts.held_by_worker,
        # A partner sees only the card for women whose agreement limits her: no dates or counts.
        "limited": selectors.limited_women_ids(request, [woman.pk for woman in page]),
        "today_appointments": list(
            Appointment.objects.filter(
                selectors.booked_on_q(today), centre=request.centre, woman__in=mine
            )
            .select_related("woman")
            .order_by("starts_at")[:20]
        ),
        "handovers": list(
            selectors.unread_handovers(request.user, request.centre).select_related("woman")[:20]
        ),
        "not_heard": list(
            selectors.not_heard_from(
                request.centre, key_worker=None if is_manager else request.user
            )[:10]
        ),
        "not_heard_days": request.centre.not_heard_from_days,
    }
    audit_request(request, "casework.caseload.view")
    return render(request, "casework/caseload.html", context)


@roles_required(MANAGER_ONLY)
@require_GET
def team(request):
    """The manager's view: caseloads per key worker against the threshold, and unallocated women."""
    counts = selectors.caseload_counts(request.centre)
    unallocated = list(
        Woman.objects.filter(
            centre=request.centre, stage__in=OPEN_STAGES, key_worker__isnull=True
        ).order_by("created_at")[:50]
    )
    all_open = Woman.objects.filter(centre=request.centre, stage__in=OPEN_STAGES)
    audit_request(request, "casework.team.view")
    return render(
        request,
        "casework/team.html",
        {
            "counts": counts,
            "threshold": request.centre.caseload_warning_threshold,
            "unallocated": unallocated,
            "stages": selectors.stage_counts(Woman.objects.filter(centre=request.centre)),
            "open_total": all_open.count(),
            "not_heard_total": selectors.not_heard_from(request.centre).count(),
        },
    )


@roles_required(CASEWORK_ROLES)
@require_GET
def not_heard_from(request):
    """Women with no successful contact for more than the centre's N days, to drive outreach."""
    is_manager = sees_whole_caseload(request)
    women = selectors.not_heard_from(
        request.centre, key_worker=None if is_manager else request.user
    )
    return audited_list(
        request,
        women,
        "casework.not_heard_from.view",
        "casework/not_heard_from.html",
        days=request.centre.not_heard_from_days,
        is_manager=is_manager,
    )
