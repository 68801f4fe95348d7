"""Referrals in, decisions, and the report by source and referrer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import can, roles_required
from centre.audit import audit_request
from centre.pages import form_view, refusal_said, run_form
from centre.roles import CASEWORK_ROLES

from .. import selectors, services
from ..access import may_answer_offer
from ..forms import OFFER, PeriodForm, ReferralDecisionForm, ReferralForm, ReferralOfferAnswerForm
from ..models import Referral
from ._common import audited_list


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
    return form_view(
        request,
        form,
        lambda: services.referral_create(
            centre=request.centre, data=form.cleaned_data, by=request.user
        ),
        success=_("Referral recorded. It is waiting for a decision."),
        # Those who triage go on to decide it; the others back to the list.
        done=lambda referral: (
            reverse("casework:referral", args=[referral.pk])
            if can(request, "triage_referrals")
            else "casework:referrals"
        ),
        title=_("New referral"),
        back=reverse("casework:referrals"),
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
    saved = run_form(request, form, lambda: _decide(referral, form, request.user))
    if saved:
        referral = saved.result
        if referral.offered_to_id and referral.decision == Referral.Decision.PENDING:
            messages.success(request, _("Offered: it waits for her answer on her home page."))
            return redirect("casework:referral", pk=referral.pk)
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
            "may_answer": may_answer_offer(request, referral),
        },
    )


def _decide(referral, form, by):
    data = form.cleaned_data
    if data["decision"] == OFFER:
        return services.referral_offer(referral=referral, key_worker=data["key_worker"], by=by)
    return services.referral_decide(referral=referral, by=by, **data)


@roles_required(CASEWORK_ROLES)
def referral_answer(request, pk):
    """The key worker accepts (her record opens, with her as key worker) or declines (with a
    reason) a referral offered to her, from her home page or the referral. POST only, checked
    after the fetch so another centre's referral is a 404 whatever the method."""
    referral, _grounds = selectors.get_referral_for_user(request, pk)
    if not may_answer_offer(request, referral):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ReferralOfferAnswerForm(request.POST)
    accept = form.is_valid() and form.cleaned_data["answer"] == "accept"
    saved = run_form(
        request,
        form,
        lambda: services.referral_offer_answer(
            referral=referral, accept=accept, reason=form.cleaned_data["reason"], by=request.user
        ),
    )
    if saved and saved.result.woman_id:
        messages.success(request, _("Accepted: you are her key worker and her record is open."))
        return redirect("casework:woman", pk=saved.result.woman_id)
    if saved:
        messages.success(request, _("Declined: it has gone back to be offered again."))
    else:
        refusal_said(request, form)
    return redirect("home")


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
