"""Who may see and do what in getting involved: the one place these decisions are made.

- The manager and key workers run involvement: opportunities, the pathway, training,
  supervision, rotas and the exit questionnaires typed up from paper. Only the manager approves
  and pays expenses.
- A volunteer account reaches only what her roles need, decided afresh on every request from her
  *active* roles: her own rota and the shifts needing cover in her roles, the registers of the
  sessions she co-facilitates (activities' own volunteer rule, through the facilitator row her
  shift gives her), her own expenses and history, and the peer log if she is a peer mentor.
  Taking a back seat or stepping down ends that access at once: there is nothing to revoke.
- Nobody but staff sees another person's involvement; a volunteer never sees casework.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors and templates ask the capabilities and functions here.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from centre.access import can, capability, role_in, scope_to_centre
from centre.roles import KEY_WORKERS_AND_MANAGER, MANAGER_ONLY, VOLUNTEERS

from .models import SHIFT_ROLE, Expense, Helper, Opportunity, Placement, Shift

INVOLVEMENT_STAFF = KEY_WORKERS_AND_MANAGER


@capability("run_involvement")
def _run_involvement(request: HttpRequest) -> bool:
    """Opportunities, the pathway, training, supervision, rotas and exit questionnaires."""
    return role_in(request, INVOLVEMENT_STAFF)


@capability("approve_expenses")
def _approve_expenses(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("volunteer_here")
def _volunteer_here(request: HttpRequest) -> bool:
    """A volunteer account: her own page (what she does is decided by her active roles)."""
    return role_in(request, VOLUNTEERS)


@capability("keep_peer_log")
def _keep_peer_log(request: HttpRequest) -> bool:
    """A peer mentor while her role is active; staff read the log."""
    if role_in(request, INVOLVEMENT_STAFF):
        return True
    return Opportunity.Role.PEER_MENTOR in active_roles(request)


def own_helper(request: HttpRequest) -> Helper | None:
    """The helper record of the signed-in volunteer account in this centre, if any."""
    cache = request.__dict__.setdefault("_involvement", {})
    if "helper" not in cache:
        cache["helper"] = (
            scope_to_centre(Helper.objects.select_related("woman"), request)
            .filter(user_id=request.user.pk or 0)
            .first()
            if role_in(request, VOLUNTEERS)
            else None
        )
    return cache["helper"]


def active_roles(request: HttpRequest) -> frozenset[str]:
    """The roles the signed-in volunteer holds now (active placements only)."""
    cache = request.__dict__.setdefault("_involvement", {})
    if "roles" not in cache:
        helper = own_helper(request)
        cache["roles"] = frozenset(
            Placement.objects.filter(helper=helper, status=Placement.Status.ACTIVE).values_list(
                "opportunity__role", flat=True
            )
            if helper
            else []
        )
    return cache["roles"]


def visible_helpers(request: HttpRequest, helpers: QuerySet[Helper]) -> QuerySet[Helper]:
    """Staff see everyone helping at the centre; a volunteer only herself."""
    helpers = scope_to_centre(helpers, request)
    if can(request, "run_involvement"):
        return helpers
    helper = own_helper(request)
    return helpers.filter(pk=helper.pk) if helper else helpers.none()


def visible_shifts(request: HttpRequest, shifts: QuerySet[Shift]) -> QuerySet[Shift]:
    """Staff: the whole rota. A volunteer: her own shifts in the roles she holds now, and the
    shifts in those roles that someone has asked to swap (so she can take one)."""
    shifts = scope_to_centre(shifts, request)
    if can(request, "run_involvement"):
        return shifts
    helper = own_helper(request)
    kinds = [kind for kind, role in SHIFT_ROLE.items() if role in active_roles(request)]
    if helper is None or not kinds:
        return shifts.none()
    mine = shifts.filter(kind__in=kinds, helper=helper)
    cover = shifts.filter(kind__in=kinds, swap_asked_at__isnull=False).exclude(helper=helper)
    return mine | cover


def may_take_shift(request: HttpRequest, shift: Shift) -> bool:
    """A volunteer whose role covers this rota takes a shift someone asked to swap."""
    return (
        shift.swap_asked_at is not None
        and shift.role in active_roles(request)
        and shift.helper_id != getattr(own_helper(request), "pk", None)
    )


def is_own_shift(request: HttpRequest, shift: Shift) -> bool:
    helper = own_helper(request)
    return (
        helper is not None and shift.helper_id == helper.pk and shift.role in active_roles(request)
    )


def visible_expenses(request: HttpRequest, expenses: QuerySet[Expense]) -> QuerySet[Expense]:
    """The manager and key workers see every claim; a volunteer only her own."""
    expenses = scope_to_centre(expenses, request)
    if can(request, "run_involvement"):
        return expenses
    helper = own_helper(request)
    return expenses.filter(helper=helper) if helper else expenses.none()


def may_edit_expense(request: HttpRequest, expense: Expense) -> bool:
    """While it waits for approval: the manager, a key worker, or the woman who claimed it."""
    if expense.status != Expense.Status.CLAIMED:
        return False
    if can(request, "run_involvement"):
        return True
    helper = own_helper(request)
    return helper is not None and expense.helper_id == helper.pk


def may_claim_expenses(request: HttpRequest) -> bool:
    """A volunteer with a helper record claims for herself (any role, past or present: a woman
    is never out of pocket); staff claim on someone's behalf."""
    return can(request, "run_involvement") or own_helper(request) is not None


def may_read_helper_papers(request: HttpRequest, helper: Helper) -> bool:
    """Her certificate and printable history: staff, or she herself."""
    if helper.centre_id != getattr(request.centre, "pk", None):  # type: ignore[attr-defined]
        return False
    if can(request, "run_involvement"):
        return True
    own = own_helper(request)
    return own is not None and own.pk == helper.pk


def require_helper(request: HttpRequest, helper: Helper) -> None:
    """A 404 for anyone who may not see this person's involvement (never a 403: a volunteer
    does not learn who else helps)."""
    if not visible_helpers(request, Helper.objects.filter(pk=helper.pk)).exists():
        raise Http404
