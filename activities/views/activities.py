"""The activities themselves: the list, adding, the activity page, editing, status, ideas."""

from copy import copy

from django.contrib import messages
from django.db.models import Avg, Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centre.access import can, roles_required, scope_to_centre
from centre.pages import button_run, post_after_fetch
from centre.roles import ACTIVITY_EDITORS, MANAGER_ONLY, STAFF_ROLES, VOLUNTEER_AND_STAFF

from .. import links, selectors, services
from ..forms import (
    ActivityForm,
    CostForm,
    EnrolmentForm,
    IdeaStageForm,
    StatusForm,
)
from ..models import Activity, Enrolment, Feedback, Session
from ._common import _activity_form

# --- Activities -------------------------------------------------------------------------------


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def index(request):
    if can(request, "help_at_sessions"):
        sessions = selectors.sessions_for_volunteer(request)
        return render(request, "activities/index_volunteer.html", {"sessions": sessions})
    status = request.GET.get("status", "")
    ideas = status == "ideas"
    status = status if status in Activity.Status.values else ""
    activities = selectors.activities_for_user(request, status=status, ideas=ideas)
    today = timezone.localdate()
    todays = (
        scope_to_centre(Session.objects.all(), request)
        .filter(date=today)
        .select_related("activity", "room")
    )
    context = {
        "activities": activities,
        "status": "ideas" if ideas else status,
        "statuses": [*Activity.Status.choices, ("ideas", _("Ideas and pilots"))],
        "todays_sessions": todays,
        "may_edit": selectors.may_edit(request),
    }
    return render(request, "activities/index.html", context)


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def activity_create(request):
    form = ActivityForm(request.POST or None, centre=request.centre)
    return _activity_form(
        request,
        form,
        lambda: services.activity_create(
            centre=request.centre, created_by=request.user, **dict(form.cleaned_data)
        ),
        success=_("Activity added. Now add when it runs."),
        title=_("Add an activity"),
        activity=None,
        back=reverse("activities:index"),
        done=lambda activity: reverse("activities:activity_detail", args=[activity.pk]),
    )


@roles_required(STAFF_ROLES)
@require_GET
def activity_detail(request, pk):
    activity = selectors.get_activity_for_user(request, pk)
    today = timezone.localdate()
    sessions = activity.sessions.select_related("room").order_by("date", "start_time")
    upcoming = list(sessions.filter(date__gte=today)[:12])
    past = list(
        sessions.filter(date__lt=today)
        .annotate(attended=Count("attendances"))
        .order_by("-date", "-start_time")[:8]
    )
    enrolments = activity.enrolments.exclude(status=Enrolment.Status.LEFT).select_related("woman")
    context = {
        "activity": activity,
        "upcoming": upcoming,
        "past": past,
        "facilitators": activity.facilitators.filter(ended_on__isnull=True).select_related(
            "user", "woman", "staff_partner"
        ),
        "past_facilitators": activity.facilitators.filter(ended_on__isnull=False).select_related(
            "user", "woman"
        ),
        "schedules": activity.schedules.select_related("room", "term"),
        "history": activity.status_changes.select_related("changed_by")[:20],
        "enrolments": enrolments,
        "counts": selectors.enrolment_counts(activity),
        "budget": selectors.budget_summary(activity),
        "feedback": Feedback.objects.filter(session__activity=activity).aggregate(
            average=Avg("rating"),
            count=Count("id"),
            from_tablet=Count("id", filter=Q(source=Feedback.Source.TABLET)),
        ),
        "recent_feedback": selectors.recent_feedback(activity),
        "ideas": _ideas_for(request, activity),
        "costs": activity.costs.all()[:20],
        "completions": activity.completions.select_related("woman"),
        "may_edit": selectors.may_edit(request),
        "is_manager": selectors.is_manager(request),
        "status_form": StatusForm(initial={"status": activity.status}),
        "enrolment_form": EnrolmentForm(centre=request.centre),
        "cost_form": CostForm(),
        "next_stage": _next_idea_stage(activity),
    }
    return render(request, "activities/activity_detail.html", context)


def _ideas_for(request, activity):
    """The women's ideas (suggestions) this activity started from, with a prompt for the
    suggestion's owner once the activity is a pilot or running."""
    ideas = links.ideas_for(request, activity)
    for idea in ideas:
        idea["prompt"] = idea["needs_update"] and (
            idea["owner_id"] == request.user.pk or selectors.is_manager(request)
        )
    return ideas


def _next_idea_stage(activity):
    order = [choice for choice, _label in Activity.IdeaStage.choices]
    if not activity.idea_stage:
        return None
    index = order.index(activity.idea_stage)
    return Activity.IdeaStage(order[index + 1]) if index + 1 < len(order) else None


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    # The form validates into its own copy, so the page's title keeps the saved name.
    form = ActivityForm(
        request.POST or None, instance=copy(activity), centre=request.centre, editing=True
    )
    return _activity_form(
        request,
        form,
        lambda: services.activity_update(
            activity=Activity.objects.get(pk=activity.pk),
            expected_version=form.expected_version,
            **{name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS},
        ),
        success=_("Activity saved."),
        title=_("Edit %(name)s") % {"name": activity.name},
        activity=activity,
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def activity_status(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True, manager_only=True)
    form = StatusForm(request.POST or None, initial={"status": activity.status})
    return _activity_form(
        request,
        form,
        lambda: services.activity_status_change(
            activity=activity,
            to_status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
            effective_on=form.cleaned_data["effective_on"],
            changed_by=request.user,
        ),
        success=_("Status changed. It shows on the programme."),
        title=_("Change the status of %(name)s") % {"name": activity.name},
        activity=activity,
        intro=_("Pausing or ending needs a reason. It shows on the programme and in reports."),
    )


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_activity_for_user, change=True)
def activity_idea(request, activity):
    form = IdeaStageForm(request.POST)
    if form.is_valid():
        button_run(
            request,
            lambda: services.activity_idea_advance(
                activity=activity,
                to_stage=form.cleaned_data["stage"],
                notes=form.cleaned_data["notes"],
            ),
            _("The idea has moved on."),
        )
    else:
        messages.error(request, _("That step is not possible."))
    return redirect("activities:activity_detail", pk=activity.pk)
