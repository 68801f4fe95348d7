"""Telling the centre's staff: emails to managers when who sees a record changes."""

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from centre.messaging import absolute_url, message_queue
from centre.models import Centre, Membership, OutboxMessage, User
from centre.roles import Role

from ..messages import (
    RECORD_ACCESS_CHANGED,
)
from ..models import Agency, Woman


def managers_of(centre: Centre) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            centre=centre, role=Role.MANAGER, is_active=True
        ).select_related("user")
    ]


def email_staff(
    *,
    user: User,
    kind: str,
    reference: str,
    context: dict[str, Any],
    centre: Centre,
    scheduled_for: datetime | None = None,
) -> tuple[OutboxMessage | None, bool]:
    """Queue an email of this message kind to a member of staff. Returns (message, created);
    (None, False) when she has no email address."""
    if not user.email:
        return None, False
    return message_queue(
        kind=kind,
        reference=reference,
        channel=OutboxMessage.Channel.EMAIL,
        recipient=user.email,
        context=context,
        centre=centre,
        send_at=scheduled_for,
    )


def tell_managers_access_changed(
    *, woman: Woman, worker: User | Agency, change: str, by: User
) -> None:
    """Every change to who can see her record goes to the centre's managers (no name of hers:
    the link leads to the record, where the manager's own access applies)."""
    context = {
        "worker": str(worker),
        "change": change,
        "by": str(by),
        "link": absolute_url(reverse("casework:woman_viewers", args=[woman.pk])),
    }
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    for manager in managers_of(woman.centre):
        if manager.pk == by.pk:
            continue
        email_staff(
            user=manager,
            kind=RECORD_ACCESS_CHANGED.name,
            reference=f"record_access:{woman.pk}:{worker.pk}:{change}:{stamp}",
            context=context,
            centre=woman.centre,
        )
