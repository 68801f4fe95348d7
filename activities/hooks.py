from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from . import demo, selectors
from .models import Session


def nav_items(request):
    if can(request, "use_activities"):
        return [NavItem(_("Activities"), reverse("activities:index"), "/activities/")]
    return []


def home_panels(request):
    if can(request, "help_at_sessions"):
        sessions = list(selectors.sessions_for_volunteer(request, days=7))
        upcoming = [s for s in sessions if s.date >= timezone.localdate()]
        return [
            HomePanel(
                _("Sessions you help with"),
                "activities/_panel_volunteer.html",
                {"count": len(upcoming), "next": upcoming[0] if upcoming else None},
                order=20,
            )
        ]
    if not can(request, "take_any_register"):
        return []
    today = timezone.localdate()
    # One aggregate for both numbers: today's sessions, and the last fortnight's without a
    # register.
    counts = Session.objects.filter(
        centre=request.centre,
        date__lte=today,
        date__gte=today - timedelta(days=14),
        status=Session.Status.SCHEDULED,
    ).aggregate(
        count=Count("pk", filter=Q(date=today)),
        unregistered=Count("pk", filter=Q(date__lt=today, register_taken_at__isnull=True)),
    )
    return [
        HomePanel(
            _("Activities today"),
            "activities/_panel_today.html",
            counts,
            order=30,
        )
    ]


def seed_demo(*, centres, scale, stdout):
    """Two years of activities, sessions and registers for the demo centre. Safe to run twice."""
    demo.seed_demo(centres=centres, scale=scale, stdout=stdout)
