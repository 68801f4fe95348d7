"""What her sharing agreements let an involved partner worker see."""

from collections.abc import Collection, Sequence
from typing import Any

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from centre.models import Membership
from centre.requests import CentreRequest
from centre.roles import Role

from .. import access
from ..access import (
    Part,
    Sharing,
    agency_for_membership,
    record_access,
)
from ..models import (
    Agency,
    Allocation,
    Consent,
    Contact,
    SharePart,
    Woman,
)


def sharing_for(request: CentreRequest, woman: Woman) -> Sharing:
    """The Sharing that applies to this reader and woman (UNRESTRICTED for most)."""
    return record_access(request, woman).sharing


def partner_agencies(woman: Woman, involved: Sequence[Allocation]) -> list[dict[str, Any]]:
    """For her involved partner workers: which directory agency's sharing agreement applies.

    `involved`: her current involved allocations. Returns a list of dicts {"allocation",
    "agency" (an Agency or None), "agency_name" (the membership's free text), "linked" (set by
    the manager rather than matched by name), "decided" (she has a decision recorded for that
    agency)}, in a fixed number of queries."""
    user_ids = [a.worker_id for a in involved]
    if not user_ids:
        return []
    memberships = {
        m.user_id: m
        for m in Membership.objects.filter(
            centre_id=woman.centre_id, user_id__in=user_ids, role=Role.PARTNER, is_active=True
        ).select_related("casework_agency__agency")
    }
    if not memberships:
        return []
    names = {m.agency.strip().lower() for m in memberships.values() if m.agency.strip()}
    by_name: dict[str, Agency] = {}
    if names:
        for found in (
            Agency.objects.annotate(lname=Lower("name"))
            .filter(centre_id=woman.centre_id, lname__in=names)
            .order_by("-is_active", "-pk")
        ):
            by_name[found.lname] = found
    decided = set(Consent.objects.filter(woman=woman).values_list("agency_id", flat=True))
    rows = []
    for allocation in involved:
        membership = memberships.get(allocation.worker_id)
        if membership is None:
            continue
        link = getattr(membership, "casework_agency", None)
        agency = link.agency if link else by_name.get(membership.agency.strip().lower())
        rows.append(
            {
                "allocation": allocation,
                "agency": agency,
                "agency_name": membership.agency,
                "linked": link is not None,
                "decided": agency is not None and agency.pk in decided,
            }
        )
    return rows


def sharing_prompts(woman: Woman, involved: Sequence[Allocation]) -> list[dict[str, Any]]:
    """For her key worker and the manager: involved partner workers whose agency has no
    sharing agreement with her (or is not in the directory), so they can record one in one
    click. Same rows as partner_agencies."""
    return [row for row in partner_agencies(woman, involved) if not row["decided"]]


def restricted_visible(request: CentreRequest, woman: Woman) -> Q:
    """Q for contacts this user may read the note of: restricted notes for their author, her
    key worker and the manager; others' notes only to who sees the contacts part."""
    record = record_access(request, woman)
    if record.sees_all_notes:
        return Q()
    if not record.sees(Part.CONTACTS) or not record.sharing.allows(SharePart.CONTACT_NOTES):
        return Q(worker=request.user)
    return Q(restricted=False) | Q(worker=request.user)


def can_see_restricted(request: CentreRequest, woman: Woman, contact: Contact) -> bool:
    record = record_access(request, woman)
    if record.sees_all_notes or contact.worker_id == request.user.pk:
        return True
    return (
        not contact.restricted
        and record.sees(Part.CONTACTS)
        and record.sharing.allows(SharePart.CONTACT_NOTES)
    )


def domain_filter(sharing: Sharing, field: str = "domain") -> Q:
    """Q limiting rows with a needs domain (needs, goals) to the domains she agreed to share.
    Rows without a domain are kept."""
    if not sharing.limited and not sharing.card_only:
        return Q()
    return Q(**{field: ""}) | Q(**{f"{field}__in": sharing.domains})


def limited_women_ids(request: CentreRequest, woman_ids: Collection[int]) -> set[int]:
    """Of these women, the ones whose sharing agreement limits this partner worker to the card
    (refused, or review date passed), in two or three queries whatever the number of women.
    Empty for every other role."""
    if not access.is_partner(request) or not woman_ids:
        return set()
    agency = agency_for_membership(request.membership)
    if agency is None:
        return set()
    latest: dict[int, Consent] = {}
    for consent in Consent.objects.filter(agency=agency, woman_id__in=woman_ids).order_by(
        "woman_id", "-decided_on", "-id"
    ):
        latest.setdefault(consent.woman_id, consent)
    today = timezone.localdate()
    return {
        woman_id
        for woman_id, consent in latest.items()
        if not consent.agreed or (consent.review_on and consent.review_on < today)
    }
