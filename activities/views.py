from copy import copy
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from casework.models import Woman
from centre.access import can, roles_required, scope_to_centre
from centre.audit import audit_request
from centre.documents.services import (
    Coverage,
    document_build_now,
    document_render,
    document_unsaved,
)
from centre.documents.views import document_bytes_response, document_download_response
from centre.forms import add_service_errors
from centre.roles import ACTIVITY_EDITORS, MANAGER_ONLY, STAFF_ROLES, VOLUNTEER_AND_STAFF
from centre.versioning import ChangedField, save_versioned

from . import access, links, selectors, services
from .documents import CERTIFICATE, PROGRAMME, programme_coverage, weekday_name
from .forms import (
    ActivityForm,
    CancelForm,
    CostForm,
    EnrolmentForm,
    FacilitatorForm,
    FeedbackForm,
    IdeaStageForm,
    PeriodForm,
    RegisterForm,
    RoomForm,
    ScheduleForm,
    SessionForm,
    StatusForm,
    TermForm,
)
from .models import Activity, Enrolment, Facilitator, Feedback, Room, Session, Term


def _warn_clashes(request, clashes):
    for clash in clashes[:5]:
        messages.warning(
            request,
            _("Room clash: %(room)s is also booked for %(activity)s on %(date)s at %(time)s.")
            % {
                "room": clash.room.name,
                "activity": clash.activity.name,
                "date": clash.date.strftime("%a %-d %b %Y"),
                "time": clash.start_time.strftime("%H:%M"),
            },
        )
    if len(clashes) > 5:
        messages.warning(request, _("…and %(n)s more clashes.") % {"n": len(clashes) - 5})


def _form_page(request, form, title, activity, *, intro="", titled=False):
    """One simple form page; the title names the activity unless it is already complete."""
    if not titled:
        title = title % {"name": activity.name}
    back = (
        reverse("activities:activity_detail", args=[activity.pk])
        if activity
        else reverse("activities:setup")
    )
    context = {"form": form, "title": title, "intro": intro, "back": back, "activity": activity}
    return render(request, "activities/simple_form.html", context)


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
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            activity = services.activity_create(
                centre=request.centre, created_by=request.user, **fields
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Activity added. Now add when it runs."))
            return redirect("activities:activity_detail", pk=activity.pk)
    return render(request, "activities/activity_form.html", {"form": form, "activity": None})


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
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
        saved, conflict = save_versioned(
            request,
            form,
            lambda: services.activity_update(
                activity=Activity.objects.get(pk=activity.pk),
                expected_version=form.expected_version,
                **fields,
            ),
        )
        if saved:
            messages.success(request, _("Activity saved."))
            return redirect("activities:activity_detail", pk=activity.pk)
    context = {"form": form, "activity": activity, "conflict": conflict}
    return render(request, "activities/activity_form.html", context)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def activity_status(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True, manager_only=True)
    form = StatusForm(request.POST or None, initial={"status": activity.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_status_change(
                activity=activity,
                to_status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                effective_on=form.cleaned_data["effective_on"],
                changed_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Status changed. It shows on the programme."))
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(
        request,
        form,
        _("Change the status of %(name)s"),
        activity,
        intro=_("Pausing or ending needs a reason. It shows on the programme and in reports."),
    )


@roles_required(ACTIVITY_EDITORS)
def activity_idea(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = IdeaStageForm(request.POST)
    if form.is_valid():
        try:
            services.activity_idea_advance(
                activity=activity,
                to_stage=form.cleaned_data["stage"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The idea has moved on."))
    else:
        messages.error(request, _("That step is not possible."))
    return redirect("activities:activity_detail", pk=activity.pk)


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def facilitator_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    form = FacilitatorForm(
        request.POST or None, centre=request.centre, instance=Facilitator(activity=activity)
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.facilitator_add(activity=activity, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Facilitator added."))
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(
        request,
        form,
        _("Add a facilitator to %(name)s"),
        activity,
        intro=_("A woman co-facilitating needs a named member of staff who can step in."),
    )


@roles_required(ACTIVITY_EDITORS)
def facilitator_remove(request, pk):
    facilitator = selectors.get_facilitator_for_user(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.facilitator_remove(facilitator=facilitator)
    messages.success(request, _("Facilitator removed."))
    return redirect("activities:activity_detail", pk=facilitator.activity_id)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def cost_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True, manager_only=True)
    form = CostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_cost_add(
                activity=activity, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            summary = selectors.budget_summary(activity)
            messages.success(
                request, _("Spending added. £%(left)s left.") % {"left": summary["remaining"]}
            )
            if summary["remaining"] < 0:
                messages.warning(request, _("This activity is over its budget."))
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(request, form, _("Add spending for %(name)s"), activity)


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def schedule_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    form = ScheduleForm(request.POST or None, centre=request.centre)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.schedule_create(activity=activity, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext("%(n)s session added.", "%(n)s sessions added.", result.created)
                % {"n": result.created},
            )
            _warn_clashes(request, result.clashes)
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(
        request,
        form,
        _("Add regular sessions of %(name)s"),
        activity,
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
    if request.method == "POST" and form.is_valid():
        try:
            _session, clashes = services.session_create(activity=activity, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Session added."))
            _warn_clashes(request, clashes)
            return redirect("activities:activity_detail", pk=activity.pk)
    return _form_page(request, form, _("Add a one-off session of %(name)s"), activity)


@roles_required(ACTIVITY_EDITORS)
def enrolment_add(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
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
def enrolment_leave(request, pk):
    enrolment = selectors.get_enrolment_for_user(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
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
def completions_award(request, pk):
    activity = selectors.get_activity_for_user(request, pk, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        made = services.course_completions_award(activity=activity, awarded_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s woman completed the course.", "%(n)s women completed the course.", len(made)
            )
            % {"n": len(made)},
        )
    return redirect("activities:activity_detail", pk=activity.pk)


@roles_required(STAFF_ROLES)
@require_GET
def certificate_pdf(request, pk):
    completion = selectors.get_completion_for_user(request, pk)
    certificate = document_unsaved(
        centre=request.centre, kind=CERTIFICATE, coverage=Coverage(obj=completion)
    )
    pdf, _summary = document_render(certificate)
    return document_bytes_response(request, certificate, pdf)


# --- Sessions and the register ----------------------------------------------------------------


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def session_cancel(request, pk):
    session = selectors.get_session_for_user(request, pk, change=True)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.session_cancel(session=session, reason=form.cleaned_data["reason"])
        messages.success(request, _("Session cancelled. Reminders for it are withdrawn."))
        return redirect("activities:activity_detail", pk=session.activity_id)
    return _form_page(
        request, form, _("Cancel %(name)s") % {"name": session}, session.activity, titled=True
    )


@roles_required(ACTIVITY_EDITORS)
def session_reinstate(request, pk):
    session = selectors.get_session_for_user(request, pk, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.session_reinstate(session=session)
    messages.success(request, _("The session is back on."))
    return redirect("activities:activity_detail", pk=session.activity_id)


def _register_rows(request, session, women, ticked, conflict_ids):
    return [
        {
            "id": woman.pk,
            "name": selectors.name_for(request, woman),
            "ticked": woman.pk in ticked,
            "alert": woman.pk in conflict_ids,
        }
        for woman in women
    ]


def _placement_alerts(request, pairs, by_id):
    """Names of the pairs, for staff. A volunteer sees only "ask a key worker" (the template
    shows it when `placement_notice` is set), never which women."""
    if not can(request, "see_placement_alerts"):
        return [], set()
    alerts = sorted(sorted(selectors.name_for(request, by_id[i]) for i in pair) for pair in pairs)
    return alerts, {i for pair in pairs for i in pair}


def _register_context(request, session, *, form=None, ticked=None, conflict=None):
    women, present = selectors.register_women(session)
    ticked = set(present if ticked is None else ticked)
    listed = {woman.pk for woman in women}
    extra = access.women_findable(
        request, Woman.objects.filter(centre=session.centre, pk__in=ticked - listed)
    )
    women = sorted([*women, *extra], key=lambda w: (w.known_as.lower(), w.pk))
    pairs = selectors.placement_pairs(session.centre, [w.pk for w in women])
    by_id = {w.pk: w for w in women}
    alerts, conflict_ids = _placement_alerts(request, pairs, by_id)
    facilitators = list(
        session.activity.facilitators.filter(ended_on__isnull=True).select_related("user", "woman")
    )
    present_facilitators = set(session.facilitators_present.values_list("pk", flat=True))
    if form is None:
        initial = {"others_count": session.others_count, "version": session.version}
        form = RegisterForm(initial=initial)
    elif hasattr(form, "cleaned_data"):
        present_facilitators = set(form.cleaned_data.get("facilitators") or [])
    return {
        "session": session,
        "activity": session.activity,
        "rows": _register_rows(request, session, women, ticked, conflict_ids),
        "alerts": alerts,
        "placement_notice": bool(pairs) and not alerts,
        "facilitators": [
            {
                "id": f.pk,
                "name": _facilitator_name(request, f),
                "ticked": f.pk in present_facilitators,
            }
            for f in facilitators
        ],
        "form": form,
        "conflict": conflict,
    }


def _facilitator_name(request, facilitator):
    if facilitator.kind == Facilitator.Kind.WOMAN and facilitator.woman_id:
        return selectors.name_for(request, facilitator.woman)
    return facilitator.display_name


@roles_required(VOLUNTEER_AND_STAFF)
@require_http_methods(["GET", "POST"])
def register(request, pk):
    session = selectors.get_register_session_for_user(request, pk)
    if request.method == "GET":
        audit_request(request, "activities.register.view", obj=session)
        return render(request, "activities/register.html", _register_context(request, session))
    posted = [value for value in request.POST.getlist("women") if value.isdigit()]
    # Only women she could have found: a volunteer cannot learn names by posting ids.
    findable = access.women_findable(request, Woman.objects.filter(centre=session.centre))
    woman_ids = list(findable.filter(pk__in=posted).values_list("pk", flat=True))
    facilitator_ids = list(
        session.activity.facilitators.filter(ended_on__isnull=True).values_list("pk", flat=True)
    )
    form = RegisterForm(request.POST, woman_ids=woman_ids, facilitator_ids=facilitator_ids)
    if not form.is_valid():
        context = _register_context(request, session, form=form, ticked=set(woman_ids))
        return render(request, "activities/register.html", context, status=400)
    saved, conflict = save_versioned(
        request,
        form,
        lambda: services.register_save(
            session=session,
            woman_ids=form.cleaned_data["women"],
            others_count=form.cleaned_data["others_count"],
            facilitator_ids=form.cleaned_data["facilitators"],
            taken_by=request.user,
            expected_version=form.expected_version,
        ),
        fields=["others_count"],
    )
    if conflict:
        return _register_conflict(request, conflict, form)
    audit_request(request, "activities.register.save", obj=session)
    total = len(form.cleaned_data["women"]) + form.cleaned_data["others_count"]
    messages.success(
        request,
        ngettext("Register saved: %(n)s woman came.", "Register saved: %(n)s women came.", total)
        % {"n": total},
    )
    return redirect("activities:register", pk=session.pk)


def _register_conflict(request, conflict, form):
    """Her ticks stay; the shared conflict panel adds who the other person ticked."""
    current = conflict.current
    saved_ids = set(current.attendances.values_list("woman_id", flat=True))
    saved = [
        selectors.name_for(request, woman)
        for woman in Woman.objects.filter(pk__in=saved_ids).order_by("first_name")
    ]
    mine = [
        selectors.name_for(request, woman)
        for woman in Woman.objects.filter(pk__in=form.cleaned_data["women"]).order_by("first_name")
    ]
    conflict.changes.insert(0, ChangedField(_("Women who came"), ", ".join(saved), ", ".join(mine)))
    context = _register_context(
        request, current, form=form, ticked=set(form.cleaned_data["women"]), conflict=conflict
    )
    return render(request, "activities/register.html", context, status=409)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def register_search(request, pk):
    session = selectors.get_register_session_for_user(request, pk)
    found = selectors.women_search(request, request.GET.get("q", ""))
    ticked = {int(v) for v in request.GET.getlist("women") if v.isdigit()}
    pairs = selectors.placement_pairs(session.centre, [w.pk for w in found] + list(ticked))
    conflict_ids = {i for pair in pairs for i in pair}
    if not can(request, "see_placement_alerts"):
        conflict_ids = set()
    rows = _register_rows(request, session, found, ticked, conflict_ids)
    return render(
        request,
        "activities/_register_results.html",
        {"rows": rows, "query": request.GET.get("q", "")},
    )


@roles_required(VOLUNTEER_AND_STAFF)
@require_http_methods(["GET", "POST"])
def feedback(request, pk):
    session = selectors.get_session_for_user(request, pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_add(session=session, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("activities:feedback", pk=session.pk)
    recent = session.feedback.all()[:20]
    context = {"form": form, "session": session, "recent": recent}
    return render(request, "activities/feedback.html", context)


# --- Programme --------------------------------------------------------------------------------


def _programme_period(request):
    """A term chosen by id, or the current or next term, or the next twelve weeks."""
    terms = list(Term.objects.filter(centre=request.centre).order_by("-starts_on")[:12])
    chosen = request.GET.get("term", "")
    term = next((t for t in terms if str(t.pk) == chosen), None)
    if term is None and not chosen:
        term = selectors.current_term(request.centre)
    if term:
        return term, term.starts_on, term.ends_on, terms
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday())
    return None, start, start + timedelta(weeks=12, days=-1), terms


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme(request):
    term, start, end, terms = _programme_period(request)
    grid = selectors.term_programme(request.centre, start, end)
    context = {
        "term": term,
        "terms": terms,
        "start": start,
        "end": end,
        "grid": grid,
        "gap_days": [weekday_name(day) for day in grid["gap_weekdays"]],
        "paused": Activity.objects.filter(
            centre=request.centre, status=Activity.Status.PAUSED
        ).order_by("name"),
        "today": timezone.localdate(),
    }
    return render(request, "activities/programme.html", context)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme_week(request):
    try:
        day = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        day = timezone.localdate()
    week_start = day - timedelta(days=day.weekday())
    entries = selectors.week_programme(request.centre, week_start)
    days = []
    for offset in range(7):
        current = week_start + timedelta(days=offset)
        days.append({"date": current, "entries": [e for e in entries if e["date"] == current]})
    context = {
        "week_start": week_start,
        "days": days,
        "previous": week_start - timedelta(days=7),
        "next": week_start + timedelta(days=7),
    }
    return render(request, "activities/programme_week.html", context)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme_pdf(request):
    _term, start, end, _terms = _programme_period(request)
    document = document_build_now(
        centre=request.centre,
        kind=PROGRAMME,
        coverage=programme_coverage(start, end),
        requested_by=request.user,
    )
    if not document.downloadable:
        messages.info(request, _("The printed programme is being made. Please try again."))
        return redirect("activities:programme")
    return document_download_response(request, document)


# --- Numbers and setup ------------------------------------------------------------------------


@roles_required(STAFF_ROLES)
@require_GET
def numbers(request):
    today = timezone.localdate()
    default_start = (today.replace(day=1) - timedelta(days=335)).replace(day=1)
    form = PeriodForm(request.GET or {"start": default_start, "end": today})
    result = None
    if form.is_valid():
        result = selectors.activity_numbers(
            request.centre, form.cleaned_data["start"], form.cleaned_data["end"]
        )
    return render(request, "activities/numbers.html", {"form": form, "numbers": result})


@roles_required(ACTIVITY_EDITORS)
@require_GET
def woman_search(request):
    """Search results for the woman picker (signing up, co-facilitating): pick one."""
    field = request.GET.get("field", "woman")
    field = field if field.isidentifier() else "woman"
    found = selectors.women_search(request, request.GET.get("q", ""))
    context = {"women": found, "field": field, "query": request.GET.get("q", "")}
    return render(request, "activities/_woman_search_results.html", context)


@roles_required(MANAGER_ONLY)
@require_GET
def setup(request):
    context = {
        "rooms": Room.objects.filter(centre=request.centre),
        "terms": Term.objects.filter(centre=request.centre),
    }
    return render(request, "activities/setup.html", context)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def room_add(request):
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.room_create(centre=request.centre, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Room added."))
            return redirect("activities:setup")
    title = _("Add a room")
    return render(
        request,
        "activities/simple_form.html",
        {"form": form, "title": title, "back": reverse("activities:setup")},
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def term_add(request):
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.term_create(centre=request.centre, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Term added."))
            return redirect("activities:setup")
    title = _("Add a term")
    return render(
        request,
        "activities/simple_form.html",
        {"form": form, "title": title, "back": reverse("activities:setup")},
    )
