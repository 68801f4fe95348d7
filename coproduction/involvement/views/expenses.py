"""Expenses: claims (versioned while they wait), the manager's decisions, receipts."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import can, roles_required, scope_to_centre
from centre.audit import audit_request
from centre.pages import form_view
from centre.roles import MANAGER_ONLY

from .. import access, selectors, services
from ..forms import (
    DecisionForm,
    ExpenseClaimForm,
    ExpenseForm,
)
from ..models import Expense, Helper
from ._common import EVERYONE_HERE, STAFF, _form_instance, _private_file

# --- Expenses ---------------------------------------------------------------------------------


@roles_required(STAFF)
@require_GET
def expenses(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    claims = selectors.expenses_for(request)
    shown = claims.filter(status=status) if status in Expense.Status.values else claims
    context = {
        "expenses": shown[:200],
        "totals": selectors.expense_totals(claims),
        "status": status,
        "statuses": Expense.Status.choices,
        "decision_form": DecisionForm(),
    }
    return render(request, "involvement/expenses.html", context)


def _claims_page(request: HttpRequest) -> str:
    """Where claims are listed for this person: the staff list, or a volunteer's own page."""
    return "involvement:expenses" if can(request, "run_involvement") else "involvement:mine"


@roles_required(EVERYONE_HERE)
@require_http_methods(["GET", "POST"])
def expense_new(request: HttpRequest) -> HttpResponse:
    if not access.may_claim_expenses(request):
        raise PermissionDenied
    staff = can(request, "run_involvement")
    helpers = scope_to_centre(Helper.objects.select_related("woman"), request) if staff else None
    form = ExpenseClaimForm(request.POST or None, request.FILES or None, helpers=helpers)

    def claim() -> Expense:
        data = dict(form.cleaned_data)
        data.pop("version", None)
        helper = data.pop("helper", None) or access.own_helper(request)
        return services.expense_claim(helper=helper, by=request.user, **data)

    return form_view(
        request,
        form,
        claim,
        success=_("The claim is sent for approval."),
        done=_claims_page(request),
        title=_("Claim expenses"),
        back=reverse(_claims_page(request)),
        intro=_(
            "Nobody should be out of pocket for helping. Claim travel, childcare and other costs."
        ),
    )


@roles_required(EVERYONE_HERE)
@require_http_methods(["GET", "POST"])
def expense_edit(request: HttpRequest, pk: int) -> HttpResponse:
    expense = selectors.get_expense_for_user(request, pk)
    if not access.may_edit_expense(request, expense):
        raise PermissionDenied
    form = ExpenseForm(
        request.POST or None,
        request.FILES or None,
        instance=_form_instance(request, Expense, expense),
    )
    return form_view(
        request,
        form,
        lambda: services.expense_update(
            expense=expense,
            expected_version=form.expected_version,
            data=form.cleaned_data,
            by=request.user,
        ),
        fields=services.EXPENSE_FIELDS,
        success=_("The claim is saved."),
        done=_claims_page(request),
        title=_("Change a claim"),
        back=reverse(_claims_page(request)),
    )


def _decision(
    request: HttpRequest, pk: int, decide: Callable[..., Any], success: str, title: str
) -> HttpResponse:
    """A manager's decision on a claim, posted from the list. Refused (a reason too long, a date
    that is not one, someone else deciding first), it comes back on a page of its own with the
    reason she typed and the message, posting to the same address."""
    expense = selectors.get_expense_for_user(request, pk)
    form = DecisionForm(request.POST)
    return form_view(
        request,
        form,
        lambda: decide(
            expense=expense,
            by=request.user,
            expected_version=form.expected_version,
            data=form.cleaned_data,
        ),
        success=success,
        done="involvement:expenses",
        title=title,
        intro=str(expense.description),
        back=reverse("involvement:expenses"),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def expense_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_approve(**kw),
        _("The claim is approved."),
        _("Approve a claim"),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def expense_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_reject(reason=data.get("reason", ""), **kw),
        _("The claim is marked not approved, with your reason."),
        _("Not approving a claim"),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def expense_pay(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_mark_paid(paid_on=data.get("paid_on"), **kw),
        _("The claim is marked paid."),
        _("Mark a claim paid"),
    )


@roles_required(EVERYONE_HERE)
@require_GET
def expense_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    expense = selectors.get_expense_for_user(request, pk)
    if not expense.receipt:
        raise Http404
    audit_request(request, "involvement.expense.receipt", obj=expense)
    return _private_file(expense.receipt)
