from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import HomePanel, NavItem
from centre.roles import STAFF_ROLES, VOLUNTEER_AND_STAFF, Role

from . import selectors
from .demo import seed_suggestions


def nav_items(request):
    if request.membership.role in VOLUNTEER_AND_STAFF:
        return [NavItem(_("Co-production"), reverse("suggestions:index"), "/coproduction/")]
    return []


def home_panels(request):
    role = request.membership.role
    if role not in VOLUNTEER_AND_STAFF:
        return []
    summary = selectors.suggestion_summary(request)
    if role not in STAFF_ROLES:
        summary["to_screen"] = None
    if role != Role.MANAGER:
        summary["held"] = None
    return [HomePanel(_("Women's suggestions"), "suggestions/_panel_suggestions.html", summary, 30)]


def seed_demo(*, centres, scale, stdout):
    seed_suggestions(centres=centres, scale=scale, stdout=stdout)
