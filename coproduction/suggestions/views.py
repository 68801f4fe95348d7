"""Staff pages: the suggestions list, screening, triage, wording, ideas that become activities,
and the "you said, we did" poster."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre import deadlines
from centre.access import can, roles_required
from centre.audit import audit_request
from centre.documents.views import document_download_response
from centre.forms import add_service_errors
from centre.roles import (
    ALL_MEMBERS,
    MANAGER_ONLY,
    STAFF_ROLES,
    VOLUNTEER_AND_STAFF,
)
from centre.versioning import save_versioned

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
    if request.method == "POST" and form.is_valid():
        try:
            suggestion = services.suggestion_create(
                centre=request.centre, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Suggestion added. Its receipt code is %(code)s: give it to her if you can.")
                % {"code": suggestion.receipt_code},
            )
            # Volunteers only see suggestions after the safeguarding check; held ones are
            # for managers only.
            if not access.may_open_suggestion(request, suggestion):
                return redirect("suggestions:index")
            return redirect("suggestions:detail", code=suggestion.receipt_code)
    return render(request, "suggestions/suggestion_form.html", {"form": form})


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


def _save(request, suggestion, save, success, form_name=None, form=None):
    """Save through the versioning helper and answer as the detail page does: back to the
    suggestion when saved; on a clash, the page again with what the other person saved and her
    form as she typed it (status 409); on a service error, her form with its messages (400)."""
    form = form if form is not None else VersionForm(request.POST)
    saved, conflict = save_versioned(request, form, save)
    if saved:
        messages.success(request, success)
        return redirect("suggestions:detail", code=suggestion.receipt_code)
    forms = {form_name: form} if form_name else {}
    if conflict:
        current = conflict.current
        return _detail(request, current, status=409, conflict=current, **forms)
    if not form_name:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("suggestions:detail", code=suggestion.receipt_code)
    return _detail(request, suggestion, status=400, **forms)


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_screen(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ScreenForm(request.POST)
    if not form.is_valid():
        return _detail(request, suggestion, status=400, screen_form=form)
    saved, conflict = save_versioned(
        request,
        form,
        lambda: services.suggestion_screen(
            suggestion=suggestion,
            by=request.user,
            hold=form.cleaned_data["decision"] == "hold",
            expected_version=form.cleaned_data["version"],
        ),
    )
    if conflict:
        return _detail(
            request, conflict.current, status=409, conflict=conflict.current, screen_form=form
        )
    if not saved:
        return _detail(request, suggestion, status=400, screen_form=form)
    if suggestion.is_held:
        messages.success(request, _("Held for the duty manager, who has been told."))
        if not access.may_open_suggestion(request, suggestion):
            return redirect("suggestions:index")
    else:
        messages.success(request, _("Checked. It can now be triaged."))
    return redirect("suggestions:detail", code=code)


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_triage(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = TriageForm(
        request.POST,
        owners=selectors.owner_choices(request.centre),
        duplicates=selectors.duplicate_choices(suggestion),
    )
    if not form.is_valid():
        return _detail(request, suggestion, status=400, triage_form=form)
    data = form.cleaned_data
    return _save(
        request,
        suggestion,
        lambda: services.suggestion_triage(
            suggestion=suggestion,
            by=request.user,
            expected_version=data["version"],
            theme=data["theme"],
            owner=data["owner"],
            status=data["status"],
            agreed_in_part=data["agreed_in_part"],
            reason=data["reason"],
            duplicate_of=data["duplicate_of"],
        ),
        _("Saved."),
        "triage_form",
        form,
    )


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_wording(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not access.may_write_wording(request.membership, suggestion):
        raise PermissionDenied
    form = WordingForm(request.POST)
    if not form.is_valid():
        return _detail(request, suggestion, status=400, wording_form=form)
    data = form.cleaned_data
    return _save(
        request,
        suggestion,
        lambda: services.suggestion_wording_write(
            suggestion=suggestion,
            by=request.user,
            membership=request.membership,
            expected_version=data["version"],
            you_said=data["you_said"],
            we_did=data["we_did"],
        ),
        _("Wording saved. A manager will approve it."),
        "wording_form",
        form,
    )


_NOT_LINKABLE = _lazy(
    "Only a suggestion that passed the safeguarding check, and is not a duplicate, can start "
    "or join an activity."
)


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_activity_start(request, code):
    """Start an activity from a woman's idea: staff edit the prefilled wording, then save."""
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if not access.may_start_activity(request.membership, suggestion):
        raise PermissionDenied
    if suggestion.screening != Suggestion.Screening.CLEAR or suggestion.duplicate_of_id:
        messages.error(request, _NOT_LINKABLE)
        return redirect("suggestions:detail", code=code)
    initial = {"version": suggestion.version, **services.activity_prefill(suggestion)}
    form = ActivityFromIdeaForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        started = []
        saved, conflict = save_versioned(
            request,
            form,
            lambda: started.append(
                services.suggestion_activity_start(
                    suggestion=suggestion,
                    by=request.user,
                    membership=request.membership,
                    expected_version=data["version"],
                    name=data["name"],
                    kind=data["kind"],
                    category=data["category"],
                    description=data["description"],
                    idea_notes=data["idea_notes"],
                )
            ),
        )
        if saved:
            messages.success(
                request,
                _("Activity started from suggestion %(code)s. Add when it runs.")
                % {"code": suggestion.receipt_code},
            )
            return redirect("activities:activity_detail", pk=started[0].pk)
        if conflict:
            suggestion = conflict.current
            return render(
                request,
                "suggestions/activity_start.html",
                {"form": form, "suggestion": suggestion},
                status=409,
            )
    status = 400 if form.errors else 200
    return render(
        request,
        "suggestions/activity_start.html",
        {"form": form, "suggestion": suggestion},
        status=status,
    )


@roles_required(STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def suggestion_activity_link(request, code):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not access.may_start_activity(request.membership, suggestion):
        raise PermissionDenied
    if suggestion.screening != Suggestion.Screening.CLEAR or suggestion.duplicate_of_id:
        messages.error(request, _NOT_LINKABLE)
        return redirect("suggestions:detail", code=code)
    form = LinkActivityForm(request.POST, activities=selectors.activities_to_link(suggestion))
    if not form.is_valid():
        return _detail(request, suggestion, status=400, link_form=form)
    return _save(
        request,
        suggestion,
        lambda: services.suggestion_activity_link(
            suggestion=suggestion,
            by=request.user,
            membership=request.membership,
            expected_version=form.cleaned_data["version"],
            activity=form.cleaned_data["activity"],
        ),
        _("Linked. The activity's page now shows it came from her idea."),
        "link_form",
        form,
    )


def _version_action(request, code, action, success):
    suggestion = selectors.get_suggestion_for_user(request, code, change=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please reload the page and try again."))
        return redirect("suggestions:detail", code=code)
    return _save(
        request,
        suggestion,
        lambda: action(
            suggestion=suggestion, by=request.user, expected_version=form.cleaned_data["version"]
        ),
        success,
        form=form,
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def suggestion_approve(request, code):
    return _version_action(
        request,
        code,
        services.suggestion_wording_approve,
        _("Approved. It is now on the tablet board and the next poster."),
    )


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def suggestion_release(request, code):
    return _version_action(
        request, code, services.suggestion_release, _("Released. It can now be triaged.")
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
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, clash = save_versioned(
            request,
            form,
            lambda: services.suggestion_redact(
                suggestion=suggestion,
                by=request.user,
                expected_version=data["version"],
                text=data["text"],
                fix_idea=data["fix_idea"],
                first_name=data["first_name"],
            ),
        )
        if saved:
            messages.success(request, _("Personal details removed."))
            return redirect("suggestions:detail", code=code)
        conflict = clash.current if clash else None
    status = 409 if conflict else (400 if form.errors else 200)
    return render(
        request,
        "suggestions/redact.html",
        {"form": form, "suggestion": suggestion, "conflict": conflict},
        status=status,
    )


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
