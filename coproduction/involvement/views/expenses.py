"""Expenses: claims (versioned while they wait), the manager's decisions, receipts."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import can, roles_required, scope_to_centre
from centre.audit import audit_request
from centre.forms import form_try
from centre.roles import MANAGER_ONLY
from centre.versioning import save_versioned

from .. import access, selectors, services
from ..forms import (
    DecisionForm,
    ExpenseClaimForm,
    ExpenseForm,
)
from ..models import Expense, Helper
from ._common import EVERYONE_HERE, STAFF, _form_page, _posted, _private_file

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


@roles_required(EVERYONE_HERE)
@require_http_methods(["GET", "POST"])
def expense_new(request: HttpRequest) -> HttpResponse:
    if not access.may_claim_expenses(request):
        raise PermissionDenied
    staff = can(request, "run_involvement")
    helpers = scope_to_centre(Helper.objects.select_related("woman"), request) if staff else None
    form = ExpenseClaimForm(request.POST or None, request.FILES or None, helpers=helpers)
    if _posted(request, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        helper = data.pop("helper", None) or access.own_helper(request)
        if form_try(form, lambda: services.expense_claim(helper=helper, by=request.user, **data)):
            messages.success(request, _("The claim is sent for approval."))
            return redirect("involvement:expenses" if staff else "involvement:mine")
    back = reverse("involvement:expenses" if staff else "involvement:mine")
    return _form_page(
        request,
        form,
        title=_("Claim expenses"),
        back=back,
        intro=_(
            "Nobody should be out of pocket for helping. Claim travel, childcare and other costs."
        ),
        multipart=True,
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
        instance=Expense(centre=request.centre) if request.method == "POST" else expense,
    )
    conflict = None
    if _posted(request, form):
        saved, conflict = save_versioned(
            request,
            form,
            lambda: services.expense_update(
                expense=expense,
                expected_version=form.expected_version,
                data=form.cleaned_data,
                by=request.user,
            ),
            fields=services.EXPENSE_FIELDS,
        )
        if saved:
            messages.success(request, _("The claim is saved."))
            return redirect(
                "involvement:expenses" if can(request, "run_involvement") else "involvement:mine"
            )
    back = reverse(
        "involvement:expenses" if can(request, "run_involvement") else "involvement:mine"
    )
    return _form_page(
        request, form, title=_("Change a claim"), back=back, conflict=conflict, multipart=True
    )


def _decision(
    request: HttpRequest, pk: int, decide: Callable[..., Any], success: str, title: str
) -> HttpResponse:
    """A manager's decision on a claim, posted from the list. Refused (a reason too long, a date
    that is not one, someone else deciding first), it comes back on a page of its own with the
    reason she typed and the message, posting to the same address."""
    expense = selectors.get_expense_for_user(request, pk)
    form = DecisionForm(request.POST)
    conflict, status = None, None
    if form.is_valid():
        saved, conflict = save_versioned(
            request,
            form,
            lambda: decide(
                expense=expense,
                by=request.user,
                expected_version=form.expected_version,
                data=form.cleaned_data,
            ),
        )
        if saved:
            messages.success(request, success)
            return redirect("involvement:expenses")
        if conflict:
            status = 409  # decided or changed by someone else since she opened the list
    return _form_page(
        request,
        form,
        status=status,
        title=title,
        intro=str(expense.description),
        back=reverse("involvement:expenses"),
        conflict=conflict,
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
