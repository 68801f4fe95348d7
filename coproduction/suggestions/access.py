"""Who may do what with suggestions: the one place these decisions are made.

Suggestions held for safeguarding (possible disclosures) are for managers only; volunteers see
only suggestions that passed the safeguarding check; steering group members see numbers (always
with small numbers suppressed, see coproduction/reports/access.py) and never a suggestion.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors, services, hooks and templates ask the capabilities and functions here. Services
are given the person's membership and ask `may_write_wording` / `may_start_activity` themselves.
"""

from collections.abc import Collection

from django.db.models import QuerySet
from django.http import HttpRequest

from centre.access import can, capability, role_in
from centre.models import Centre, Membership
from centre.roles import (
    ACTIVITY_EDITORS,
    ALL_MEMBERS,
    MANAGER_ONLY,
    STAFF_ROLES,
    VOLUNTEER_AND_STAFF,
)

from .models import Suggestion


@capability("take_suggestions")
def _take_suggestions(request: HttpRequest) -> bool:
    """The suggestions list and typing up a paper suggestion."""
    return role_in(request, VOLUNTEER_AND_STAFF)


@capability("screen_suggestions")
def _screen_suggestions(request: HttpRequest) -> bool:
    """The safeguarding check, triage and wording (staff)."""
    return role_in(request, STAFF_ROLES)


@capability("moderate_suggestions")
def _moderate_suggestions(request: HttpRequest) -> bool:
    """Held suggestions, releasing and redacting them, approving public wording."""
    return role_in(request, MANAGER_ONLY)


@capability("rebuild_poster")
def _rebuild_poster(request: HttpRequest) -> bool:
    return role_in(request, STAFF_ROLES)


@capability("read_poster")
def _read_poster(request: HttpRequest) -> bool:
    """Every member of the centre may take the poster: it holds only approved public wording."""
    return role_in(request, ALL_MEMBERS)


def suggestions_visible(request: HttpRequest, suggestions: QuerySet) -> QuerySet:
    """Managers see every suggestion; other staff all but held ones; volunteers only those that
    passed the safeguarding check; anyone else none."""
    if can(request, "moderate_suggestions"):
        return suggestions
    if can(request, "screen_suggestions"):
        return suggestions.exclude(screening=Suggestion.Screening.HELD)
    if can(request, "take_suggestions"):
        return suggestions.filter(screening=Suggestion.Screening.CLEAR)
    return suggestions.none()


def may_open_suggestion(request: HttpRequest, suggestion: Suggestion) -> bool:
    """The same rule as `suggestions_visible`, for one suggestion already in hand."""
    if can(request, "moderate_suggestions"):
        return True
    if suggestion.is_held:
        return False
    if can(request, "screen_suggestions"):
        return True
    return can(request, "take_suggestions") and (suggestion.screening == Suggestion.Screening.CLEAR)


def _manager_or_owner(
    membership: Membership | None, suggestion: Suggestion, owner_roles: Collection[str]
) -> bool:
    """A manager, or the suggestion's owner if her role is one of `owner_roles`."""
    if membership is None:
        return False
    if membership.role in MANAGER_ONLY:
        return True
    return membership.role in owner_roles and suggestion.owner_id == membership.user_id


def may_write_wording(membership: Membership | None, suggestion: Suggestion) -> bool:
    """A manager, or the suggestion's owner if she is staff."""
    return _manager_or_owner(membership, suggestion, STAFF_ROLES)


def may_start_activity(membership: Membership | None, suggestion: Suggestion) -> bool:
    """A manager, or the suggestion's owner if she may add activities (a key worker)."""
    return _manager_or_owner(membership, suggestion, ACTIVITY_EDITORS)


def staff_memberships(centre: Centre) -> QuerySet[Membership]:
    """Active staff of a centre: who may own a suggestion."""
    return Membership.objects.filter(centre=centre, role__in=STAFF_ROLES, is_active=True)


def managers_of(centre: Centre) -> QuerySet[Membership]:
    """Who hears about held suggestions and overdue ones."""
    return Membership.objects.filter(centre=centre, role__in=MANAGER_ONLY, is_active=True)
