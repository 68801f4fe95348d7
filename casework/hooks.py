from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel, NavItem

from . import selectors
from .access import sees_whole_caseload
from .demo import seed_casework


def nav_items(request):
    if can(request, "use_casework"):
        return [NavItem(_("Caseload"), reverse("casework:caseload"), "/casework/")]
    return []


def home_panels(request):
    if not can(request, "use_casework"):
        return []
    count = selectors.caseload_for_user(request).count()
    key_worker = None if sees_whole_caseload(request) else request.user
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
    seed_casework(centres=centres, scale=scale, stdout=stdout)
