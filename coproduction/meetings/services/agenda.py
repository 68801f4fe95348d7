"""Agenda and actions."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.models import Centre, User
from coproduction.suggestions.models import Suggestion

from ..models import (
    Action,
    AgendaItem,
    Group,
    Meeting,
)


def standing_titles(group: Group) -> list[str]:
    return [line.strip()[:300] for line in group.standing_items.splitlines() if line.strip()]


def suggestions_for_meetings(centre: Centre) -> QuerySet[Suggestion]:
    """Open suggestions marked "taken to a meeting" that passed the safeguarding check."""
    return Suggestion.objects.filter(
        centre=centre,
        status=Suggestion.Status.MEETING,
        screening=Suggestion.Screening.CLEAR,
        duplicate_of__isnull=True,
    ).order_by("received_on", "receipt_code")


def _suggestion_title(suggestion: Suggestion) -> str:
    return f"{suggestion.receipt_code}: {suggestion.you_said or suggestion.text}"[:300]


@transaction.atomic
def agenda_bring_in(*, meeting: Meeting) -> int:
    """Add the group's standing items and the open suggestions marked for a meeting that are not
    on this agenda yet; returns how many were added. Safe to call twice."""
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: its agenda cannot change."))
    items = meeting.agenda_items
    position = (items.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    have_titles = set(items.filter(kind=AgendaItem.Kind.STANDING).values_list("title", flat=True))
    have_suggestions = set(items.values_list("suggestion_id", flat=True))
    new = [
        AgendaItem(meeting=meeting, kind=AgendaItem.Kind.STANDING, title=title)
        for title in standing_titles(meeting.group)
        if title not in have_titles
    ] + [
        AgendaItem(
            meeting=meeting,
            kind=AgendaItem.Kind.SUGGESTION,
            title=_suggestion_title(suggestion),
            suggestion=suggestion,
        )
        for suggestion in suggestions_for_meetings(meeting.centre)
        if suggestion.pk not in have_suggestions
    ]
    for offset, item in enumerate(new):
        item.position = position + offset
    AgendaItem.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, raised_by: str, naming: str) -> AgendaItem:
    """A new item, with who raises it and how she wants to be named."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: its agenda cannot change."))
    last = meeting.agenda_items.order_by("-position").values_list("position", flat=True).first()
    item = AgendaItem(
        meeting=meeting,
        kind=AgendaItem.Kind.NEW,
        title=title.strip(),
        raised_by=raised_by.strip(),
        naming=naming,
        position=(last or 0) + 1,
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    """Take an item off the agenda (carried-forward actions are not items and cannot be)."""
    item.delete()


@transaction.atomic
def action_create(*, meeting: Meeting, text: str, owner: User, due_on: date) -> Action:
    """An action point raised at this meeting; it is on the group's agendas until closed."""
    action = Action(
        centre=meeting.centre,
        group=meeting.group,
        raised_at=meeting,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_close(
    *, action: Action, status: str, reason: str = "", on: date | None = None
) -> Action:
    """Mark an open action done, or dropped with a reason. Closing a closed action is an error,
    so two people closing it at once cannot both win."""
    if status not in (Action.Status.DONE, Action.Status.DROPPED):
        raise ValidationError(_("Choose done or dropped."))
    if status == Action.Status.DROPPED and not reason.strip():
        raise ValidationError({"reason": _("Say why it is dropped: the group will see this.")})
    values = {
        "status": status,
        "closed_on": on or timezone.localdate(),
        "dropped_reason": reason.strip() if status == Action.Status.DROPPED else "",
    }
    if Action.objects.filter(pk=action.pk, status=Action.Status.OPEN).update(**values) != 1:
        raise ValidationError(_("Someone has already closed this action."))
    action.refresh_from_db()
    return action
