from django.urls import reverse
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import NavItem


def nav_items(request):
    if can(request, "see_meetings"):
        return [NavItem(_("Meetings"), reverse("meetings:index"), "/coproduction/meetings/")]
    return []
