from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from . import access, selectors


def nav_items(request):
    items = []
    if can(request, "take_suggestions"):
        items.append(NavItem(_("Co-production"), reverse("coproduction:index"), "/coproduction/"))
    if access.sees_numbers_only(request):
        items.append(
            NavItem(_("Suggestion numbers"), reverse("coproduction:numbers"), "/coproduction/")
        )
    if can(request, "read_reports"):
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
    panels = [_report_panel(request)] if can(request, "read_reports") else []
    if access.sees_numbers_only(request):
        return [
            *panels,
            HomePanel(_("Women's suggestions"), "coproduction/_panel_numbers.html", order=40),
        ]
    if not can(request, "take_suggestions"):
        return []
    summary = selectors.suggestion_summary(request)
    if not can(request, "screen_suggestions"):
        summary["to_screen"] = None
    if not can(request, "moderate_suggestions"):
        summary["held"] = None
    return [
        *panels,
        HomePanel(_("Women's suggestions"), "coproduction/_panel_suggestions.html", summary, 30),
    ]


def seed_demo(*, centres, scale, stdout):
    from .demo import seed_coproduction

    seed_coproduction(centres=centres, scale=scale, stdout=stdout)
