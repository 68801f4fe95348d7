from django.urls import reverse
from django.utils.translation import gettext as _

from casework.access import record_access
from centre.access import can
from centre.features import HomePanel, NavItem

from . import access, selectors
from .demo import seed_involvement
from .models import Expense


def nav_items(request):
    if can(request, "run_involvement"):
        return [NavItem(_("Getting involved"), reverse("involvement:index"), "/involvement/")]
    if can(request, "volunteer_here"):
        return [NavItem(_("My volunteering"), reverse("involvement:mine"), "/involvement/")]
    return []


def home_panels(request):
    if can(request, "run_involvement"):
        return [_staff_panel(request)]
    if can(request, "volunteer_here") and access.own_helper(request) is not None:
        page = selectors.volunteer_page(request)
        return [
            HomePanel(
                _("My volunteering"),
                "involvement/_panel_mine.html",
                {"next": (page["my_shifts"] or [None])[0], "cover": len(page["cover"])},
                order=15,
            )
        ]
    return []


def _staff_panel(request):
    """Her key worker sees the women on her caseload who said they would like to help."""
    asking = list(selectors.women_asking_to_help(request)[:6])
    context = {
        "asking": asking[:5],
        "more": len(asking) > 5,
        "waiting": selectors.expenses_for(request).filter(status=Expense.Status.CLAIMED).count()
        if can(request, "approve_expenses")
        else None,
        "worries": selectors.open_worries(request).filter(taken_at__isnull=True).count(),
    }
    return HomePanel(_("Getting involved"), "involvement/_panel_staff.html", context, order=40)


def record_panels(request, woman):
    """Her steps on the continuum, on her record, for those who see her record."""
    if not can(request, "run_involvement") or not record_access(request, woman).sees_record:
        return []
    steps = selectors.continuum_of(woman)
    return [
        HomePanel(
            _("Getting involved"),
            "involvement/_record_panel.html",
            {"steps": steps, "woman": woman, "furthest": selectors.furthest_step(steps)},
        )
    ]


def seed_demo(*, centres, scale, stdout):
    """Roles, women at each stage of the pathway, training, a month of rotas and expenses in
    each state. Safe to run twice."""
    seed_involvement(centres=centres, scale=scale, stdout=stdout)
