"""Who may do what in activities: the one place these decisions are made.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors, hooks and templates ask the capabilities and functions here. Imported at app
ready, so the capabilities are registered before any request.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from casework.access import register_volunteer_session_check
from casework.models import Woman
from centre.access import can, capability, role_in
from centre.models import User
from centre.roles import (
    ACTIVITY_EDITORS,
    KEY_WORKERS_AND_MANAGER,
    MANAGER_ONLY,
    STAFF_ROLES,
    VOLUNTEER_AND_STAFF,
    VOLUNTEERS,
)

from .models import Attendance, Enrolment, Facilitator, Session


@capability("use_activities")
def _use_activities(request: HttpRequest) -> bool:
    return role_in(request, VOLUNTEER_AND_STAFF)


@capability("print_certificates")
def _print_certificates(request: HttpRequest) -> bool:
    """Staff print a woman's course certificate for her (it names her)."""
    return role_in(request, STAFF_ROLES)


@capability("edit_activities")
def _edit_activities(request: HttpRequest) -> bool:
    return role_in(request, ACTIVITY_EDITORS)


@capability("set_up_rooms_and_terms")
def _set_up_rooms_and_terms(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("take_any_register")
def _take_any_register(request: HttpRequest) -> bool:
    """Any member of staff takes any session's register; a volunteer only her own sessions'."""
    return role_in(request, STAFF_ROLES)


@capability("help_at_sessions")
def _help_at_sessions(request: HttpRequest) -> bool:
    """A volunteer: her start page lists the sessions she helps with, and nothing else."""
    return role_in(request, VOLUNTEERS)


@capability("see_full_names")
def _see_full_names(request: HttpRequest) -> bool:
    """Staff see a woman's full name; a volunteer sees the name she is known by and the first
    letter of her last name (activities.selectors.name_for)."""
    return role_in(request, STAFF_ROLES)


@capability("tell_apart_by_birth_date")
def _tell_apart_by_birth_date(request: HttpRequest) -> bool:
    """Two women with the same name on a register: the manager and key workers see their dates
    of birth beside them (a partner agency's worker sees a record number: her date of birth is
    for those her sharing agreement covers)."""
    return role_in(request, KEY_WORKERS_AND_MANAGER)


@capability("see_placement_alerts")
def _see_placement_alerts(request: HttpRequest) -> bool:
    """Who is in a "must not be placed together" pair: staff only. A volunteer is told to ask a
    key worker, never which women."""
    return role_in(request, STAFF_ROLES)


def volunteer_helps_with(user: User | AnonymousUser, activity_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return Facilitator.objects.filter(
        activity_id=activity_id, user=user, kind=Facilitator.Kind.VOLUNTEER, ended_on__isnull=True
    ).exists()


def may_take_register(request: HttpRequest, session: Session) -> bool:
    """Staff: any session of the centre. A volunteer: sessions of activities she helps with."""
    if can(request, "take_any_register"):
        return True
    return can(request, "help_at_sessions") and volunteer_helps_with(
        request.user, session.activity_id
    )


def may_change_session(request: HttpRequest) -> bool:
    return can(request, "edit_activities")


def helped_activities(request: HttpRequest) -> QuerySet:
    """Ids of the activities the signed-in volunteer helps with now."""
    return Facilitator.objects.filter(
        user_id=request.user.pk or 0, kind=Facilitator.Kind.VOLUNTEER, ended_on__isnull=True
    ).values("activity_id")


def activities_seen(request: HttpRequest, activities: QuerySet) -> QuerySet:
    """Staff see every activity of the centre; a volunteer only those she helps with."""
    if can(request, "take_any_register"):
        return activities
    if can(request, "help_at_sessions"):
        return activities.filter(pk__in=helped_activities(request))
    return activities.none()


def women_findable(request: HttpRequest, women: QuerySet) -> QuerySet:
    """Whom a register search may find. Staff: any woman of the centre. A volunteer: only women
    booked on, or who came to, the activities she helps with (never the whole centre)."""
    if can(request, "take_any_register"):
        return women
    if not can(request, "help_at_sessions"):
        return women.none()
    mine = helped_activities(request)
    booked = Enrolment.objects.filter(activity_id__in=mine).values("woman_id")
    came = Attendance.objects.filter(session__activity_id__in=mine).values("woman_id")
    return women.filter(Q(pk__in=booked) | Q(pk__in=came))


@register_volunteer_session_check
def volunteer_on_her_session(request: HttpRequest, woman: Woman) -> bool:
    """The record policy's "volunteer on her session" grounds: she is booked on, or came to, an
    activity this volunteer helps with. It opens no part of her record; it is why a volunteer
    may see her name on a register."""
    if not can(request, "help_at_sessions"):
        return False
    return women_findable(request, Woman.objects.filter(pk=woman.pk)).exists()


def photo_on_register(request: HttpRequest, woman: Woman) -> bool:
    """Her photo beside her name on a register: only where she agreed, and only to someone who
    may find her for a register (staff; a volunteer on her sessions)."""
    if not (woman.photo and woman.photo_on_registers):
        return False
    return women_findable(request, Woman.objects.filter(pk=woman.pk)).exists()
