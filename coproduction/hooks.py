from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import HomePanel, NavItem
from centre.roles import STAFF_ROLES, VOLUNTEER_AND_STAFF, Role

from . import selectors


def nav_items(request):
    role = request.membership.role
    if role in VOLUNTEER_AND_STAFF:
        return [NavItem(_("Co-production"), reverse("coproduction:index"), "/coproduction/")]
    if role == Role.STEERING:
        return [NavItem(_("Suggestion numbers"), reverse("coproduction:numbers"), "/coproduction/")]
    return []


def home_panels(request):
    role = request.membership.role
    if role == Role.STEERING:
        return [HomePanel(_("Women's suggestions"), "coproduction/_panel_numbers.html", order=40)]
    if role not in VOLUNTEER_AND_STAFF:
        return []
    summary = selectors.suggestion_summary(request)
    if role not in STAFF_ROLES:
        summary["to_screen"] = None
    if role != Role.MANAGER:
        summary["held"] = None
    return [
        HomePanel(_("Women's suggestions"), "coproduction/_panel_suggestions.html", summary, 30)
    ]


def seed_demo(*, centres, scale, stdout):
    from .demo import seed_coproduction

    seed_coproduction(centres=centres, scale=scale, stdout=stdout)
