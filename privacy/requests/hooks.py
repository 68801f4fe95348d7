"""Data protection requests on the platform: the manager's navigation link, her home panel
(requests overdue or due within a week), and a link on a woman's record to record a request."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.access import can
from centre.features import HomePanel, NavItem

from . import selectors


def nav_items(request: HttpRequest) -> list[NavItem]:
    if can(request, "handle_data_requests"):
        return [
            NavItem(_("Data protection"), reverse("privacy_requests:list"), "/privacy/requests/")
        ]
    return []


def home_panels(request: HttpRequest) -> list[HomePanel]:
    if not can(request, "handle_data_requests"):
        return []
    counts = selectors.due_counts(request)  # type: ignore[arg-type]
    if not (counts.overdue or counts.due_this_week):
        return []
    return [
        HomePanel(
            _("Data protection requests"),
            "privacy_requests/_panel_due.html",
            {"counts": counts},
            order=20,
        )
    ]


def record_panels(request: HttpRequest, woman: Woman) -> list[HomePanel]:
    """On her record, the manager can record a request from her about her data."""
    if not can(request, "handle_data_requests") or woman.anonymised_at:
        return []
    return [
        HomePanel(
            _("Her data"),
            "privacy_requests/_record_panel.html",
            {"woman": woman},
            order=90,
        )
    ]
