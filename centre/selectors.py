"""Reads for the platform, with visibility applied."""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import redis
from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import get_for_user, scope_to_centre
from .models import AuditEvent, Centre, Invitation, Membership, OutboxMessage, User
from .outbox import STALE_CLAIM

logger = logging.getLogger(__name__)


# The audit log's filters: the form's field name, then the lookup it filters by.
AUDIT_FILTERS = {
    "actor": "actor",
    "action": "action__startswith",
    "object_type": "object_type",
    "object_id": "object_id",
    "woman_id": "woman_id",
    "date_from": "created_at__date__gte",
    "date_to": "created_at__date__lte",
}


def audit_events_for_centre(centre: Centre, filters: Mapping[str, Any]) -> QuerySet[AuditEvent]:
    lookups = {
        AUDIT_FILTERS[name]: value
        for name, value in filters.items()
        if value and name in AUDIT_FILTERS
    }
    events = AuditEvent.objects.filter(centre=centre, **lookups).select_related("actor")
    return events.order_by("-created_at", "-id")


def broker_status() -> str:
    """ "ok", "down", or "eager" when no broker is configured (tasks run in-process)."""
    if not settings.REDIS_URL:
        return "eager"

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except (redis.RedisError, OSError):
        logger.warning("Health check: broker unavailable")
        return "down"
    return "ok"


@dataclass(frozen=True)
class OutboxBacklog:
    """How the outbox stands, for whoever watches it (`manage.py outbox_status`)."""

    due: int  # queued and due now: a healthy system sends these within a minute or two
    oldest_due_at: datetime | None
    waiting: int  # queued for later (reminders)
    sending: int
    stale_claims: int  # claimed by a worker that has not finished in STALE_CLAIM: died or stuck
    failed: int

    def oldest_due_wait(self, now: datetime) -> timedelta:
        return now - self.oldest_due_at if self.oldest_due_at else timedelta(0)


def outbox_backlog(now: datetime | None = None) -> OutboxBacklog:
    """The outbox's state across all centres, in one query."""
    now = now or timezone.now()
    queued = Q(status=OutboxMessage.Status.QUEUED)
    due = queued & Q(next_attempt_at__lte=now)
    sending = Q(status=OutboxMessage.Status.SENDING)
    numbers = OutboxMessage.objects.aggregate(
        due=Count("pk", filter=due),
        oldest_due_at=Min("next_attempt_at", filter=due),
        waiting=Count("pk", filter=queued & Q(next_attempt_at__gt=now)),
        sending=Count("pk", filter=sending),
        stale_claims=Count("pk", filter=sending & Q(claimed_at__lt=now - STALE_CLAIM)),
        failed=Count("pk", filter=Q(status=OutboxMessage.Status.FAILED)),
    )
    return OutboxBacklog(**numbers)


def team_for_centre(centre: Centre) -> QuerySet[Membership]:
    has_app = TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)
    return (
        Membership.objects.filter(centre=centre)
        .select_related("user")
        .annotate(has_sign_in_app=Exists(has_app))
        .order_by("-is_active", "role", "user__first_name")
    )


def get_membership_for_user(request: HttpRequest, pk: int) -> Membership:
    return get_for_user(Membership.objects.select_related("user", "centre"), request, pk=pk)


def pending_invitations_for_centre(request: HttpRequest) -> QuerySet:
    return (
        scope_to_centre(Invitation.objects.pending(), request)
        .select_related("invited_by")
        .order_by("email")
    )


def get_pending_invitation_for_manager(request: HttpRequest, pk: int) -> Invitation:
    """A pending invitation of the current centre, or a 404."""
    return get_for_user(Invitation.objects.pending(), request, pk=pk)


def pending_invitation_for_token(token: str) -> Invitation | None:
    """The open invitation this link's token belongs to, or None (used, expired, withdrawn)."""
    return (
        Invitation.objects.pending()
        .select_related("centre", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def pending_invitations_for_user(user: User) -> QuerySet:
    """Open invitations sent to this person's email address."""
    if not user.email:
        return Invitation.objects.none()
    return (
        Invitation.objects.pending()
        .filter(email__iexact=user.email)
        .select_related("centre", "invited_by")
        .order_by("created_at")
    )


def get_pending_invitation_for_user(user: User, pk: int) -> Invitation:
    """One of her own open invitations, or a 404: nobody else's is hers to answer."""
    try:
        return pending_invitations_for_user(user).get(pk=pk)
    except Invitation.DoesNotExist:
        raise Http404 from None


def account_exists_for(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()
