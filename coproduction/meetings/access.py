"""Who may see and do what with groups and meetings: the one place these decisions are made.

Staff see every group of their centre. A steering group member sees the steering group's (and the
women-with-the-steering-group) meetings and any group she belongs to; a volunteer only the groups
she belongs to. Women in a group are named only to staff; others see how many women there are.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors and templates ask the capabilities and functions here.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from centre.access import capability, role_in
from centre.roles import ALL_MEMBERS, MEETING_ORGANISERS, STAFF_ROLES, STEERING_GROUP

from .models import Group


@capability("see_meetings")
def _see_meetings(request: HttpRequest) -> bool:
    """The meetings pages: what each person finds there is decided by `visible_groups`."""
    return role_in(request, ALL_MEMBERS)


@capability("organise_meetings")
def _organise_meetings(request: HttpRequest) -> bool:
    """Set up groups, members and elected roles; schedule, move and cancel meetings."""
    return role_in(request, MEETING_ORGANISERS)


@capability("see_group_women")
def _see_group_women(request: HttpRequest) -> bool:
    """The names of the women in a group (they come from casework records)."""
    return role_in(request, STAFF_ROLES)


def visible_groups(request: HttpRequest, groups: QuerySet[Group]) -> QuerySet[Group]:
    """The groups (already scoped to the centre) this person may see."""
    if role_in(request, STAFF_ROLES):
        return groups
    belongs = Q(members__user=request.user, members__left_on__isnull=True)
    if role_in(request, STEERING_GROUP):
        return groups.filter(belongs | Q(kind__in=Group.STEERING_KINDS)).distinct()
    return groups.filter(belongs).distinct()
