"""Sessions and the register: cancelling, taking the register, quick feedback."""

from collections import Counter

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from casework.models import Woman
from casework.photos import photo_response
from centre.access import can, roles_required
from centre.audit import audit_request
from centre.pages import post_after_fetch, run_form
from centre.roles import ACTIVITY_EDITORS, VOLUNTEER_AND_STAFF
from centre.versioning import ChangedField

from .. import access, selectors, services
from ..forms import (
    CancelForm,
    FeedbackForm,
    RegisterForm,
)
from ..models import Facilitator
from ._common import _activity_form

# --- Sessions and the register ----------------------------------------------------------------


@roles_required(ACTIVITY_EDITORS)
@require_http_methods(["GET", "POST"])
def session_cancel(request, pk):
    session = selectors.get_session_for_user(request, pk, change=True)
    form = CancelForm(request.POST or None)
    return _activity_form(
        request,
        form,
        lambda: services.session_cancel(session=session, reason=form.cleaned_data["reason"]),
        success=_("Session cancelled. Reminders for it are withdrawn."),
        title=_("Cancel %(name)s") % {"name": session},
        activity=session.activity,
    )


@roles_required(ACTIVITY_EDITORS)
@post_after_fetch(selectors.get_session_for_user, change=True)
def session_reinstate(request, session):
    services.session_reinstate(session=session)
    messages.success(request, _("The session is back on."))
    return redirect("activities:activity_detail", pk=session.activity_id)


def _tell_apart(request, woman):
    """What tells two women with the same name apart on the register: her date of birth for
    the manager and key workers, else her record's number for staff; a volunteer, who may see
    neither, is asked to check."""
    if not can(request, "see_full_names"):
        return _("same name as another woman: ask her or a member of staff")
    if woman.date_of_birth and can(request, "tell_apart_by_birth_date"):
        return _("born %(day)s") % {"day": date_format(woman.date_of_birth, "j M Y")}
    return _("record %(number)s") % {"number": woman.pk}


def _register_rows(request, session, women, ticked, conflict_ids):
    names = {woman.pk: selectors.name_for(request, woman) for woman in women}
    twice = {name for name, n in Counter(names.values()).items() if n > 1}
    return [
        {
            "id": woman.pk,
            "name": names[woman.pk],
            "tell_apart": _tell_apart(request, woman) if names[woman.pk] in twice else "",
            # Shown where she agreed; the photo view checks again who may see it.
            "photo": bool(woman.photo) and woman.photo_on_registers,
            "session_id": session.pk,
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
    saved = run_form(
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
        success=lambda _saved: _register_saved(form),
    )
    if saved.conflict:
        return _register_conflict(request, saved.conflict, form)
    if not saved:
        context = _register_context(request, session, form=form, ticked=set(woman_ids))
        return render(request, "activities/register.html", context, status=400)
    audit_request(request, "activities.register.save", obj=session)
    return redirect("activities:register", pk=session.pk)


def _register_saved(form):
    total = len(form.cleaned_data["women"]) + form.cleaned_data["others_count"]
    return ngettext(
        "Register saved: %(n)s woman came.", "Register saved: %(n)s women came.", total
    ) % {"n": total}


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
    if run_form(
        request,
        form,
        lambda: services.feedback_add(session=session, **form.cleaned_data),
        success=_("Thank you for your feedback."),
    ):
        return redirect("activities:feedback", pk=session.pk)
    recent = session.feedback.all()[:20]
    context = {"form": form, "session": session, "recent": recent}
    status = 400 if form.errors else 200
    return render(request, "activities/feedback.html", context, status=status)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def register_photo(request, pk, woman):
    """Her photo on the register of a session this person may take, where she agreed to it."""
    session = selectors.get_register_session_for_user(request, pk)
    found = get_object_or_404(Woman.objects.filter(centre=session.centre), pk=woman)
    if not access.photo_on_register(request, found):
        raise Http404
    audit_request(request, "activities.register.photo", obj=session, woman_id=found.pk)
    return photo_response(found)
