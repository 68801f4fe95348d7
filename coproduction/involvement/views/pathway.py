"""The pathway: roles on offer, interest, her page, moves, training, one-to-ones, steps on her continuum."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casework.selectors import NeedsBreakGlass, get_woman_for_user
from centre.access import roles_required, scope_to_centre
from centre.audit import audit_request
from centre.models import User
from centre.pages import form_view
from centre.roles import MANAGER_ONLY, VOLUNTEERS

from .. import access, selectors, services
from ..forms import (
    AccountForm,
    InterestForm,
    MoveForm,
    OpportunityForm,
    StepForm,
    SupervisionForm,
    TrainingForm,
)
from ..models import Expense, Helper, Opportunity, Placement, Step, Training
from ._common import STAFF, _form_instance, _private_file, _quarter_start

# --- The staff pages --------------------------------------------------------------------------


@roles_required(STAFF)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = _quarter_start(today)
    numbers = selectors.quarter_numbers(request.centre, start, today)
    context = {
        "pathway": selectors.pathway(request),
        "opportunities": selectors.opportunities(request),
        "asking": selectors.women_asking_to_help(request)[:50],
        "alumni": selectors.alumni(request),
        "numbers": numbers,
        "quarter_start": start,
        "step_rows": [(label, numbers["steps"][value]) for value, label in Step.choices],
        "waiting": selectors.expenses_for(request).filter(status=Expense.Status.CLAIMED).count(),
        "worries": selectors.open_worries(request).filter(taken_at__isnull=True).count(),
    }
    return render(request, "involvement/index.html", context)


def _opportunity_page(
    request: HttpRequest, opportunity: Opportunity | None, title: str
) -> HttpResponse:
    """Offer a role, or change one: the same form and the same service."""
    form = OpportunityForm(
        request.POST or None,
        instance=_form_instance(request, Opportunity, opportunity),
    )
    return form_view(
        request,
        form,
        lambda: services.opportunity_save(
            centre=request.centre, data=form.cleaned_data, opportunity=opportunity
        ),
        success=_("The role is saved."),
        done="involvement:index",
        title=title,
        back=reverse("involvement:index"),
    )


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest) -> HttpResponse:
    return _opportunity_page(request, None, _("Offer a role"))


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for_user(request, pk)
    return _opportunity_page(request, opportunity, opportunity.title)


def _open_opportunities(request: HttpRequest):
    return scope_to_centre(Opportunity.objects.filter(is_open=True), request)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def interest_new(request: HttpRequest) -> HttpResponse:
    """Her key worker records that she would like to help (or staff add a community volunteer)."""
    women = selectors.women_for_staff(request)
    initial = {"woman": request.GET.get("woman")} if request.GET.get("woman", "").isdigit() else {}
    form = InterestForm(
        request.POST or None,
        initial=initial,
        opportunities=_open_opportunities(request),
        women=women,
    )

    def record() -> Placement:
        data = form.cleaned_data
        return services.interest_record(
            centre=request.centre,
            opportunity=data["opportunity"],
            source=Placement.Source.KEY_WORKER if data["woman"] else Placement.Source.COMMUNITY,
            by=request.user,
            woman=data["woman"],
            name=data["name"],
            contact=data["contact"],
            note=data["note"],
        )

    return form_view(
        request,
        form,
        record,
        success=_("Her interest is recorded."),
        done=lambda placement: reverse("involvement:helper", args=[placement.helper_id]),
        title=_("Record an interest in helping"),
        back=reverse("involvement:index"),
        intro=_("Helping is always her choice and never a condition of her support."),
    )


@roles_required(STAFF)
@require_GET
def helper_detail(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    audit_request(request, "involvement.helper.view", obj=helper)
    context = selectors.helper_context(helper)
    context.update(
        {
            "move_form": MoveForm(),
            "account_form": AccountForm(
                initial={"user": helper.user_id}, accounts=_volunteer_accounts(request)
            ),
        }
    )
    return render(request, "involvement/helper_detail.html", context)


def _volunteer_accounts(request: HttpRequest):
    return User.objects.filter(
        memberships__centre=request.centre,
        memberships__role__in=VOLUNTEERS,
        memberships__is_active=True,
    ).order_by("first_name", "username")


def _about_her(
    request: HttpRequest,
    helper_id: int,
    form: Form,
    save: Callable[[], Any],
    *,
    success: str,
    title: str,
) -> HttpResponse:
    """A form about her (a move, her account, training, a one-to-one), reached from her page:
    once saved, and for Back, her page is where it goes."""
    back = reverse("involvement:helper", args=[helper_id])
    return form_view(request, form, save, success=success, done=back, title=title, back=back)


@roles_required(STAFF)
@require_POST
def placement_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move her on the pathway, posted from her page; refused, the form comes back on a page of
    its own with her note and the message."""
    placement = selectors.get_placement_for_user(request, pk)
    form = MoveForm(request.POST)
    return _about_her(
        request,
        placement.helper_id,
        form,
        lambda: services.placement_move(
            placement=placement,
            to_status=form.cleaned_data["to_status"],
            by=request.user,
            note=form.cleaned_data["note"],
            disclosure_check_on=form.cleaned_data["disclosure_check_on"],
        ),
        success=_("Her pathway is updated."),
        title=_("Move her on the pathway"),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def helper_account(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = AccountForm(request.POST, accounts=_volunteer_accounts(request))
    return _about_her(
        request,
        helper.pk,
        form,
        lambda: services.helper_link_account(
            helper=helper, user=form.cleaned_data["user"], by=request.user
        ),
        success=_("Her volunteer account is saved."),
        title=_("Her volunteer account"),
    )


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = TrainingForm(request.POST or None, request.FILES or None)
    return _about_her(
        request,
        helper.pk,
        form,
        lambda: services.training_record(helper=helper, by=request.user, **form.cleaned_data),
        success=_("The training is recorded."),
        title=_("Record training"),
    )


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def supervision_add(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = SupervisionForm(request.POST or None)
    return _about_her(
        request,
        helper.pk,
        form,
        lambda: services.supervision_record(
            helper=helper, supervisor=request.user, **form.cleaned_data
        ),
        success=_("The one-to-one is recorded."),
        title=_("Record a one-to-one"),
    )


@roles_required(STAFF)
@require_GET
def training_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """The certificate she brought in (an upload), for staff only."""
    helper_ids = access.visible_helpers(request, Helper.objects.all()).values("pk")
    training = scope_to_centre(
        Training.objects.filter(helper__in=helper_ids, pk=pk), request
    ).first()
    if training is None or not training.certificate:
        raise Http404
    audit_request(request, "involvement.training.certificate", obj=training)
    return _private_file(training.certificate)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A step on her continuum, from her record (her key worker or the manager)."""
    try:
        woman, _level = get_woman_for_user(request, pk)
    except NeedsBreakGlass:
        raise PermissionDenied from None
    form = StepForm(request.POST or None)
    back = reverse("casework:woman", args=[woman.pk])
    return form_view(
        request,
        form,
        lambda: services.step_record(woman=woman, by=request.user, **form.cleaned_data),
        success=_("The step is recorded."),
        done=back,
        title=_("Record a step in getting involved"),
        back=back,
        intro=_("Involvement is her choice and never a condition of support."),
    )
