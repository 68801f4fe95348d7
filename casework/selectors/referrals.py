"""Referrals in: the ones this person may read, and fetching one."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet

from centre.access import get_for_user, scope_to_centre
from centre.deadlines import overdue_q
from centre.requests import CentreRequest

from .. import access
from ..access import (
    Grounds,
    Part,
    record_access,
)
from ..models import (
    OPEN_STAGES,
    Referral,
    Woman,
)
from .caseload import involved_women_list, visible_women


def referrals_for_user(request: CentreRequest) -> QuerySet[Referral]:
    """Referrals this person may read: pending (and declined) ones for those who triage; once
    she has a record, her referral goes with it, under the record policy."""
    referrals = scope_to_centre(Referral.objects.all(), request)
    readable = Q(pk__in=[])
    if access.triages_referrals(request):
        readable |= Q(woman__isnull=True)
    women = visible_women(request)
    if access.is_partner(request):
        women = women.filter(pk__in=_partner_women_sharing(request, Part.REFERRAL))
    return referrals.filter(readable | Q(woman__in=women))


def _partner_women_sharing(request: CentreRequest, part: Part) -> list[int]:
    women = Woman.objects.filter(pk__in=involved_women_list(request), centre=request.centre)
    return [woman.pk for woman in women if record_access(request, woman).sees(part)]


def get_referral_for_user(
    request: CentreRequest, pk: Any, *, may_change: bool = True
) -> tuple[Referral, str]:
    """404 for another centre's referral; 403 for one this person may not read or change.
    Returns (referral, grounds)."""
    referral = get_for_user(Referral.objects.select_related("woman"), request, pk=pk)
    grounds = access.referral_grounds(request, referral)
    if grounds == Grounds.NONE or not may_change:
        raise PermissionDenied
    return referral, grounds


def referrals_offered_to_me(request: CentreRequest) -> QuerySet[Referral]:
    """Waiting referrals offered to this key worker to accept or decline."""
    return scope_to_centre(Referral.objects.all(), request).filter(
        decision=Referral.Decision.PENDING, offered_to_id=request.user.pk
    )


def manager_waiting(request: CentreRequest) -> dict[str, int]:
    """What waits for the manager: referrals to decide, offered ones not yet answered, and
    open cases whose plan review is overdue (the deadlines rule). Two queries."""
    waiting = scope_to_centre(Referral.objects.all(), request).aggregate(
        to_decide=Count("pk", filter=Q(decision=Referral.Decision.PENDING, offered_to=None)),
        offered=Count("pk", filter=Q(decision=Referral.Decision.PENDING, offered_to__isnull=False)),
    )
    waiting["reviews_overdue"] = (
        scope_to_centre(Woman.objects.all(), request)
        .filter(stage__in=OPEN_STAGES)
        .filter(overdue_q("plan__next_review_on"))
        .count()
    )
    return waiting
