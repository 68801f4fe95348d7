"""Training, supervision, worries and the peer log."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.messaging import EMAIL, absolute_url, message_queue
from centre.models import Membership, User
from centre.roles import MANAGER_ONLY
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.services import suggestion_create

from ..messages import WORRY_HANDED_OVER
from ..models import (
    Helper,
    PeerConversation,
    Supervision,
    Training,
    Worry,
)
from ._rules import _not_future


@transaction.atomic
def training_record(
    *,
    helper: Helper,
    by: User,
    course: str,
    completed_on: date,
    accredited: bool,
    certificate: UploadedFile | None = None,
) -> Training:
    """Record a course she completed (with its certificate, if she has one)."""
    _not_future("completed_on", completed_on)
    training = Training(
        centre_id=helper.centre_id,
        helper=helper,
        course=course.strip(),
        completed_on=completed_on,
        accredited=accredited,
        recorded_by=by,
    )
    if certificate:
        training.certificate = certificate
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def supervision_record(
    *, helper: Helper, supervisor: User, held_on: date, notes: str = "", next_on: date | None = None
) -> Supervision:
    """Record a one-to-one."""
    if next_on is not None and next_on < held_on:
        raise ValidationError({"next_on": _("The next one-to-one comes after this one.")})
    supervision = Supervision(
        centre_id=helper.centre_id,
        helper=helper,
        supervisor=supervisor,
        held_on=held_on,
        notes=notes.strip(),
        next_on=next_on,
    )
    supervision.full_clean()
    supervision.save()
    return supervision


def _staff_to_tell(centre_id: int) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            centre_id=centre_id, role__in=MANAGER_ONLY, is_active=True
        ).select_related("user")
        if m.user.email
    ]


@transaction.atomic
def worry_hand_over(*, helper: Helper, text: str) -> Worry:
    """Hand a worry to staff in one step: it waits on the staff home page and the managers get
    one email each (queued once)."""
    worry = Worry(centre_id=helper.centre_id, helper=helper, text=text.strip())
    worry.full_clean()
    worry.save()
    link = absolute_url(reverse("involvement:worries"))
    for person in _staff_to_tell(helper.centre_id):
        message_queue(
            kind=WORRY_HANDED_OVER.name,
            channel=EMAIL,
            recipient=person.email,
            context={
                "name": person.first_name or person.username,
                "helper": helper.display_name,
                "link": link,
            },
            reference=f"worry:{worry.pk}",
            centre=helper.centre,
        )
    audit_log(
        actor=helper.user, action="involvement.worry.hand_over", centre=helper.centre, obj=worry
    )
    return worry


@transaction.atomic
def worry_take(*, worry: Worry, by: User) -> bool:
    """A member of staff takes the worry on. Safe to call twice: the first one takes it."""
    taken = Worry.objects.filter(pk=worry.pk, taken_at__isnull=True).update(
        taken_by=by, taken_at=timezone.now()
    )
    return bool(taken)


THEME_ABOUT: dict[str, str] = {
    Suggestion.Theme.BUILDING: Suggestion.About.CENTRE,
    Suggestion.Theme.ACTIVITIES: Suggestion.About.ACTIVITIES,
    Suggestion.Theme.FOOD: Suggestion.About.FOOD,
    Suggestion.Theme.STAFF: Suggestion.About.STAFF,
    Suggestion.Theme.MEETINGS: Suggestion.About.MEETINGS,
}


@transaction.atomic
def peer_conversation_log(
    *,
    helper: Helper,
    held_on: date,
    theme: str,
    outcome: str,
    follow_up: str = "",
    worry: str = "",
    idea: str = "",
) -> PeerConversation:
    """Log a peer conversation (no case details). A worry goes to staff in the same step; an
    idea goes into the suggestion box under the conversation's theme."""
    _not_future("held_on", held_on)
    entry = PeerConversation(
        centre_id=helper.centre_id,
        helper=helper,
        held_on=held_on,
        theme=theme,
        outcome=outcome.strip(),
        follow_up=follow_up.strip(),
        escalated=bool(worry.strip()),
    )
    entry.full_clean()
    if worry.strip():
        entry.worry = worry_hand_over(helper=helper, text=worry)
    if idea.strip():
        entry.suggestion = suggestion_create(
            centre=helper.centre,
            source=Suggestion.Source.PEER_REP,
            about=THEME_ABOUT.get(theme, Suggestion.About.OTHER),
            text=idea,
            by=helper.user,
            received_on=held_on,
        )
    entry.save()
    return entry
