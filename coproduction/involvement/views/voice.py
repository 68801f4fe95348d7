"""Worries handed over, the peer log, exit questionnaires, and the tablet's two pages."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centre.access import can, require, roles_required
from centre.pages import form_view
from centre.roles import VOLUNTEERS
from coproduction.kiosk.access import tablet_page
from coproduction.kiosk.pages import tablet_form, tablet_render

from .. import access, selectors, services
from ..forms import (
    ExitPaperForm,
    PeerConversationForm,
    TabletExitForm,
    TabletInterestForm,
    WorryForm,
)
from ..models import ExitQuestionnaire, Helper, Opportunity, Placement
from ._common import EVERYONE_HERE, STAFF

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
    return form_view(
        request,
        form,
        lambda: services.worry_hand_over(helper=helper, text=form.cleaned_data["text"]),
        success=_("A member of staff has your worry and will pick it up today."),
        done="involvement:mine",
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
    return form_view(
        request,
        form,
        lambda: services.peer_conversation_log(helper=helper, **form.cleaned_data),
        success=_("The conversation is logged."),
        done="involvement:peer_log",
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
    return form_view(
        request,
        form,
        lambda: services.exit_questionnaire_record(
            centre=request.centre,
            source=ExitQuestionnaire.Source.PAPER,
            by=request.user,
            **form.cleaned_data,
        ),
        success=_("Her answers are saved."),
        done="involvement:exits",
        title=_("Type up a paper exit questionnaire"),
        back=reverse("involvement:exits"),
    )


# --- The tablet -------------------------------------------------------------------------------


def _thanks(request: HttpRequest, *, leaving: bool) -> HttpResponse:
    return tablet_render(request, "involvement/tablet/thanks.html", {"exit": leaving})


@tablet_page
@require_http_methods(["GET", "POST"])
def tablet_exit(request: HttpRequest) -> HttpResponse:
    """Moving on: a short questionnaire, anonymous unless she gives her first name."""

    def record(data: dict[str, Any]) -> HttpResponse:
        services.exit_questionnaire_record(
            centre=request.kiosk_centre,  # type: ignore[attr-defined]
            source=ExitQuestionnaire.Source.TABLET,
            **data,
        )
        return _thanks(request, leaving=True)

    return tablet_form(
        request,
        TabletExitForm(request.POST if request.method == "POST" else None),
        "involvement/tablet/exit.html",
        record,
    )


@tablet_page
@require_http_methods(["GET", "POST"])
def tablet_interest(request: HttpRequest) -> HttpResponse:
    """ "I'd like to help": the roles on offer, and her first name so staff can talk to her."""
    centre = request.kiosk_centre  # type: ignore[attr-defined]
    offered = Opportunity.objects.filter(centre=centre, is_open=True)

    def record(data: dict[str, Any]) -> HttpResponse:
        services.interest_record(
            centre=centre,
            opportunity=data["opportunity"],
            source=Placement.Source.TABLET,
            by=None,
            name=data["first_name"],
            contact=data["contact"],
        )
        return _thanks(request, leaving=False)

    return tablet_form(
        request,
        TabletInterestForm(
            request.POST if request.method == "POST" else None, opportunities=offered
        ),
        "involvement/tablet/interest.html",
        record,
        offered=offered,
    )
