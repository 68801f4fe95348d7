from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from . import selectors
from .demo import seed_suggestions


def nav_items(request):
    if can(request, "take_suggestions"):
        return [NavItem(_("Suggestions"), reverse("suggestions:index"), "/coproduction/")]
    return []


def home_panels(request):
    if not can(request, "take_suggestions"):
        return []
    summary = selectors.suggestion_summary(request)
    if not can(request, "screen_suggestions"):
        summary["to_screen"] = None
    if not can(request, "moderate_suggestions"):
        summary["held"] = None
    return [HomePanel(_("Women's suggestions"), "suggestions/_panel_suggestions.html", summary, 30)]


def seed_demo(*, centres, scale, stdout):
    seed_suggestions(centres=centres, scale=scale, stdout=stdout)
