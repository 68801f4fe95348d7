from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.audit import audit_request
from centre.features import HomePanel, NavItem

from . import selectors
from .demo import seed_casework


def nav_items(request):
    if can(request, "use_casework"):
        return [NavItem(_("Caseload"), reverse("casework:caseload"), "/casework/")]
    return []


def home_panels(request):
    if not can(request, "use_casework"):
        return []
    panels = [
        HomePanel(
            _("Caseload"),
            "casework/_panel_caseload.html",
            selectors.caseload_panel_counts(request),
            order=10,
        )
    ]
    offered = list(selectors.referrals_offered_to_me(request).select_related("referrer_agency"))
    if offered:
        audit_request(request, "casework.referral.offered_list")
        panels.append(
            HomePanel(
                _("Referrals offered to you"),
                "casework/_panel_offered.html",
                {"offered": offered},
                order=5,
            )
        )
    if can(request, "decide_referrals"):
        panels.append(
            HomePanel(
                _("Waiting for you"),
                "casework/_panel_waiting.html",
                selectors.manager_waiting(request),
                order=6,
            )
        )
    return panels


def seed_demo(*, centres, scale, stdout):
    seed_casework(centres=centres, scale=scale, stdout=stdout)
