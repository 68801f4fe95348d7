"""Meetings' generated files as platform document kinds (registered when the app is ready):
the printable agenda, made for each download (it changes until the meeting)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from centre.access import can
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register

from . import selectors
from .models import Meeting

AGENDA = "meeting_agenda"
MINUTES = "meeting_minutes"


def _meeting(document: Document) -> Meeting:
    return Meeting.objects.select_related("group").get(
        pk=document.object_id, centre=document.centre
    )


def _agenda_context(document: Document) -> dict[str, Any]:
    meeting = _meeting(document)
    return {
        "meeting": meeting,
        "items": selectors.agenda_items(meeting),
        "actions": selectors.agenda_actions(meeting),
    }


def _minutes_context(document: Document) -> dict[str, Any]:
    meeting = _meeting(document)
    return {
        "meeting": meeting,
        "minutes": selectors.minutes_of(meeting),
        "decisions": selectors.decisions_of(meeting),
        "actions": selectors.actions_raised(meeting),
        # The notice board: names only as each woman chose, never a woman who asked not to be.
        "attendance": selectors.attendance_summary(None, meeting),
        "interests": selectors.interests_of(meeting),
    }


def may_read_agenda(request: HttpRequest, document: Document) -> bool:
    """Whoever may see the meeting (the view has already found it among what she can see)."""
    return can(request, "see_meetings")


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=AGENDA,
            label=_("the agenda"),
            template="meetings/pdf/agenda.html",
            context=_agenda_context,
            filename=lambda document: f"agenda-{_meeting(document).starts_at:%Y-%m-%d}.pdf",
            may_read=may_read_agenda,
            audit_action="meetings.agenda.download",
        )
    )
    document_kind_register(
        DocumentKind(
            name=MINUTES,
            label=_("the minutes"),
            template="meetings/pdf/minutes.html",
            context=_minutes_context,
            filename=lambda document: f"minutes-{_meeting(document).starts_at:%Y-%m-%d}.pdf",
            may_read=may_read_agenda,
            audit_action="meetings.minutes.download",
        )
    )
