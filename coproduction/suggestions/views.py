"""Staff pages: the suggestions list, screening, triage, wording, ideas that become activities,
and the "you said, we did" poster."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre import deadlines
from centre.access import can, roles_required
from centre.audit import audit_request
from centre.documents.views import document_download_response
from centre.pages import post_after_fetch, refusal_said, run_form
from centre.roles import (
    ALL_MEMBERS,
    MANAGER_ONLY,
    STAFF_ROLES,
    VOLUNTEER_AND_STAFF,
)

from . import access, selectors, services
from .forms import (
    ActivityFromIdeaForm,
    LinkActivityForm,
    RedactForm,
    ScreenForm,
    SuggestionFilterForm,
    SuggestionForm,
    TriageForm,
    VersionForm,
    WordingForm,
)
from .models import Suggestion


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def index(request):
    owners = selectors.owner_choices(request.centre)
    form = SuggestionFilterForm(request.GET or None, owners=owners)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.suggestion_list(request, filters), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "suggestions/index.html",
        {
            "form": form,
            "page": page,
            "summary": selectors.suggestion_summary(request),
            "today": timezone.localdate(),
            "late_before": deadlines.overdue_cutoff(
                centre=request.centre, working_days=request.centre.suggestion_response_days
            ),
        },
    )


@roles_required(VOLUNTEER_AND_STAFF)
@require_http_methods(["GET", "POST"])
def suggestion_create(request):
    form = SuggestionForm(request.POST if request.method == "POST" else None)
    added = run_form(
        request,
        form,
        lambda: services.suggestion_create(
            centre=request.centre, by=request.user, **form.cleaned_data
        ),
        success=lambda suggestion: (
            _("Suggestion added. Its receipt code is %(code)s: give it to her if you can.")
            % {"code": suggestion.receipt_code}
        ),
    )
    if added:
        # Volunteers only see suggestions after the safeguarding check; held ones are
        # for managers only.
        return _on_to(request, added.result)
    status = 400 if form.errors else 200
    return render(request, "suggestions/suggestion_form.html", {"form": form}, status=status)


def _on_to(request, suggestion):
    """Once saved, back to the suggestion, or to the list when she may no longer open it (held
    for the duty manager, or not yet checked for a volunteer)."""
    if not access.may_open_suggestion(request, suggestion):
        return redirect("suggestions:index")
    return redirect("suggestions:detail", code=suggestion.receipt_code)


def _detail_context(request, suggestion, **forms):
    is_staff = can(request, "screen_suggestions")
    initial = {
        "version": suggestion.version,
        "theme": suggestion.theme,
        "owner": suggestion.owner_id,
        "status": suggestion.status,
        "agreed_in_part": suggestion.agreed_in_part,
        "reason": suggestion.reason,
        "duplicate_of": suggestion.duplicate_of.receipt_code if suggestion.duplicate_of else "",
    }
    due_on = suggestion.due_on(request.centre)
    context = {
        "suggestion": suggestion,
        "changes": suggestion.changes.select_related("by"),
        "is_manager": can(request, "moderate_suggestions"),
        "is_staff": is_staff,
        "show_wording_form": access.may_write_wording(request.membership, suggestion)
        and suggestion.status in Suggestion.OUTCOME_STATUSES,
        "due_on": due_on,
        "overdue": suggestion.is_overdue(due_on=due_on),
        "screen_form": forms.get("screen_form") or ScreenForm(initial=initial),
        "version_form": VersionForm(initial=initial),
        "conflict": forms.get("conflict"),
        "may_start_activity": access.may_start_activity(request.membership, suggestion),
        "linked_activity": suggestion.activity,
        "idea_needs_update": suggestion.activity is not None
        and selectors.idea_needs_update(suggestion, suggestion.activity),
    }
    if context["may_start_activity"] and suggestion.screening == Suggestion.Screening.CLEAR:
        context["link_form"] = forms.get("link_form") or LinkActivityForm(
            initial={"version": suggestion.version, "activity": suggestion.activity_id},
            activities=selectors.activities_to_link(suggestion),
        )
    if is_staff:
        context["triage_form"] = forms.get("triage_form") or TriageForm(
            initial=initial,
            owners=selectors.owner_choices(request.centre),
            duplicates=selectors.duplicate_choices(suggestion),
        )
        context["wording_form"] = forms.get("wording_form") or WordingForm(
            initial={
                "version": suggestion.version,
                "you_said": suggestion.you_said,
                "we_did": suggestion.we_did,
            }
        )
    return context


def _detail(request, suggestion, status=200, **forms):
    context = _detail_context(request, suggestion, **forms)
    return render(request, "suggestions/detail.html", context, status=status)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def suggestion_detail(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code)
    audit_request(request, "coproduction.suggestion.view", obj=suggestion)
    return _detail(request, suggestion)


# A form posted from a suggestion's page: the suggestion is found first (one she may not see is
# not found, whatever the method), then only a POST is answered; the view is given the suggestion.
_posted_from_its_page = post_after_fetch(
    selectors.get_suggestion_for_user, url_key="code", change=True
)


def _service_call(request, suggestion, form, service, fields=(), **more):
    """A service for a form about this suggestion, called as they all are: who, the version she
    started from, and the `fields` she filled in (read once the form is valid)."""
    return lambda: service(
        suggestion=suggestion,
        by=request.user,
        expected_version=form.cleaned_data["version"],
        **{name: form.cleaned_data[name] for name in fields},
        **more,
    )


def _again(request, suggestion, outcome, form_name, form):
    """A form posted from the suggestion's page and not saved: the page again with her form as
    she typed it, and on a clash what the other person saved (409); otherwise its messages (400)."""
    if outcome.conflict:
        current = outcome.conflict.current
        return _detail(request, current, status=409, conflict=current, **{form_name: form})
    return _detail(request, suggestion, status=400, **{form_name: form})


def _save(request, suggestion, form, form_name, service, success, fields=(), **more):
    """Save a form posted from the suggestion's page through the versioning helper: back to the
    suggestion when saved, else the page again with her form (see `_again`)."""
    call = _service_call(request, suggestion, form, service, fields, **more)
    outcome = run_form(request, form, call, success=success)
    if outcome:
        return redirect("suggestions:detail", code=suggestion.receipt_code)
    return _again(request, suggestion, outcome, form_name, form)


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
@_posted_from_its_page
def suggestion_screen(request, suggestion):
    form = ScreenForm(request.POST)
    outcome = run_form(
        request,
        form,
        lambda: services.suggestion_screen(
            suggestion=suggestion,
            by=request.user,
            hold=form.cleaned_data["decision"] == "hold",
            expected_version=form.cleaned_data["version"],
        ),
        success=lambda screened: (
            _("Held for the duty manager, who has been told.")
            if screened.is_held
            else _("Checked. It can now be triaged.")
        ),
    )
    if outcome:
        return _on_to(request, outcome.result)
    return _again(request, suggestion, outcome, "screen_form", form)


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
@_posted_from_its_page
def suggestion_triage(request, suggestion):
    form = TriageForm(
        request.POST,
        owners=selectors.owner_choices(request.centre),
        duplicates=selectors.duplicate_choices(suggestion),
    )
    return _save(
        request,
        suggestion,
        form,
        "triage_form",
        services.suggestion_triage,
        _("Saved."),
        ("theme", "owner", "status", "agreed_in_part", "reason", "duplicate_of"),
    )


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
@_posted_from_its_page
def suggestion_wording(request, suggestion):
    if not access.may_write_wording(request.membership, suggestion):
        raise PermissionDenied
    return _save(
        request,
        suggestion,
        WordingForm(request.POST),
        "wording_form",
        services.suggestion_wording_write,
        _("Wording saved. A manager will approve it."),
        ("you_said", "we_did"),
        membership=request.membership,
    )


_NOT_LINKABLE = _lazy(
    "Only a suggestion that passed the safeguarding check, and is not a duplicate, can start "
    "or join an activity."
)


def _link_refused(request, suggestion):
    """Starting or joining an activity from this suggestion: refused (403) to someone who may
    not; for a suggestion that may not (not checked, or a duplicate), the way back to it with
    the message; None when it may go ahead."""
    if not access.may_start_activity(request.membership, suggestion):
        raise PermissionDenied
    if suggestion.screening != Suggestion.Screening.CLEAR or suggestion.duplicate_of_id:
        messages.error(request, _NOT_LINKABLE)
        return redirect("suggestions:detail", code=suggestion.receipt_code)
    return None


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_activity_start(request, code):
    """Start an activity from a woman's idea: staff edit the prefilled wording, then save."""
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if refused := _link_refused(request, suggestion):
        return refused
    initial = {"version": suggestion.version, **services.activity_prefill(suggestion)}
    form = ActivityFromIdeaForm(request.POST if request.method == "POST" else None, initial=initial)
    started = run_form(
        request,
        form,
        _service_call(
            request,
            suggestion,
            form,
            services.suggestion_activity_start,
            ("name", "kind", "category", "description", "idea_notes"),
            membership=request.membership,
        ),
        success=_("Activity started from suggestion %(code)s. Add when it runs.")
        % {"code": suggestion.receipt_code},
    )
    if started:
        return redirect("activities:activity_detail", pk=started.result.pk)
    if started.conflict:
        suggestion = started.conflict.current
    return _own_page(
        request, "suggestions/activity_start.html", form, started, suggestion=suggestion
    )


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
@_posted_from_its_page
def suggestion_activity_link(request, suggestion):
    if refused := _link_refused(request, suggestion):
        return refused
    return _save(
        request,
        suggestion,
        LinkActivityForm(request.POST, activities=selectors.activities_to_link(suggestion)),
        "link_form",
        services.suggestion_activity_link,
        _("Linked. The activity's page now shows it came from her idea."),
        ("activity",),
        membership=request.membership,
    )


def _manager_button(action, success):
    """A manager's button on the suggestion (approve, release), run by `action`: said as a
    message, except a clash, which shows the page again with what the other person saved
    (409)."""

    @roles_required(MANAGER_ONLY)
    @require_http_methods(["GET", "POST"])
    @_posted_from_its_page
    def button(request, suggestion):
        form = VersionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please reload the page and try again."))
            return redirect("suggestions:detail", code=suggestion.receipt_code)
        outcome = run_form(
            request, form, _service_call(request, suggestion, form, action), success=success
        )
        if outcome.conflict:
            current = outcome.conflict.current
            return _detail(request, current, status=409, conflict=current)
        if not outcome:
            refusal_said(request, form)
        return redirect("suggestions:detail", code=suggestion.receipt_code)

    return button


suggestion_approve = _manager_button(
    services.suggestion_wording_approve,
    _lazy("Approved. It is now on the tablet board and the next poster."),
)
suggestion_release = _manager_button(
    services.suggestion_release, _lazy("Released. It can now be triaged.")
)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def suggestion_redact(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    form = RedactForm(
        request.POST if request.method == "POST" else None,
        initial={
            "version": suggestion.version,
            "text": suggestion.text,
            "fix_idea": suggestion.fix_idea,
            "first_name": suggestion.first_name,
        },
    )
    redacted = run_form(
        request,
        form,
        _service_call(
            request,
            suggestion,
            form,
            services.suggestion_redact,
            ("text", "fix_idea", "first_name"),
        ),
        success=_("Personal details removed."),
    )
    if redacted:
        return redirect("suggestions:detail", code=code)
    return _own_page(request, "suggestions/redact.html", form, redacted, suggestion=suggestion)


def _own_page(request, template, form, outcome, **context):
    """A suggestion's page with a form of its own, not saved (or not yet posted): her form as she
    typed it, and on a clash what the other person saved (409); refused, its messages (400)."""
    conflict = outcome.conflict.current if outcome.conflict else None
    status = 409 if conflict else (400 if form.errors else 200)
    context.update(form=form, conflict=conflict)
    return render(request, template, context, status=status)


# Poster ----------------------------------------------------------------------------------------


@roles_required(ALL_MEMBERS)
@require_GET
def poster(request):
    return render(
        request,
        "suggestions/poster.html",
        {
            "poster": selectors.poster_for_centre(request.centre),
            "items": selectors.you_said_we_did_items(request.centre, limit=8),
            "may_rebuild": can(request, "rebuild_poster"),
        },
    )


@roles_required(ALL_MEMBERS)
@require_GET
def poster_status(request):
    return _poster_status(request)


def _poster_status(request):
    return render(
        request,
        "suggestions/_poster_status.html",
        {
            "poster": selectors.poster_for_centre(request.centre),
            "may_rebuild": can(request, "rebuild_poster"),
        },
    )


@roles_required(STAFF_ROLES)
@require_POST
def poster_rebuild(request):
    poster, started = services.poster_request(centre=request.centre)
    if request.headers.get("HX-Request"):
        return _poster_status(request)
    messages.success(
        request,
        _("The poster is being built.") if started else _("The poster is already being built."),
    )
    return redirect("suggestions:poster")


@roles_required(ALL_MEMBERS)
@require_GET
def poster_download(request):
    poster = selectors.poster_for_centre(request.centre)
    if not poster.downloadable:
        messages.info(request, _("There is no poster yet. Build one first."))
        return redirect("suggestions:poster")
    return document_download_response(request, poster)
