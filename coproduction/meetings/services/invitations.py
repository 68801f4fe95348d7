"""Invitations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.models import User

from ..models import (
    Invitation,
    Meeting,
)


@transaction.atomic
def invitation_record(
    *,
    meeting: Meeting,
    by: User,
    method: str,
    answer: str = Invitation.Answer.NOT_KNOWN,
    woman: Woman | None = None,
    user: User | None = None,
    route: str = Invitation.Route.KEY_WORKER,
) -> Invitation:
    """That `by` asked her (or him) to this meeting, how, and the answer. Asking again (a
    new answer, say) updates the one row for that person and meeting, so it is kept once."""
    if (user is None) == (woman is None):
        raise ValidationError(_("Choose one person to invite."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: nobody can be invited to it."))
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has already started."))
    if woman is not None and (woman.centre_id != meeting.centre_id or woman.anonymised_at):
        raise ValidationError(_("That woman is not at this centre."))
    candidate = Invitation(meeting=meeting, route=route, method=method, answer=answer)
    candidate.full_clean(exclude=["meeting", "user", "woman", "invited_by"], validate_unique=False)
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # two recording at once: one waits
    invitation, _created = Invitation.objects.update_or_create(
        meeting=meeting,
        woman=woman,
        user=user,
        defaults={
            "route": route,
            "method": method,
            "answer": answer,
            "invited_by": by,
            "invited_at": timezone.now(),
        },
    )
    return invitation


@transaction.atomic
def members_invite(*, meeting: Meeting, by: User, method: str) -> int:
    """Record that every current member not yet invited to this meeting was invited directly
    (the organiser sent the invitation round). Returns how many; safe to call twice."""
    invited = meeting.invitations.all()
    have_users = set(invited.filter(user__isnull=False).values_list("user_id", flat=True))
    have_women = set(invited.filter(woman__isnull=False).values_list("woman_id", flat=True))
    added = 0
    for member in meeting.group.members.filter(left_on__isnull=True).select_related("woman"):
        if member.user_id in have_users or (member.woman_id and member.woman_id in have_women):
            continue
        if member.woman is not None and member.woman.anonymised_at:
            continue
        invitation_record(
            meeting=meeting,
            by=by,
            method=method,
            user=member.user if member.user_id else None,
            woman=member.woman if member.woman_id else None,
            route=Invitation.Route.DIRECT,
        )
        added += 1
    return added
