"""Referrals in, decisions, and the report by source and referrer."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import can, roles_required
from centre.audit import audit_request
from centre.roles import CASEWORK_ROLES

from .. import selectors, services
from ..forms import PeriodForm, ReferralDecisionForm, ReferralForm
from ..models import Referral
from ._common import audited_list, form_save


@roles_required(CASEWORK_ROLES)
@require_GET
def referral_list(request):
    referrals = selectors.referrals_for_user(request).select_related(
        "referrer_agency", "woman", "decided_by"
    )
    decision = request.GET.get("decision")
    if decision in Referral.Decision.values:
        referrals = referrals.filter(decision=decision)
    return audited_list(
        request,
        referrals,
        "casework.referral.list",
        "casework/referral_list.html",
        decisions=Referral.Decision.choices,
        decision=decision,
    )


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
def referral_new(request):
    form = ReferralForm(request.POST or None, centre=request.centre)
    saved, referral = form_save(
        request,
        form,
        lambda: services.referral_create(
            centre=request.centre, data=form.cleaned_data, by=request.user
        ),
        _("Referral recorded. It is waiting for a decision."),
    )
    if saved:
        if can(request, "triage_referrals"):
            return redirect("casework:referral", pk=referral.pk)
        return redirect("casework:referrals")
    return render(
        request,
        "casework/form_page.html",
        {"form": form, "heading": _("New referral"), "multipart": False},
    )


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
def referral_detail(request, pk):
    """The referral; the manager decides it, with a reason, and accepting opens her record.
    Pending ones are read by those who triage; hers, once she has a record, under the record
    policy. Every read is logged against her, with the grounds."""
    may_decide = can(request, "decide_referrals")
    referral, grounds = selectors.get_referral_for_user(
        request, pk, may_change=request.method == "GET" or may_decide
    )
    form = ReferralDecisionForm(request.POST or None, centre=request.centre)
    saved, decided = form_save(
        request,
        form,
        lambda: services.referral_decide(referral=referral, by=request.user, **form.cleaned_data),
    )
    if saved:
        referral = decided
        if referral.woman_id:
            messages.success(request, _("Referral accepted: her record is open."))
            return redirect("casework:woman", pk=referral.woman_id)
        messages.success(request, _("Decision recorded."))
        return redirect("casework:referral", pk=referral.pk)
    if request.method == "GET":
        audit_request(
            request,
            "casework.referral.view",
            obj=referral,
            grounds=grounds,
            woman_id=referral.woman_id,
        )
    return render(
        request,
        "casework/referral_detail.html",
        {
            "referral": referral,
            "form": form,
            "may_decide": may_decide,
        },
    )


@roles_required(CASEWORK_ROLES)
@require_GET
def referral_report(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = selectors.referral_report(request.centre, start, end)
    audit_request(request, "casework.referral.report")
    return render(
        request,
        "casework/referral_report.html",
        {"form": form, "report": report, "start": start, "end": end},
    )
