"""The work on her record: contacts, appointments, needs, plan, reviews, distance travelled,
justice, alerts, consent and move-on."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import roles_required
from centre.pages import button_run, run_form
from centre.roles import CASEWORK_ROLES

from .. import selectors, services
from ..access import Part
from ..charts import distance_travelled_svg, series_from_ratings
from ..forms import (
    ActionForm,
    AlertForm,
    AppointmentForm,
    AppointmentOutcomeForm,
    BreachForm,
    ConsentForm,
    CourtDateForm,
    GoalForm,
    IntakeRatingsForm,
    JusticeOrderForm,
    MoveOnForm,
    NeedForm,
    PlanForm,
    ReferralOutForm,
    ReviewEditForm,
    ReviewForm,
)
from ..models import (
    Action,
    Alert,
    Appointment,
    Breach,
    CourtDate,
    Domain,
    Goal,
    JusticeOrder,
    MoveOnPlan,
    Need,
    ReferralOut,
    Review,
    SharePart,
    SupportPlan,
)
from ._common import (
    audit_woman,
    child_post,
    contact_form_for,
    front_desk_card,
    full_record,
    get_child_for_user,
    record_form,
    small_form,
    status_set,
    versioned_edit,
)


def _page(request, woman, template, tab, **context):
    return render(request, template, {"woman": woman, "tab": tab, **context})


# --- Contacts ------------------------------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(require=selectors.OWN, change=Part.CONTACTS)
def contact_new(request, woman):
    """Fast logging: date, type and a short note; everything else optional. An involved
    partner worker limited to the card by the woman's sharing agreement can still log one."""
    form = contact_form_for(request, request.POST or None)
    if run_form(
        request,
        form,
        lambda: services.contact_log(
            woman=woman,
            worker=request.user,
            data=form.contact_data(),
            follow_up=form.cleaned_data["follow_up"],
            follow_up_due=form.cleaned_data["follow_up_due"],
        ),
        success=_("Contact logged."),
    ):
        return redirect("casework:woman", pk=woman.pk)
    if selectors.access_level(request, woman) == selectors.OWN:
        if request.method == "POST":
            return front_desk_card(request, woman, contact_form=form)
        return redirect("casework:woman", pk=woman.pk)
    if request.method == "GET":
        audit_woman(request, woman, "casework.woman.view_contact_form")
    return _page(request, woman, "casework/contact_form.html", "overview", form=form)


# --- Appointments --------------------------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.CONTACTS)
def appointment_new(request, woman):
    form = AppointmentForm(request.POST or None)
    if record_form(
        request,
        woman,
        form,
        lambda: services.appointment_book(woman=woman, worker=request.user, data=form.cleaned_data),
        viewed="casework.woman.view_appointment_form",
    ):
        if form.cleaned_data["send_reminder"] and services.reminder_channel(woman) is None:
            messages.info(
                request,
                _("No reminder will be sent: she has not asked for one by a safe channel."),
            )
        messages.success(request, _("Appointment booked."))
        return redirect("casework:woman", pk=woman.pk)
    return _page(
        request,
        woman,
        "casework/form_page.html",
        "overview",
        form=form,
        heading=_("Book an appointment"),
    )


@roles_required(CASEWORK_ROLES)
@child_post(Appointment, part=Part.CONTACTS)
def appointment_outcome(request, appointment):
    form = AppointmentOutcomeForm(request.POST)
    return small_form(
        request,
        form,
        lambda: services.appointment_record(
            appointment=appointment, by=request.user, **form.cleaned_data
        ),
        success=_("Appointment updated."),
        done=reverse("casework:woman", args=[appointment.woman_id]),
        heading=_("Record the appointment"),
        woman=appointment.woman,
    )


# --- Needs and strengths -------------------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.PLAN)
def needs(request, woman):
    """Her needs per domain. A partner worker limited by her sharing agreement sees (and
    edits) only the domains she agreed to share."""
    sharing = selectors.sharing_for(request, woman)
    existing = {need.domain: need for need in woman.needs.filter(selectors.domain_filter(sharing))}
    forms = [
        (
            value,
            label,
            NeedForm(
                request.POST or None,
                prefix=value,
                instance=existing.get(value) or Need(woman=woman, domain=value, level="none"),
            ),
        )
        for value, label in Domain.choices
        if sharing.allows(value)
    ]
    if request.method == "POST":
        if all(form.is_valid() for _v, _l, form in forms):
            rows = {
                value: form.cleaned_data
                for value, _label, form in forms
                if value in existing or form.has_changed()
            }
            services.needs_save(woman=woman, rows=rows, by=request.user)
            messages.success(request, _("Needs saved."))
            return redirect("casework:needs", pk=woman.pk)
        messages.error(request, _("Some answers need correcting: see below."))
    else:
        audit_woman(request, woman, "casework.woman.view_needs")
    plan = SupportPlan.objects.filter(woman=woman).first()
    return _page(
        request, woman, "casework/needs.html", "needs", forms=forms, plan=plan, sharing=sharing
    )


# --- Support plan, goals, actions, reviews -------------------------------------------------


def _shared_goals(request, woman):
    return woman.goals.filter(selectors.domain_filter(selectors.sharing_for(request, woman)))


def _plan_context(request, woman, **extra):
    sharing = selectors.sharing_for(request, woman)
    goals = _shared_goals(request, woman)
    return {
        "plan": SupportPlan.objects.filter(woman=woman).first(),
        "goals": list(goals),
        "actions": list(
            woman.actions.filter(
                Q(goal__isnull=True) | selectors.domain_filter(sharing, "goal__domain")
            ).select_related("goal", "owner")[:100]
        ),
        "sharing": sharing,
        "reviews": list(woman.reviews.select_related("author")[:20]),
        "goal_form": GoalForm(auto_id="goal_%s"),
        "action_form": ActionForm(woman=woman, goals=goals, auto_id="action_%s"),
        "goal_statuses": Goal.Status.choices,
        **extra,
    }


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.PLAN)
def plan(request, woman):
    """Her support plan in her own words, safe against two people saving at once."""
    current = SupportPlan.objects.filter(woman=woman).first()
    form = PlanForm(request.POST) if request.method == "POST" else PlanForm(instance=current)
    saved = versioned_edit(
        request,
        woman,
        form,
        lambda version, data: services.plan_save(
            woman=woman, expected_version=version, data=data, by=request.user
        ),
        viewed="casework.woman.view_plan",
        success=_("Support plan saved."),
    )
    if saved:
        return redirect("casework:plan", pk=woman.pk)
    return _plan_page(request, woman, form=form, conflict=saved.conflict)


def _plan_page(request, woman, *, form=None, **extra):
    """The plan page; `extra` carries a refused goal or action form, or an edit conflict."""
    if form is None:
        form = PlanForm(instance=SupportPlan.objects.filter(woman=woman).first())
    conflict = extra.pop("conflict", None)
    return _page(
        request,
        woman,
        "casework/plan.html",
        "plan",
        form=form,
        conflict=conflict,
        **_plan_context(request, woman, **extra),
    )


PLAN_PARTS = {
    "goal_form": "casework/_plan_goals.html",
    "action_form": "casework/_plan_actions.html",
}


def _plan_item_add(request, woman, form, add, success, form_name):
    """Add a goal or an action from the plan page; a refused one comes back with what she typed.
    From htmx the row is added in place (only that part of the page is sent back), so what she
    is typing elsewhere on the plan stays where it is."""
    in_place = request.headers.get("HX-Request") == "true"
    saved = run_form(
        request,
        form,
        lambda: add(woman=woman, by=request.user, **form.cleaned_data),
        success="" if in_place else success,
    )
    if in_place:
        extra = {"added": success} if saved else {form_name: form}
        context = {"woman": woman, **_plan_context(request, woman, **extra)}
        return render(request, PLAN_PARTS[form_name], context)
    if saved:
        return redirect("casework:plan", pk=woman.pk)
    return _plan_page(request, woman, **{form_name: form})


@roles_required(CASEWORK_ROLES)
@full_record(part=Part.PLAN)
@require_POST
def goal_new(request, woman):
    return _plan_item_add(
        request,
        woman,
        GoalForm(request.POST, auto_id="goal_%s"),
        services.goal_add,
        _("Goal added."),
        "goal_form",
    )


@roles_required(CASEWORK_ROLES)
@child_post(Goal, part=Part.PLAN)
def goal_status(request, goal):
    if not _goal_shared(request, goal):
        raise PermissionDenied
    status_set(
        request,
        lambda status: services.goal_status_set(goal=goal, status=status, by=request.user),
        _("Goal updated."),
    )
    return redirect("casework:plan", pk=goal.woman_id)


@roles_required(CASEWORK_ROLES)
@full_record(part=Part.PLAN)
@require_POST
def action_new(request, woman):
    form = ActionForm(
        request.POST, woman=woman, goals=_shared_goals(request, woman), auto_id="action_%s"
    )
    return _plan_item_add(
        request, woman, form, services.action_add, _("Action added."), "action_form"
    )


@roles_required(CASEWORK_ROLES)
@child_post(Action, part=Part.PLAN)
def action_done(request, action):
    button_run(
        request,
        lambda: services.action_done(action=action, by=request.user),
        _("Action marked done."),
    )
    return redirect(
        request.POST.get("next") == "record" and "casework:woman" or "casework:plan",
        pk=action.woman_id,
    )


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.REVIEWS)
def review_new(request, woman):
    form = ReviewForm(request.POST or None)
    if record_form(
        request,
        woman,
        form,
        lambda: services.review_add(
            woman=woman,
            data={k: form.cleaned_data[k] for k in ("held_on", "progress", "changes")},
            scores=form.scores(),
            next_review_on=form.cleaned_data.get("next_review_on"),
            by=request.user,
        ),
        viewed="casework.woman.view_review_form",
        success=_("Review recorded."),
    ):
        return redirect("casework:plan", pk=woman.pk)
    return _page(
        request,
        woman,
        "casework/form_page.html",
        "plan",
        form=form,
        heading=_("Record a review"),
        intro=_(
            "Progress in her words and ours, and her own ratings from 1 (hardest) to 10 (best)."
        ),
    )


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
def review_edit(request, pk):
    review = get_child_for_user(request, Review.objects.all(), pk, part=Part.REVIEWS)
    woman = review.woman
    form = (
        ReviewEditForm(request.POST)
        if request.method == "POST"
        else ReviewEditForm(instance=review)
    )
    saved = versioned_edit(
        request,
        woman,
        form,
        lambda version, data: services.review_update(
            review=review, expected_version=version, data=data, by=request.user
        ),
        viewed="casework.woman.view_review",
        success=_("Review saved."),
    )
    if saved:
        return redirect("casework:plan", pk=woman.pk)
    return _page(
        request,
        woman,
        "casework/review_edit.html",
        "plan",
        form=form,
        conflict=saved.conflict,
        review=review,
    )


def _goal_shared(request, goal):
    return not goal.domain or selectors.sharing_for(request, goal.woman).allows(goal.domain)


# --- Distance travelled --------------------------------------------------------------------


def _chart(request, woman):
    """Her ratings (in the domains the reader may see) and the chart drawn from them."""
    sharing = selectors.sharing_for(request, woman)
    ratings = list(woman.ratings.filter(selectors.domain_filter(sharing)))
    return ratings, distance_travelled_svg(
        series_from_ratings(ratings), title=_("Distance travelled: her own ratings over time")
    )


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.PLAN)
def distance(request, woman):
    form = IntakeRatingsForm(request.POST or None)
    if record_form(
        request,
        woman,
        form,
        lambda: services.ratings_record(
            woman=woman,
            scores=form.scores(),
            rated_on=form.cleaned_data["rated_on"],
            by=request.user,
        ),
        viewed="casework.woman.view_distance",
        success=_("Her ratings are saved."),
    ):
        return redirect("casework:distance", pk=woman.pk)
    ratings, svg = _chart(request, woman)
    labels = dict(Domain.choices)
    domains = selectors.sharing_for(request, woman).domains
    table = {}
    for rating in ratings:
        table.setdefault(rating.rated_on, {})[rating.domain] = rating.score
    rows = [
        (day, [scores.get(value) for value in domains]) for day, scores in sorted(table.items())
    ]
    return _page(
        request,
        woman,
        "casework/distance.html",
        "distance",
        form=form,
        chart=mark_safe(svg),  # noqa: S308 - built by charts.py, every text escaped there
        rows=rows,
        domain_labels=[labels[v] for v in domains],
    )


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record(part=Part.PLAN)
def distance_svg(request, woman):
    """The chart as an image file, for downloading or embedding elsewhere."""
    audit_woman(request, woman, "casework.woman.view_distance")
    _ratings, svg = _chart(request, woman)
    return HttpResponse(svg, content_type="image/svg+xml")


# --- Justice tracker -----------------------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record(part=Part.RISK)
def justice(request, woman):
    audit_woman(request, woman, "casework.woman.view_justice")
    sharing = selectors.sharing_for(request, woman)
    if not sharing.allows(SharePart.JUSTICE_RECORD):
        return _page(request, woman, "casework/justice.html", "justice", sharing=sharing)
    return _page(request, woman, "casework/justice.html", "justice", **_justice_context(woman))


def _justice_context(woman, **forms):
    return {
        "justice_shared": True,
        "orders": list(woman.orders.all()),
        "court_dates": list(woman.court_dates.all()),
        "breaches": list(woman.breaches.select_related("order")),
        "order_form": forms.get("order_form") or JusticeOrderForm(),
        "court_form": forms.get("court_form") or CourtDateForm(),
        "breach_form": forms.get("breach_form") or BreachForm(woman=woman),
    }


JUSTICE_FORMS = {
    "order": (JusticeOrderForm, JusticeOrder, "order_form", "casework.justice_order.create"),
    "court": (CourtDateForm, CourtDate, "court_form", "casework.court_date.create"),
    "breach": (BreachForm, Breach, "breach_form", "casework.breach.create"),
}


@roles_required(CASEWORK_ROLES)
@full_record(part=Part.RISK)
@require_POST
def justice_add(request, woman, kind):
    if not selectors.sharing_for(request, woman).allows(SharePart.JUSTICE_RECORD):
        raise PermissionDenied
    form_class, model, name, action = JUSTICE_FORMS[kind]
    form = form_class(request.POST, woman=woman) if kind == "breach" else form_class(request.POST)
    if run_form(
        request,
        form,
        lambda: services.record_add(
            woman=woman, model=model, data=form.cleaned_data, by=request.user, action=action
        ),
        success=_("Saved to the justice tracker."),
    ):
        return redirect("casework:justice", pk=woman.pk)
    messages.error(request, _("Some answers need correcting: see below."))
    return _page(
        request,
        woman,
        "casework/justice.html",
        "justice",
        **_justice_context(woman, **{name: form}),
    )


# --- Alerts --------------------------------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.RISK)
def alert_new(request, woman):
    form = AlertForm(request.POST or None, woman=woman)
    if record_form(
        request,
        woman,
        form,
        lambda: services.alert_add(woman=woman, by=request.user, **form.cleaned_data),
        viewed="casework.woman.view_alert_form",
        success=_("Alert added."),
    ):
        return redirect("casework:woman", pk=woman.pk)
    return _page(
        request, woman, "casework/form_page.html", "overview", form=form, heading=_("Add an alert")
    )


@roles_required(CASEWORK_ROLES)
@child_post(Alert, part=Part.RISK)
def alert_end(request, alert):
    button_run(request, lambda: services.alert_end(alert=alert, by=request.user), _("Alert ended."))
    return redirect("casework:woman", pk=alert.woman_id)


# --- Consent and information sharing -------------------------------------------------------


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record
def consents(request, woman):
    """Her decisions about sharing, per partner agency. `?agency=<id>` preselects the agency
    (the one-click prompt on her record when an involved partner's agency has none)."""
    initial = {}
    if request.method == "GET" and request.GET.get("agency", "").isdigit():
        initial["agency"] = int(request.GET["agency"])
    form = ConsentForm(request.POST or None, centre=request.centre, initial=initial)
    if record_form(
        request,
        woman,
        form,
        lambda: services.consent_record(woman=woman, data=form.cleaned_data, by=request.user),
        viewed="casework.woman.view_consents",
        success=_("Her decision about sharing is recorded."),
    ):
        return redirect("casework:consents", pk=woman.pk)
    rows = woman.consents.select_related("agency", "recorded_by")
    return _page(
        request,
        woman,
        "casework/consents.html",
        "consent",
        form=form,
        consents=rows,
        today=timezone.localdate(),
    )


# --- Move-on and referrals out -------------------------------------------------------------


def _move_on_context(request, woman, **extra):
    return {
        "referrals_out": list(woman.referrals_out.select_related("agency", "made_by")),
        "statuses": ReferralOut.Status.choices,
        "referral_form": ReferralOutForm(centre=request.centre),
        **extra,
    }


@roles_required(CASEWORK_ROLES)
@require_http_methods(["GET", "POST"])
@full_record(part=Part.MOVE_ON)
def move_on(request, woman):
    current = MoveOnPlan.objects.filter(woman=woman).first()
    form = MoveOnForm(request.POST or None, instance=current)
    if record_form(
        request,
        woman,
        form,
        lambda: services.move_on_save(woman=woman, data=form.cleaned_data, by=request.user),
        viewed="casework.woman.view_move_on",
        success=_("Move-on plan saved."),
    ):
        return redirect("casework:move_on", pk=woman.pk)
    return _page(
        request,
        woman,
        "casework/move_on.html",
        "move_on",
        form=form,
        **_move_on_context(request, woman),
    )


@roles_required(CASEWORK_ROLES)
@full_record(part=Part.MOVE_ON)
@require_POST
def referral_out_new(request, woman):
    form = ReferralOutForm(request.POST, centre=request.centre)
    if run_form(
        request,
        form,
        lambda: services.record_add(
            woman=woman,
            model=ReferralOut,
            data={**form.cleaned_data, "made_by": request.user},
            by=request.user,
            action="casework.referral_out.create",
        ),
        success=_("Referral recorded."),
    ):
        return redirect("casework:move_on", pk=woman.pk)
    current = MoveOnPlan.objects.filter(woman=woman).first()
    return _page(
        request,
        woman,
        "casework/move_on.html",
        "move_on",
        form=MoveOnForm(instance=current),
        **_move_on_context(request, woman, referral_form=form),
    )


@roles_required(CASEWORK_ROLES)
@child_post(ReferralOut, part=Part.MOVE_ON)
def referral_out_status(request, referral_out):
    status_set(
        request,
        lambda status: services.referral_out_status_set(
            referral_out=referral_out, status=status, by=request.user
        ),
        _("Referral status updated."),
    )
    return redirect("casework:move_on", pk=referral_out.woman_id)
