"""Getting involved's pages: the staff pages under /involvement/, a volunteer's own page at
/involvement/mine/, and two tablet pages (the exit questionnaire and "I'd like to help")."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from activities.models import Session
from casework.selectors import NeedsBreakGlass, get_woman_for_user
from centre.access import can, require, roles_required, scope_to_centre
from centre.audit import audit_request
from centre.documents.services import Coverage, document_render, document_unsaved
from centre.documents.views import document_bytes_response
from centre.forms import add_service_errors
from centre.models import User
from centre.roles import KEY_WORKERS_AND_MANAGER, MANAGER_ONLY, VOLUNTEERS
from centre.versioning import EditConflict, save_versioned
from coproduction.kiosk.access import kiosk_settings, tablet_page
from coproduction.kiosk.services import kiosk_allowance_take

from . import access, selectors, services
from .documents import CERTIFICATE, HISTORY
from .forms import (
    AccountForm,
    AssignForm,
    DecisionForm,
    ExitPaperForm,
    ExpenseClaimForm,
    ExpenseForm,
    InterestForm,
    MoveForm,
    OpportunityForm,
    PeerConversationForm,
    ShiftForm,
    StepForm,
    SupervisionForm,
    TabletExitForm,
    TabletInterestForm,
    TrainingForm,
    WorryForm,
)
from .models import ExitQuestionnaire, Expense, Helper, Opportunity, Placement, Step, Training

STAFF = KEY_WORKERS_AND_MANAGER
EVERYONE_HERE = KEY_WORKERS_AND_MANAGER | VOLUNTEERS


def _form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    back: str,
    intro: str = "",
    conflict: Any = None,
    multipart: bool = False,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "back": back,
        "intro": intro,
        "conflict": conflict,
        "multipart": multipart,
    }
    return render(request, "involvement/form.html", context, status=400 if form.errors else 200)


def _try(form: Form, save: Callable[[], Any]) -> Any:
    """Run a service; its ValidationError goes onto the form (nothing typed is lost)."""
    try:
        return save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def _posted(request: HttpRequest, form: Form) -> bool:
    return request.method == "POST" and form.is_valid()


def _quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


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
        "asking": selectors.women_asking_to_help(request),
        "alumni": selectors.alumni(request),
        "numbers": numbers,
        "quarter_start": start,
        "step_rows": [(label, numbers["steps"][value]) for value, label in Step.choices],
        "waiting": selectors.expenses_for(request).filter(status=Expense.Status.CLAIMED).count(),
        "worries": selectors.open_worries(request).filter(taken_at__isnull=True).count(),
    }
    return render(request, "involvement/index.html", context)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest) -> HttpResponse:
    form = OpportunityForm(request.POST or None)
    if _posted(request, form) and _try(
        form, lambda: services.opportunity_save(centre=request.centre, data=form.cleaned_data)
    ):
        messages.success(request, _("The role is saved."))
        return redirect("involvement:index")
    return _form_page(request, form, title=_("Offer a role"), back=reverse("involvement:index"))


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.get_opportunity_for_user(request, pk)
    form = OpportunityForm(
        request.POST or None,
        instance=Opportunity(centre=request.centre) if request.method == "POST" else opportunity,
    )
    if _posted(request, form) and _try(
        form,
        lambda: services.opportunity_save(
            centre=request.centre, data=form.cleaned_data, opportunity=opportunity
        ),
    ):
        messages.success(request, _("The role is saved."))
        return redirect("involvement:index")
    return _form_page(request, form, title=opportunity.title, back=reverse("involvement:index"))


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
    if _posted(request, form):
        data = form.cleaned_data
        placement = _try(
            form,
            lambda: services.interest_record(
                centre=request.centre,
                opportunity=data["opportunity"],
                source=Placement.Source.KEY_WORKER if data["woman"] else Placement.Source.COMMUNITY,
                by=request.user,
                woman=data["woman"],
                name=data["name"],
                contact=data["contact"],
                note=data["note"],
            ),
        )
        if placement:
            messages.success(request, _("Her interest is recorded."))
            return redirect("involvement:helper", pk=placement.helper_id)
    return _form_page(
        request,
        form,
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


@roles_required(STAFF)
@require_POST
def placement_move(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.get_placement_for_user(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where she is moving to."))
        return redirect("involvement:helper", pk=placement.helper_id)
    data = form.cleaned_data
    try:
        services.placement_move(
            placement=placement,
            to_status=data["to_status"],
            by=request.user,
            note=data["note"],
            disclosure_check_on=data["disclosure_check_on"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Her pathway is updated."))
    return redirect("involvement:helper", pk=placement.helper_id)


@roles_required(MANAGER_ONLY)
@require_POST
def helper_account(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = AccountForm(request.POST, accounts=_volunteer_accounts(request))
    if not form.is_valid():
        messages.error(request, _("Choose a volunteer account of this centre."))
        return redirect("involvement:helper", pk=helper.pk)
    try:
        services.helper_link_account(helper=helper, user=form.cleaned_data["user"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Her volunteer account is saved."))
    return redirect("involvement:helper", pk=helper.pk)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = TrainingForm(request.POST or None, request.FILES or None)
    if _posted(request, form) and _try(
        form, lambda: services.training_record(helper=helper, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("The training is recorded."))
        return redirect("involvement:helper", pk=helper.pk)
    back = reverse("involvement:helper", args=[helper.pk])
    return _form_page(request, form, title=_("Record training"), back=back, multipart=True)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def supervision_add(request: HttpRequest, pk: int) -> HttpResponse:
    helper = selectors.get_helper_for_user(request, pk)
    form = SupervisionForm(request.POST or None)
    if _posted(request, form) and _try(
        form,
        lambda: services.supervision_record(
            helper=helper, supervisor=request.user, **form.cleaned_data
        ),
    ):
        messages.success(request, _("The one-to-one is recorded."))
        return redirect("involvement:helper", pk=helper.pk)
    back = reverse("involvement:helper", args=[helper.pk])
    return _form_page(request, form, title=_("Record a one-to-one"), back=back)


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


def _private_file(field: Any) -> FileResponse:
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "no-store"
    return response


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A step on her continuum, from her record (her key worker or the manager)."""
    try:
        woman, _level = get_woman_for_user(request, pk)
    except NeedsBreakGlass:
        raise PermissionDenied from None
    form = StepForm(request.POST or None)
    if _posted(request, form) and _try(
        form, lambda: services.step_record(woman=woman, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("The step is recorded."))
        return redirect("casework:woman", pk=woman.pk)
    back = reverse("casework:woman", args=[woman.pk])
    return _form_page(
        request,
        form,
        title=_("Record a step in getting involved"),
        back=back,
        intro=_("Involvement is her choice and never a condition of support."),
    )


# --- Rotas ------------------------------------------------------------------------------------


def _active_helpers(request: HttpRequest):
    return (
        scope_to_centre(Helper.objects.select_related("woman"), request)
        .filter(placements__status=Placement.Status.ACTIVE)
        .distinct()
    )


@roles_required(STAFF)
@require_GET
def rota(request: HttpRequest) -> HttpResponse:
    try:
        start = date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        start = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    end = start + timedelta(days=27)
    context = {
        "shifts": selectors.rota(request, start, end),
        "start": start,
        "end": end,
        "earlier": start - timedelta(days=28),
        "later": start + timedelta(days=28),
    }
    return render(request, "involvement/rota.html", context)


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def shift_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    sessions = (
        scope_to_centre(Session.objects.select_related("activity"), request)
        .filter(
            date__gte=today, date__lte=today + timedelta(days=90), status=Session.Status.SCHEDULED
        )
        .order_by("date", "start_time")
    )
    form = ShiftForm(request.POST or None, sessions=sessions, helpers=_active_helpers(request))
    if _posted(request, form) and _try(
        form, lambda: services.shift_create(centre=request.centre, **form.cleaned_data)
    ):
        messages.success(request, _("The shift is on the rota."))
        return redirect("involvement:rota")
    return _form_page(request, form, title=_("Add a shift"), back=reverse("involvement:rota"))


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def shift_assign(request: HttpRequest, pk: int) -> HttpResponse:
    shift = selectors.get_shift_for_user(request, pk)
    form = AssignForm(
        request.POST or None, initial={"helper": shift.helper_id}, helpers=_active_helpers(request)
    )
    if _posted(request, form) and _try(
        form,
        lambda: services.shift_assign(
            shift=shift, helper=form.cleaned_data["helper"], by=request.user
        ),
    ):
        messages.success(request, _("The rota is updated."))
        return redirect("involvement:rota")
    title = _("Who is on this shift")
    return _form_page(request, form, title=f"{title}: {shift}", back=reverse("involvement:rota"))


@roles_required(STAFF)
@require_POST
def shift_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    shift = selectors.get_shift_for_user(request, pk)
    services.shift_cancel(shift=shift, by=request.user)
    messages.success(request, _("The shift is cancelled."))
    return redirect("involvement:rota")


@roles_required(VOLUNTEERS)
@require_POST
def shift_swap(request: HttpRequest, pk: int) -> HttpResponse:
    """She can't make it: others in her role see it needs cover."""
    shift = selectors.get_shift_for_user(request, pk)
    if not access.is_own_shift(request, shift):
        raise Http404
    try:
        services.shift_swap_ask(shift=shift, helper=access.own_helper(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Thanks for letting us know. You stay on it until someone takes it.")
        )
    return redirect("involvement:mine")


@roles_required(VOLUNTEERS)
@require_POST
def shift_take(request: HttpRequest, pk: int) -> HttpResponse:
    shift = selectors.get_shift_for_user(request, pk)
    if not access.may_take_shift(request, shift):
        raise Http404
    try:
        services.shift_take(shift=shift, helper=access.own_helper(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The shift is yours. Thank you."))
    return redirect("involvement:mine")


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
        if _try(form, lambda: services.expense_claim(helper=helper, by=request.user, **data)):
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
    request: HttpRequest, pk: int, decide: Callable[..., Any], success: str
) -> HttpResponse:
    expense = selectors.get_expense_for_user(request, pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        decide(
            expense=expense,
            by=request.user,
            expected_version=form.expected_version,
            data=form.cleaned_data,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except EditConflict:
        messages.error(request, _("The claim changed while you were reading it. Look at it again."))
    else:
        messages.success(request, success)
    return redirect("involvement:expenses")


@roles_required(MANAGER_ONLY)
@require_POST
def expense_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_approve(**kw),
        _("The claim is approved."),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def expense_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_reject(reason=data.get("reason", ""), **kw),
        _("The claim is marked not approved, with your reason."),
    )


@roles_required(MANAGER_ONLY)
@require_POST
def expense_pay(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision(
        request,
        pk,
        lambda data, **kw: services.expense_mark_paid(paid_on=data.get("paid_on"), **kw),
        _("The claim is marked paid."),
    )


@roles_required(EVERYONE_HERE)
@require_GET
def expense_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    expense = selectors.get_expense_for_user(request, pk)
    if not expense.receipt:
        raise Http404
    audit_request(request, "involvement.expense.receipt", obj=expense)
    return _private_file(expense.receipt)


# --- Worries and the peer log -----------------------------------------------------------------


@roles_required(STAFF)
@require_GET
def worries(request: HttpRequest) -> HttpResponse:
    return render(
        request, "involvement/worries.html", {"worries": selectors.open_worries(request)[:100]}
    )


@roles_required(STAFF)
@require_POST
def worry_take(request: HttpRequest, pk: int) -> HttpResponse:
    worry = selectors.get_worry_for_user(request, pk)
    if services.worry_take(worry=worry, by=request.user):
        messages.success(request, _("You have taken this on."))
    else:
        messages.info(request, _("Someone has already taken this on."))
    return redirect("involvement:worries")


def _peer_mentor(request: HttpRequest) -> Helper:
    """The signed-in peer mentor's own record; anyone else (or a role that ended) is refused."""
    helper = access.own_helper(request)
    if helper is None or not can(request, "keep_peer_log"):
        raise PermissionDenied
    return helper


@roles_required(VOLUNTEERS)
@require_http_methods(["GET", "POST"])
def worry_new(request: HttpRequest) -> HttpResponse:
    helper = _peer_mentor(request)
    form = WorryForm(request.POST or None)
    if _posted(request, form) and _try(
        form, lambda: services.worry_hand_over(helper=helper, text=form.cleaned_data["text"])
    ):
        messages.success(request, _("A member of staff has your worry and will pick it up today."))
        return redirect("involvement:mine")
    return _form_page(
        request,
        form,
        title=_("Hand a worry to staff"),
        back=reverse("involvement:mine"),
        intro=_(
            "You are not a case worker: if something worries you, hand it over here and staff take it on."
        ),
    )


@roles_required(EVERYONE_HERE)
@require_GET
def peer_log(request: HttpRequest) -> HttpResponse:
    require(request, "keep_peer_log")
    return render(
        request, "involvement/peer_log.html", {"entries": selectors.peer_log(request)[:200]}
    )


@roles_required(VOLUNTEERS)
@require_http_methods(["GET", "POST"])
def peer_log_new(request: HttpRequest) -> HttpResponse:
    helper = _peer_mentor(request)
    form = PeerConversationForm(request.POST or None)
    if _posted(request, form) and _try(
        form, lambda: services.peer_conversation_log(helper=helper, **form.cleaned_data)
    ):
        messages.success(request, _("The conversation is logged."))
        return redirect("involvement:peer_log")
    return _form_page(
        request,
        form,
        title=_("Log a peer conversation"),
        back=reverse("involvement:peer_log"),
        intro=_("Write the theme and what came of it. No names and no case details."),
    )


# --- Exit questionnaires ----------------------------------------------------------------------


@roles_required(STAFF)
@require_GET
def exits(request: HttpRequest) -> HttpResponse:
    """Named answers show her name only to her key worker and the manager (anonymous to other
    staff, as a questionnaire is about her support)."""
    answers = list(selectors.exit_questionnaires(request)[:200])
    for answer in answers:
        answer.shown_name = selectors.exit_name_for(request, answer)
    return render(request, "involvement/exits.html", {"answers": answers})


@roles_required(STAFF)
@require_http_methods(["GET", "POST"])
def exit_new(request: HttpRequest) -> HttpResponse:
    form = ExitPaperForm(request.POST or None, women=selectors.women_for_staff(request))
    if _posted(request, form) and _try(
        form,
        lambda: services.exit_questionnaire_record(
            centre=request.centre,
            source=ExitQuestionnaire.Source.PAPER,
            by=request.user,
            **form.cleaned_data,
        ),
    ):
        messages.success(request, _("Her answers are saved."))
        return redirect("involvement:exits")
    return _form_page(
        request,
        form,
        title=_("Type up a paper exit questionnaire"),
        back=reverse("involvement:exits"),
    )


# --- A volunteer's own pages ------------------------------------------------------------------


@roles_required(VOLUNTEERS)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "involvement/mine.html", selectors.volunteer_page(request))


def _papers(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    helper = Helper.objects.filter(pk=pk, centre=request.centre).first() if request.centre else None
    if helper is None or not access.may_read_helper_papers(request, helper):
        raise Http404
    document = document_unsaved(centre=request.centre, kind=kind, coverage=Coverage(obj=helper))
    pdf, _summary = document_render(document)
    return document_bytes_response(request, document, pdf)


@roles_required(EVERYONE_HERE)
@require_GET
def helper_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    return _papers(request, pk, CERTIFICATE)


@roles_required(EVERYONE_HERE)
@require_GET
def helper_history(request: HttpRequest, pk: int) -> HttpResponse:
    return _papers(request, pk, HISTORY)


# --- The tablet -------------------------------------------------------------------------------


def _tablet_render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(
        request,
        f"involvement/tablet/{template}",
        {"kiosk": kiosk_settings(), **context},
        status=status,
    )


@tablet_page
@require_http_methods(["GET", "POST"])
def tablet_exit(request: HttpRequest) -> HttpResponse:
    """Moving on: a short questionnaire, anonymous unless she gives her first name."""
    form = TabletExitForm(request.POST if request.method == "POST" else None)
    if _posted(request, form):
        if not kiosk_allowance_take(tablet=request.tablet):  # type: ignore[attr-defined]
            return _tablet_render(request, "exit.html", {"form": form, "resting": True}, status=429)
        services.exit_questionnaire_record(
            centre=request.kiosk_centre,  # type: ignore[attr-defined]
            source=ExitQuestionnaire.Source.TABLET,
            **form.cleaned_data,
        )
        return _tablet_render(request, "thanks.html", {"exit": True})
    return _tablet_render(request, "exit.html", {"form": form}, status=400 if form.errors else 200)


@tablet_page
@require_http_methods(["GET", "POST"])
def tablet_interest(request: HttpRequest) -> HttpResponse:
    """ "I'd like to help": the roles on offer, and her first name so staff can talk to her."""
    centre = request.kiosk_centre  # type: ignore[attr-defined]
    offered = Opportunity.objects.filter(centre=centre, is_open=True)
    form = TabletInterestForm(
        request.POST if request.method == "POST" else None, opportunities=offered
    )
    if _posted(request, form):
        if not kiosk_allowance_take(tablet=request.tablet):  # type: ignore[attr-defined]
            return _tablet_render(
                request,
                "interest.html",
                {"form": form, "resting": True, "offered": offered},
                status=429,
            )
        data = form.cleaned_data
        services.interest_record(
            centre=centre,
            opportunity=data["opportunity"],
            source=Placement.Source.TABLET,
            by=None,
            name=data["first_name"],
            contact=data["contact"],
        )
        return _tablet_render(request, "thanks.html", {"exit": False})
    return _tablet_render(
        request,
        "interest.html",
        {"form": form, "offered": offered},
        status=400 if form.errors else 200,
    )
