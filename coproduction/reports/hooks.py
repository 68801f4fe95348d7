from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from .access import sees_numbers_only
from .quarters import Quarter, scheduled_on
from .selectors import latest_ready_report


def nav_items(request):
    items = []
    if sees_numbers_only(request):
        items.append(NavItem(_("Suggestion numbers"), reverse("reports:numbers"), "/coproduction/"))
    if can(request, "read_reports"):
        items.append(NavItem(_("Quarterly reports"), reverse("reports:list"), "/reports/"))
    return items


def home_panels(request):
    panels = []
    if can(request, "read_reports"):
        report = latest_ready_report(request.centre)
        data = {
            "report": report,
            "last_quarter": Quarter.current().previous(),
            "next_due": scheduled_on(Quarter.current().next()),
        }
        panels.append(HomePanel(_("Quarterly report"), "reports/_panel.html", data, order=45))
    if sees_numbers_only(request):
        panels.append(HomePanel(_("Women's suggestions"), "reports/_panel_numbers.html", order=40))
    return panels
