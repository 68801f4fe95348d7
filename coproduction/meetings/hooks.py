from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import NavItem

from .demo import seed_meetings


def nav_items(request):
    if can(request, "see_meetings"):
        return [NavItem(_("Meetings"), reverse("meetings:index"), "/coproduction/meetings/")]
    return []


def seed_demo(*, centres, scale, stdout):
    """Groups and a year of meetings for each demo centre. Safe to run twice."""
    seed_meetings(centres=centres, scale=scale, stdout=stdout)
