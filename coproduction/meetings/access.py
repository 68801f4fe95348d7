"""Who may see and do what with groups and meetings: the one place these decisions are made.

Staff see every group of their centre. A steering group member sees the steering group's (and the
women-with-the-steering-group) meetings and any group she belongs to; a volunteer only the groups
she belongs to. Women in a group are named only to staff; others see how many women there are.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors and templates ask the capabilities and functions here.
"""

from collections.abc import Sequence

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from centre.access import can, capability, role_in
from centre.roles import (
    ALL_MEMBERS,
    KEY_WORKERS_AND_MANAGER,
    MANAGER_ONLY,
    MEETING_ORGANISERS,
    STAFF_ROLES,
    STEERING_GROUP,
)

from .models import ElectedRole, Group, Meeting, Paper


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


@capability("invite_women_to_meetings")
def _invite_women(request: HttpRequest) -> bool:
    """Key workers (and the manager) ask the women on their caseload who want to be invited.
    Which women she sees is the record policy's answer (casework.selectors.visible_women)."""
    return role_in(request, KEY_WORKERS_AND_MANAGER)


def sees_paper(request: HttpRequest, paper: Paper) -> bool:
    """Organisers always; everyone else who sees the meeting from the paper's release date."""
    return can(request, "organise_meetings") or paper.is_released


def visible_groups(request: HttpRequest, groups: QuerySet[Group]) -> QuerySet[Group]:
    """The groups (already scoped to the centre) this person may see."""
    if role_in(request, STAFF_ROLES):
        return groups
    belongs = Q(members__user=request.user, members__left_on__isnull=True)
    if role_in(request, STEERING_GROUP):
        return groups.filter(belongs | Q(kind__in=Group.STEERING_KINDS)).distinct()
    return groups.filter(belongs).distinct()


def _holds(request: HttpRequest, meeting: Meeting, roles: Sequence[str]) -> bool:
    day = timezone.localdate(meeting.starts_at)
    return (
        ElectedRole.objects.filter(
            group_id=meeting.group_id,
            role__in=roles,
            member__user_id=request.user.pk or 0,
            starts_on__lte=day,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .exists()
    )


def may_write_minutes(request: HttpRequest, meeting: Meeting) -> bool:
    """Organisers, and the group's secretary (a woman's volunteer account, or staff)."""
    return can(request, "organise_meetings") or _holds(
        request, meeting, [ElectedRole.Role.SECRETARY]
    )


def may_approve_minutes(request: HttpRequest, meeting: Meeting) -> bool:
    """The chair (or vice chair) on the day of the meeting. A group with no chair holding an
    account has its minutes approved by a manager, on the group's behalf."""
    chairs = [ElectedRole.Role.CHAIR, ElectedRole.Role.VICE_CHAIR]
    if _holds(request, meeting, chairs):
        return True
    day = timezone.localdate(meeting.starts_at)
    has_chair_account = (
        ElectedRole.objects.filter(
            group_id=meeting.group_id,
            role__in=chairs,
            member__user__isnull=False,
            starts_on__lte=day,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .exists()
    )
    return not has_chair_account and role_in(request, MANAGER_ONLY)
