from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from . import selectors
from .demo import seed_meetings


def nav_items(request):
    if can(request, "see_meetings"):
        return [NavItem(_("Meetings"), reverse("meetings:index"), "/coproduction/meetings/")]
    return []


def home_panels(request):
    """A key worker's panel: the women on her caseload who want to be invited to meetings."""
    if not can(request, "invite_women_to_meetings"):
        return []
    return [
        HomePanel(
            _("Women to invite to meetings"),
            "meetings/_panel_invitations.html",
            selectors.invite_panel(request),
            45,
        )
    ]


def tablet_panels(*, centre):
    """On the tablet's board: the plain-words summary of published minutes (never a name)."""
    minutes = selectors.published_summaries(centre.pk)
    if not minutes:
        return []
    return [
        HomePanel(
            _("What the meetings talked about"),
            "meetings/_tablet_minutes.html",
            {"minutes": minutes},
        )
    ]


def seed_demo(*, centres, scale, stdout):
    """Groups and a year of meetings for each demo centre. Safe to run twice."""
    seed_meetings(centres=centres, scale=scale, stdout=stdout)
