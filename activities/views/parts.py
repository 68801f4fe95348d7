"""What an activity is made of: facilitators, costs, schedules and sessions, sign-ups,
completions and their certificates."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import roles_required
from centre.documents.views import document_made_now_response
from centre.pages import button_run, post_after_fetch
from centre.roles import ACTIVITY_EDITORS, MANAGER_ONLY, STAFF_ROLES

from .. import selectors, services
from ..documents import CERTIFICATE
from ..forms import (
    CostForm,
    EnrolmentForm,
    FacilitatorForm,
    ScheduleForm,
    SessionForm,
)
from ..models import Enrolment, Facilitator
from ._common import _activity_form, _warn_clashes


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def facilitator_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    form = FacilitatorForm(
        request.POST or None, centre=request.centre, instance=Facilitator(activity=activity)
    )
    return _activity_form(
        request,
        form,
        lambda: services.facilitator_add(
            activity=activity, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        ),
        success=_("Facilitator added."),
        title=_("Add a facilitator to %(name)s") % {"name": activity.name},
        activity=activity,
        intro=_("A woman co-facilitating needs a named member of staff who can step in."),
    )


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_facilitator_for_user)
def facilitator_remove(request, facilitator):
    services.facilitator_remove(facilitator=facilitator)
    messages.success(request, _("Facilitator removed."))
    return redirect("activities:activity_detail", pk=facilitator.activity_id)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def cost_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True, manager_only=True)
    form = CostForm(request.POST or None)

    def say_what_is_left(_cost):
        left = selectors.budget_summary(activity)["remaining"]
        messages.success(request, _("Spending added. £%(left)s left.") % {"left": left})
        if left < 0:
            messages.warning(request, _("This activity is over its budget."))

    return _activity_form(
        request,
        form,
        lambda: services.activity_cost_add(
            activity=activity, created_by=request.user, **form.cleaned_data
        ),
        then=say_what_is_left,
        title=_("Add spending for %(name)s") % {"name": activity.name},
        activity=activity,
    )


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def schedule_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    form = ScheduleForm(request.POST or None, centre=request.centre)
    return _activity_form(
        request,
        form,
        lambda: services.schedule_create(activity=activity, **form.cleaned_data),
        success=lambda made: (
            ngettext("%(n)s session added.", "%(n)s sessions added.", made.created)
            % {"n": made.created}
        ),
        then=lambda made: _warn_clashes(request, made.clashes),
        title=_("Add regular sessions of %(name)s") % {"name": activity.name},
        activity=activity,
        intro=_(
            "Sessions are made for every date. A room already booked is warned about, not refused."
        ),
    )


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def session_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    initial = {"room": activity.room_id, "location": activity.location}
    form = SessionForm(request.POST or None, centre=request.centre, initial=initial)
    return _activity_form(
        request,
        form,
        lambda: services.session_create(activity=activity, **form.cleaned_data),
        success=_("Session added."),
        then=lambda created: _warn_clashes(request, created[1]),
        title=_("Add a one-off session of %(name)s") % {"name": activity.name},
        activity=activity,
    )


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_activity_for_user, change=True)
def enrolment_add(request, activity):
    form = EnrolmentForm(request.POST, centre=request.centre)
    if form.is_valid():
        enrolment = services.enrolment_add(activity=activity, woman=form.cleaned_data["woman"])
        if enrolment.status == Enrolment.Status.WAITING:
            messages.info(request, _("The activity is full: she is on the waiting list."))
        else:
            messages.success(request, _("She is signed up."))
    else:
        messages.error(request, _("Choose a woman to sign up."))
    return redirect("activities:activity_detail", pk=activity.pk)


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_enrolment_for_user)
def enrolment_leave(request, enrolment):
    promoted = services.enrolment_leave(enrolment=enrolment)
    messages.success(request, _("Her place is freed."))
    if promoted:
        messages.info(
            request,
            _("%(name)s moved up from the waiting list: let her know.")
            % {"name": promoted.woman.known_as},
        )
    return redirect("activities:activity_detail", pk=enrolment.activity_id)


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_activity_for_user, change=True)
def completions_award(request, activity):
    button_run(
        request,
        lambda: services.course_completions_award(activity=activity, awarded_by=request.user),
        lambda made: (
            ngettext(
                "%(n)s woman completed the course.", "%(n)s women completed the course.", len(made)
            )
            % {"n": len(made)}
        ),
    )
    return redirect("activities:activity_detail", pk=activity.pk)


@roles_required(STAFF_ROLES)
@require_GET
def certificate_pdf(request, pk):
    completion = selectors.get_completion_for_user(request, pk)
    return document_made_now_response(request, CERTIFICATE, completion)
