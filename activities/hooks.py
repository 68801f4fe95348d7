from django.urls import reverse
from django.utils.translation import gettext as _

from centre.features import NavItem
from centre.roles import VOLUNTEER_AND_STAFF


def nav_items(request):
    if request.membership.role in VOLUNTEER_AND_STAFF:
        return [NavItem(_("Activities"), reverse("activities:index"), "/activities/")]
    return []
