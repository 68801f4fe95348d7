from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import HomePanel, NavItem
from centre.roles import STAFF_ROLES, VOLUNTEER_AND_STAFF, Role

from . import selectors
from .reports.views import REPORT_READERS


def nav_items(request):
    role = request.membership.role
    items = []
    if role in VOLUNTEER_AND_STAFF:
        items.append(NavItem(_("Co-production"), reverse("coproduction:index"), "/coproduction/"))
    if role == Role.STEERING:
        items.append(
            NavItem(_("Suggestion numbers"), reverse("coproduction:numbers"), "/coproduction/")
        )
    if role in REPORT_READERS:
        items.append(NavItem(_("Quarterly reports"), reverse("reports:list"), "/reports/"))
    return items


def _report_panel(request):
    from .reports.selectors import latest_ready_report

    return HomePanel(
        _("Quarterly report"),
        "coproduction/reports/_panel.html",
        {"report": latest_ready_report(request.centre)},
        order=45,
    )


def home_panels(request):
    role = request.membership.role
    panels = [_report_panel(request)] if role in REPORT_READERS else []
    if role == Role.STEERING:
        return [
            *panels,
            HomePanel(_("Women's suggestions"), "coproduction/_panel_numbers.html", order=40),
        ]
    if role not in VOLUNTEER_AND_STAFF:
        return []
    summary = selectors.suggestion_summary(request)
    if role not in STAFF_ROLES:
        summary["to_screen"] = None
    if role != Role.MANAGER:
        summary["held"] = None
    return [
        *panels,
        HomePanel(_("Women's suggestions"), "coproduction/_panel_suggestions.html", summary, 30),
    ]


def seed_demo(*, centres, scale, stdout):
    from .demo import seed_coproduction

    seed_coproduction(centres=centres, scale=scale, stdout=stdout)
