"""Reads for the platform, with visibility applied."""

import logging

from django.conf import settings

from .models import AuditEvent

logger = logging.getLogger(__name__)


def audit_events_for_centre(centre, filters):
    events = AuditEvent.objects.filter(centre=centre).select_related("actor")
    if filters.get("actor"):
        events = events.filter(actor=filters["actor"])
    if filters.get("action"):
        events = events.filter(action__startswith=filters["action"])
    if filters.get("object_type"):
        events = events.filter(object_type=filters["object_type"])
    if filters.get("object_id"):
        events = events.filter(object_id=filters["object_id"])
    if filters.get("woman_id"):
        events = events.filter(woman_id=filters["woman_id"])
    if filters.get("date_from"):
        events = events.filter(created_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(created_at__date__lte=filters["date_to"])
    return events.order_by("-created_at", "-id")


def broker_status():
    """ "ok", "down", or "eager" when no broker is configured (tasks run in-process)."""
    if not settings.REDIS_URL:
        return "eager"
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except (redis.RedisError, OSError):
        logger.warning("Health check: broker unavailable")
        return "down"
    return "ok"


def team_for_centre(centre):
    from django.db.models import Exists, OuterRef
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .models import Membership

    has_app = TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)
    return (
        Membership.objects.filter(centre=centre)
        .select_related("user")
        .annotate(has_sign_in_app=Exists(has_app))
        .order_by("-is_active", "role", "user__first_name")
    )


def get_membership_for_user(request, pk):
    from .access import get_for_user
    from .models import Membership

    return get_for_user(Membership.objects.select_related("user", "centre"), request, pk=pk)
