from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import HomePanel, NavItem
from centre.roles import Role

from .selectors import latest_ready_report
from .views import REPORT_READERS


def nav_items(request):
    role = request.membership.role
    items = []
    if role == Role.STEERING:
        items.append(NavItem(_("Suggestion numbers"), reverse("reports:numbers"), "/coproduction/"))
    if role in REPORT_READERS:
        items.append(NavItem(_("Quarterly reports"), reverse("reports:list"), "/reports/"))
    return items


def home_panels(request):
    role = request.membership.role
    panels = []
    if role in REPORT_READERS:
        report = latest_ready_report(request.centre)
        panels.append(
            HomePanel(_("Quarterly report"), "reports/_panel.html", {"report": report}, order=45)
        )
    if role == Role.STEERING:
        panels.append(HomePanel(_("Women's suggestions"), "reports/_panel_numbers.html", order=40))
    return panels
