"""The platform's own navigation and home panels (see centre.features)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .access import can
from .features import HomePanel, NavItem
from .models import AuditEvent, OutboxMessage


def nav_items(request):
    items = []
    if can(request, "manage_team"):
        items.append(NavItem(_("Team"), reverse("team"), "/centre/"))
    if can(request, "read_audit_log"):
        items.append(NavItem(_("Audit log"), reverse("audit_log"), "/audit/"))
    return items


def home_panels(request):
    panels = _invitations_panel(request)
    if can(request, "read_audit_log"):
        panels.append(_records_panel(request))
    return panels


def _invitations_panel(request):
    count = selectors.pending_invitations_for_user(request.user).count()
    if not count:
        return []
    return [
        HomePanel(
            title=_("Invitations"),
            template="centre/_panel_invitations.html",
            context={"count": count},
            order=1,
        )
    ]


def _records_panel(request):
    since = timezone.now() - timedelta(days=7)
    failed = OutboxMessage.objects.filter(
        centre=request.centre, status=OutboxMessage.Status.FAILED
    ).count()
    reads = AuditEvent.objects.filter(centre=request.centre, created_at__gte=since).count()
    return HomePanel(
        title=_("Records and messages"),
        template="centre/_panel_platform.html",
        context={"audit_events_week": reads, "failed_messages": failed},
        order=90,
    )
