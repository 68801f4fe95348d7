"""Fetching a woman's record under the record policy, and what its pages show."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from centre.access import scope_to_centre
from centre.models import AuditEvent
from centre.requests import CentreRequest

from ..access import (
    UNRESTRICTED,
    Part,
    RecordAccess,
    Sharing,
    record_access,
)
from ..models import (
    Allocation,
    Appointment,
    SupportPlan,
    Woman,
)
from .alerts import visible_alerts
from .sharing import domain_filter, restricted_visible, sharing_prompts

# Full record / front-desk card / the card plus her own contacts (an involved partner worker
# whose agency the woman has not agreed to share with).
FULL = "full"


CARD = "card"


OWN = "own"


def level_of(record: RecordAccess) -> str:
    """FULL (some part of her record), OWN (an involved partner worker shut out by the
    agreement: the card and her own contacts) or CARD."""
    if record.sees_record:
        return FULL
    return OWN if record.sees_own_contacts else CARD


def access_level(request: CentreRequest, woman: Woman) -> str:
    """FULL, OWN or CARD for a woman already known to be in the current centre."""
    return level_of(record_access(request, woman))


def get_woman_for_user(
    request: CentreRequest, pk: Any, *, require: str = FULL, part: Part | None = None
) -> tuple[Woman, str]:
    """The woman in the user's centre (404 otherwise) and the user's access level.

    With require=FULL, a worker who may only see the card (or the card and her own contacts)
    gets `NeedsBreakGlass`; with require=OWN, only a worker limited to the card does. With
    `part`, a reader who does not see that part of her record gets `NeedsBreakGlass` too."""
    try:
        woman = scope_to_centre(Woman.objects.select_related("key_worker"), request).get(pk=pk)
    except (Woman.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    record = record_access(request, woman)
    level = level_of(record)
    if (require == FULL and level != FULL) or (require == OWN and level == CARD):
        raise NeedsBreakGlass(woman, level=level, sharing=record.sharing)
    if part is not None and level == FULL and not record.sees(part):
        raise NeedsBreakGlass(woman, level=level, sharing=record.sharing)
    return woman, level


class NeedsBreakGlass(Exception):  # noqa: N818 - it is a signal, not an error
    def __init__(self, woman: Woman, *, level: str = CARD, sharing: Sharing | None = None):
        super().__init__("this part of her record needs allocation or break the glass")
        self.woman = woman
        self.level = level
        self.sharing = sharing or UNRESTRICTED


def record_viewers(woman: Woman) -> QuerySet[AuditEvent]:
    """Who looked at or changed this record (any part of it, her referral included), newest
    first (for the manager, a page at a time)."""
    return (
        AuditEvent.objects.filter(
            Q(woman_id=woman.pk) | Q(object_type="casework.woman", object_id=str(woman.pk)),
            centre_id=woman.centre_id,
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def starts_from(day: date) -> datetime:
    """The first moment of `day` in the centre's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def booked_on_q(day: date) -> Q:
    """Database filter on appointments: booked for `day` and not yet attended, missed or
    cancelled.

    As a range of moments, not `starts_at__date`: the database cannot use an index on the
    moment to find a date worked out from it, and read every appointment there ever was."""
    return Q(
        starts_at__gte=starts_from(day),
        starts_at__lt=starts_from(day + timedelta(days=1)),
        status=Appointment.Status.BOOKED,
    )


def card_context(request: CentreRequest, woman: Woman) -> dict[str, Any]:
    """What the front desk may see: name, key worker, alerts, today's appointments."""
    today = timezone.localdate()
    return {
        "alerts": visible_alerts(request, woman),
        "today_appointments": list(
            woman.appointments.filter(booked_on_q(today)).select_related("worker")
        ),
    }


def record_context(request: CentreRequest, woman: Woman) -> dict[str, Any]:
    """Everything the record's overview shows, in a fixed number of queries."""
    today = timezone.localdate()
    allocations = list(
        woman.allocations.filter(ended_at__isnull=True).select_related("worker").order_by("kind")
    )
    handover = next(
        (
            a
            for a in allocations
            if a.kind == Allocation.Kind.KEY_WORKER
            and a.worker_id == request.user.pk
            and a.handover_note
            and a.handover_read_at is None
        ),
        None,
    )
    see = restricted_visible(request, woman)
    record = record_access(request, woman)
    sharing = record.sharing
    involved = [a for a in allocations if a.kind == Allocation.Kind.INVOLVED]
    may_record_sharing = record.may_record_sharing
    return {
        **card_context(request, woman),
        "involved": involved,
        "sharing": sharing,
        "sharing_prompts": sharing_prompts(woman, involved) if may_record_sharing else [],
        "handover": handover,
        "upcoming": list(
            woman.appointments.filter(starts_at__gte=starts_from(today - timedelta(days=7)))
            .exclude(status=Appointment.Status.CANCELLED)
            .select_related("worker")
            .order_by("starts_at")[:10]
        ),
        "open_actions": list(
            woman.actions.filter(done_on__isnull=True)
            .filter(Q(goal__isnull=True) | domain_filter(sharing, "goal__domain"))
            .select_related("owner")[:20]
        ),
        "recent_contacts": list(woman.contacts.filter(see).select_related("worker")[:5]),
        "stage_history": list(woman.stage_changes.select_related("changed_by")[:20]),
        "plan": SupportPlan.objects.filter(woman=woman).first(),
        "today": today,
    }
