from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import HomePanel, NavItem
from centre.roles import CASEWORK_ROLES

from . import selectors


def nav_items(request):
    if request.membership.role in CASEWORK_ROLES:
        return [NavItem(_("Caseload"), reverse("casework:caseload"), "/casework/")]
    return []


def home_panels(request):
    if request.membership.role not in CASEWORK_ROLES:
        return []
    count = selectors.caseload_for_user(request).count()
    key_worker = None if request.membership.role == "manager" else request.user
    not_heard = selectors.not_heard_from(request.centre, key_worker=key_worker).count()
    return [
        HomePanel(
            _("Caseload"),
            "casework/_panel_caseload.html",
            {"count": count, "not_heard": not_heard},
            order=10,
        )
    ]


def seed_demo(*, centres, scale, stdout):
    from .demo import seed_casework

    seed_casework(centres=centres, scale=scale, stdout=stdout)
