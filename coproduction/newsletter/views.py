"""The newsletter's pages: five steps each (rule, fetch in scope, form, service, redirect)."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import can, roles_required
from centre.pages import button_run, form_view, refusal_said, run_form
from centre.roles import STAFF_ROLES

from . import access, selectors, services
from .access import ISSUE_RUNNERS, READERS, WORKERS
from .forms import (
    CommentForm,
    ConsentForm,
    EditorForm,
    IssueForm,
    MoveForm,
    OwnPieceForm,
    PieceEditForm,
    WithdrawForm,
    WomanPieceForm,
)
from .models import ChecklistItem, Contribution, EditorialMember, Issue

# Every form here has the newsletter breadcrumb above its title (it sees `issue`).
_page = partial(form_view, breadcrumb="newsletter/_breadcrumb.html")


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _issue_address(issue: Issue, anchor: str = "") -> str:
    return reverse("newsletter:issue_detail", args=[issue.pk]) + anchor


def _piece_address(piece: Contribution, anchor: str = "") -> str:
    return reverse("newsletter:piece_detail", args=[piece.pk]) + anchor


# --- Issues -----------------------------------------------------------------------------------


@roles_required(READERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = {
        "open_issues": selectors.open_issues(request),
        "archive": selectors.archive(request),
        "subscribed": selectors.is_subscribed(request),
    }
    return render(request, "newsletter/index.html", context)


@roles_required(STAFF_ROLES)
@require_POST
def subscription(request: HttpRequest) -> HttpResponse:
    on = request.POST.get("on") == "1"
    services.subscription_set(centre=request.centre, user=request.user, on=on)
    messages.success(
        request,
        _("You will get each new issue by email.") if on else _("You will no longer get it."),
    )
    return redirect("newsletter:index")


def _previous_lists(request: HttpRequest) -> dict[str, Any]:
    last = selectors.archive(request).first()
    if last is None:
        return {}
    return {
        "ways_to_get_involved": last.ways_to_get_involved,
        "useful_numbers": last.useful_numbers,
    }


def _issue_values(form: BaseForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in services.EDITABLE_ISSUE_FIELDS}


@roles_required(ISSUE_RUNNERS)
@require_http_methods(["GET", "POST"])
def issue_create(request: HttpRequest) -> HttpResponse:
    form = IssueForm(request.POST or None, initial=_previous_lists(request))
    return _page(
        request,
        form,
        lambda: services.issue_create(
            centre=request.centre, by=request.user, **_issue_values(form)
        ),
        success=_("The issue is set up. Add its editorial group."),
        done=_issue_address,
        title=_("Start a new issue"),
        back=reverse("newsletter:index"),
    )


@roles_required(READERS)
@require_GET
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk)
    may_edit = access.may_edit_issue(request, issue)
    context = {
        "issue": issue,
        "may_edit": may_edit,
        "may_manage": access.may_manage_issue(request, issue) and issue.is_open,
        "may_contribute": access.may_contribute(request, issue),
        "may_build": access.may_build_issue(request, issue),
        "pieces": selectors.pieces_for_user(request, issue),
        "editors": selectors.editors_of(issue),
        "checklist": list(issue.checklist.select_related("done_by")),
        "document": selectors.issue_document(issue),
        "editor_form": EditorForm(choices=selectors.editor_choices(request, issue))
        if may_edit
        else None,
    }
    return render(request, "newsletter/issue_detail.html", context)


@roles_required(ISSUE_RUNNERS)
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk, manage=True)
    form = IssueForm(request.POST or None, instance=Issue.objects.get(pk=issue.pk))
    return _page(
        request,
        form,
        lambda: services.issue_update(
            issue=issue, expected_version=form.expected_version, values=_issue_values(form)
        ),
        success=_("The issue is saved."),
        done=_issue_address(issue),
        title=_("The issue's details"),
        back=_issue_address(issue),
        issue=issue,
    )


@roles_required(READERS)
@require_GET
def issue_read(request: HttpRequest, pk: int) -> HttpResponse:
    """The easy-read web page: a published issue for all; an open one previewed by editors."""
    issue = selectors.get_issue_for_user(request, pk)
    _refuse_unless(issue.is_published or access.may_edit_issue(request, issue))
    context = {
        "issue": issue,
        "pieces": selectors.piece_items(
            issue, image=lambda piece: reverse("newsletter:piece_photo", args=[piece.pk])
        ),
        # A published issue keeps the sections of the day it was built; a preview shows today's.
        "sections": issue.sections
        if issue.is_published
        else (issue.sections or selectors.auto_sections(issue)),
        "document": selectors.issue_document(issue) if issue.is_published else None,
    }
    return render(request, "newsletter/issue_read.html", context)


def _issue_button(
    request: HttpRequest, issue: Issue, call: Callable[[], Any], success: str, anchor: str = ""
) -> HttpResponse:
    """A button on the issue's page: its outcome as a message, and back to that page."""
    button_run(request, call, success)
    return redirect(_issue_address(issue, anchor))


@roles_required(ISSUE_RUNNERS)
@require_POST
def editor_add(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk, manage=True)
    form = EditorForm(request.POST, choices=selectors.editor_choices(request, issue))
    if not run_form(
        request,
        form,
        lambda: services.editor_add(issue=issue, user=form.cleaned_data["user"]),
        success=_("They are in the editorial group."),
    ):
        messages.error(request, _("Choose someone from the list to add."))
    return redirect(_issue_address(issue))


@roles_required(ISSUE_RUNNERS)
@require_POST
def editor_remove(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(
        EditorialMember.objects.select_related("issue"), pk=pk, issue__centre=request.centre
    )
    issue = selectors.get_issue_for_user(request, member.issue_id, manage=True)
    return _issue_button(
        request, issue, lambda: services.editor_remove(member=member), _("Removed.")
    )


@roles_required(WORKERS)
@require_POST
def checklist_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        ChecklistItem.objects.select_related("issue"), pk=pk, issue__centre=request.centre
    )
    issue = selectors.get_issue_for_user(request, item.issue_id)
    _refuse_unless(access.may_edit_issue(request, issue))
    return _issue_button(
        request,
        issue,
        lambda: services.checklist_toggle(item=item, by=request.user),
        _("Checklist saved."),
        anchor="#checklist-heading",
    )


@roles_required(ISSUE_RUNNERS)
@require_POST
def call_send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk, manage=True)
    emailed: list[int] = []  # button_run says only whether it ran: this keeps how many emails
    if button_run(
        request,
        lambda: emailed.append(services.call_send(issue=issue, by=request.user)),
        _("The call for contributions is on the tablet and sent to key workers."),
    ) and emailed == [0]:
        messages.info(request, _("No new email was needed: every key worker already has it."))
    return redirect(_issue_address(issue))


@roles_required(WORKERS)
@require_POST
def issue_build(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk)
    _refuse_unless(access.may_build_issue(request, issue))
    return _issue_button(
        request,
        issue,
        lambda: services.issue_build(issue=issue, by=request.user),
        _("The newsletter is being built. This page shows how far it has got."),
        anchor="#pdf-heading",
    )


@roles_required(ISSUE_RUNNERS)
@require_POST
def issue_publish(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk, manage=True)
    return _issue_button(
        request,
        issue,
        lambda: services.issue_publish(issue=issue, by=request.user),
        _("The issue is published: on the tablet, in the archive, and emailed to subscribers."),
    )


# --- Pieces -----------------------------------------------------------------------------------


def _piece_values(form: BaseForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {name: data[name] for name in services.PIECE_FIELDS}


def _create_piece(
    request: HttpRequest, issue: Issue, form: BaseForm, *, title: str, success: str, **who: Any
) -> HttpResponse:
    """Both ways a piece comes in (one's own, or a woman's): `who` says whose and how."""
    intro = _(
        "Type her words as she wrote them, from her page, a photo of it, or with her. Ask her "
        "whether she agrees to it being published and how she wants it credited."
    )
    return _page(
        request,
        form,
        lambda: services.contribution_create(
            issue=issue,
            by=request.user,
            image=form.cleaned_data["image"],
            **_consent_values(form),
            **who,
            **_piece_values(form),
        ),
        success=success,
        done=_piece_address,
        title=title,
        back=_issue_address(issue),
        issue=issue,
        intro=intro if "woman" in who else "",
    )


@roles_required(WORKERS)
@require_http_methods(["GET", "POST"])
def piece_create(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk)
    _refuse_unless(access.may_contribute(request, issue))
    form = OwnPieceForm(request.POST or None, request.FILES or None)
    return _create_piece(
        request,
        issue,
        form,
        title=_("Send in a piece"),
        success=_("Thank you: your piece is in."),
        written_by=access.writer_kind(request),
        source=Contribution.Source.BY_AUTHOR,
    )


@roles_required(ISSUE_RUNNERS)
@require_http_methods(["GET", "POST"])
def piece_for_woman(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.get_issue_for_user(request, pk)
    _refuse_unless(access.may_contribute(request, issue) and can(request, "enter_pieces_for_women"))
    form = WomanPieceForm(
        request.POST or None, request.FILES or None, women=selectors.woman_choices(request)
    )
    data = form.cleaned_data if request.method == "POST" and form.is_valid() else {}
    return _create_piece(
        request,
        issue,
        form,
        title=_("Enter a woman's piece"),
        success=_("Her piece is in."),
        written_by=Contribution.From.WOMAN,
        woman=data.get("woman"),
        source=data.get("source", ""),
    )


@roles_required(READERS)
@require_GET
def piece_detail(request: HttpRequest, pk: int) -> HttpResponse:
    piece = selectors.get_piece_for_user(request, pk)
    may_edit = access.may_edit_issue(request, piece.issue)
    context = {
        "piece": piece,
        "issue": piece.issue,
        "credit": piece.credit_line,
        "sees_her_record": access.sees_her_record(request, piece.woman),
        "may_edit_issue": may_edit,
        "may_change": access.may_change_piece(request, piece),
        "may_record_consent": access.may_record_consent(request, piece),
        "may_withdraw": access.may_withdraw(request, piece),
        "moves": sorted(services.MOVES.get(piece.state, set())) if may_edit else [],
        "comments": selectors.comments_on(piece) if may_edit else [],
        "comment_form": CommentForm() if may_edit and piece.issue.is_open else None,
    }
    return render(request, "newsletter/piece_detail.html", context)


def _piece_for_change(request: HttpRequest, pk: int, allowed: Callable[..., bool]) -> Contribution:
    piece = selectors.get_piece_for_user(request, pk)
    _refuse_unless(allowed(request, piece))
    return piece


def _piece_page(
    request: HttpRequest, piece: Contribution, form: BaseForm, save: Callable[[], Any], **page: Any
) -> HttpResponse:
    """A form about one piece: Back to the piece's page, and on to it once saved (unless `done`
    says where)."""
    page.setdefault("done", _piece_address(piece))
    return _page(request, form, save, back=_piece_address(piece), issue=piece.issue, **page)


def _consent_values(form: BaseForm) -> dict[str, Any]:
    """What she agreed to, and how she is credited: asked for a new piece and changed later."""
    names = ("consent_to_publish", "credit", "everyone_in_photo_agreed")
    return {name: form.cleaned_data[name] for name in names}


@roles_required(WORKERS)
@require_http_methods(["GET", "POST"])
def piece_edit(request: HttpRequest, pk: int) -> HttpResponse:
    piece = _piece_for_change(request, pk, access.may_change_piece)
    form = PieceEditForm(
        request.POST or None,
        request.FILES or None,
        instance=Contribution.objects.get(pk=piece.pk),
    )
    return _piece_page(
        request,
        piece,
        form,
        lambda: services.contribution_update(
            piece=piece,
            expected_version=form.expected_version,
            values=_piece_values(form),
            # A new photo only if one was sent (the form's own value is the piece's old one).
            image=(request.FILES.get("image") and form.cleaned_data["image"]) or None,
        ),
        fields=services.PIECE_FIELDS,
        success=_("The piece is saved."),
        title=_("Edit the piece"),
    )


@roles_required(WORKERS)
@require_http_methods(["GET", "POST"])
def piece_consent(request: HttpRequest, pk: int) -> HttpResponse:
    piece = _piece_for_change(request, pk, access.may_record_consent)
    form = ConsentForm(
        request.POST or None,
        initial={
            "consent_to_publish": piece.consent_to_publish,
            "credit": piece.credit,
            "everyone_in_photo_agreed": piece.everyone_in_photo_agreed,
            "version": piece.version,
        },
    )
    return _piece_page(
        request,
        piece,
        form,
        lambda: services.contribution_consent(
            piece=piece,
            by=request.user,
            expected_version=form.expected_version,
            **_consent_values(form),
        ),
        success=_("Her consent and credit are saved."),
        title=_("Consent and credit"),
        intro=_("What she agreed to, in her words, the last time you asked her."),
    )


@roles_required(WORKERS)
@require_POST
def piece_move(request: HttpRequest, pk: int) -> HttpResponse:
    piece = _piece_for_change(request, pk, lambda r, p: access.may_edit_issue(r, p.issue))
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where the piece goes next."))
        return redirect(_piece_address(piece))
    state = form.cleaned_data["state"]
    moved = run_form(
        request,
        form,
        lambda: services.contribution_move(
            piece=piece, by=request.user, expected_version=form.expected_version, state=state
        ),
        success=_("The piece is now: %(state)s.") % {"state": Contribution.State(state).label},
    )
    if not moved and form.errors:
        refusal_said(request, form)
    return redirect(_piece_address(piece))


@roles_required(WORKERS)
@require_http_methods(["GET", "POST"])
def piece_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    piece = _piece_for_change(request, pk, access.may_withdraw)
    form = WithdrawForm(request.POST or None, initial={"for_her": piece.woman_id is not None})
    return _piece_page(
        request,
        piece,
        form,
        lambda: services.contribution_withdraw(piece=piece, by=request.user, **form.cleaned_data),
        success=_("The piece is withdrawn. It will not be printed."),
        done=_issue_address(piece.issue),
        title=_("Withdraw this piece"),
        intro=_("It will be in no newsletter, page or email. This cannot be undone."),
        button=_("Withdraw the piece"),
    )


@roles_required(WORKERS)
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Posted from the piece's page; refused (empty, or longer than 1,500 characters), her
    comment comes back on a page of its own to finish."""
    piece = _piece_for_change(request, pk, lambda r, p: access.may_edit_issue(r, p.issue))
    form = CommentForm(request.POST)
    return _piece_page(
        request,
        piece,
        form,
        lambda: services.comment_add(piece=piece, by=request.user, text=form.cleaned_data["text"]),
        success=_("Your comment is added."),
        done=_piece_address(piece, "#comments-heading"),
        title=_("Comment for the editors"),
    )


@roles_required(READERS)
@require_GET
def piece_photo(request: HttpRequest, pk: int) -> HttpResponse:
    piece = selectors.get_piece_for_user(request, pk)
    if not piece.image:
        raise Http404
    response = FileResponse(piece.image.open("rb"))
    response["Cache-Control"] = "private, no-store"
    return response
