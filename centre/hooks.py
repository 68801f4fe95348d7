"""The platform's own navigation and home panels (see centre.features)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .features import HomePanel, NavItem
from .models import AuditEvent, OutboxMessage
from .roles import Role


def nav_items(request):
    if request.membership.role == Role.MANAGER:
        return [
            NavItem(_("Team"), reverse("team"), "/centre/"),
            NavItem(_("Audit log"), reverse("audit_log"), "/audit/"),
        ]
    return []


def home_panels(request):
    if request.membership.role != Role.MANAGER:
        return []
    since = timezone.now() - timedelta(days=7)
    failed = OutboxMessage.objects.filter(
        centre=request.centre, status=OutboxMessage.Status.FAILED
    ).count()
    reads = AuditEvent.objects.filter(centre=request.centre, created_at__gte=since).count()
    return [
        HomePanel(
            title=_("Records and messages"),
            template="centre/_panel_platform.html",
            context={"audit_events_week": reads, "failed_messages": failed},
            order=90,
        )
    ]
