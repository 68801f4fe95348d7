"""The record policy: who may see or change which part of a woman's record, and on what grounds.

Every view, selector, template, export and PDF of casework asks `record_access(request, woman)`
and nothing else (DESIGN.md section 4):

- the manager and her allocated key worker see and change everything, and change her team;
- a worker on her team (an involved worker who is not a partner) sees and changes everything
  but the team;
- a worker with a live break-the-glass grant sees everything, read-only, until the grant ends;
- an involved partner worker sees what a live sharing agreement between the woman and the
  worker's agency covers, and nothing of her record without one (the front-desk card and the
  contacts she logged herself);
- anyone else of the centre sees the front-desk card only; volunteers see no casework part
  (a volunteer on her session reaches the woman on the activities register, nothing more);
- another centre's woman is a 404 before any of this is asked.
"""

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centre.access import capability, role_in
from centre.models import Centre, Membership, User
from centre.requests import CentreRequest
from centre.roles import CASEWORK_ROLES, KEY_WORKERS_AND_MANAGER, MANAGER_ONLY, Role

from .models import (
    SHARE_VALUES,
    Agency,
    Allocation,
    BreakGlass,
    Consent,
    Domain,
    PartnerAgency,
    Referral,
    SharePart,
    Woman,
    share_choices,
)

PARTNERS = frozenset({Role.PARTNER})
VOLUNTEERS = frozenset({Role.VOLUNTEER})


class Part(models.TextChoices):
    """The parts of her record that access is decided for, one by one."""

    SUMMARY = "summary", gettext_lazy("Summary and details")
    CONTACTS = "contacts", gettext_lazy("Contacts")
    PLAN = "plan", gettext_lazy("Needs, support plan and distance travelled")
    REVIEWS = "reviews", gettext_lazy("Reviews and case reviews")
    REFERRAL = "referral", gettext_lazy("Referral")
    RISK = "risk", gettext_lazy("Risk: alerts and justice record")
    PHOTO = "photo", gettext_lazy("Photo")
    MOVE_ON = "move_on", gettext_lazy("Move-on plan")


class Grounds(models.TextChoices):
    """Why a person may see her record (written against every audited read)."""

    MANAGER = "manager", gettext_lazy("Centre manager")
    ALLOCATED = "allocated", gettext_lazy("Her key worker")
    TEAM = "team", gettext_lazy("On her team")
    BREAK_GLASS = "break_glass", gettext_lazy("Break the glass")
    SHARING_AGREEMENT = "sharing_agreement", gettext_lazy("Sharing agreement")
    TRIAGE = "triage", gettext_lazy("Triages referrals")
    VOLUNTEER_SESSION = "volunteer_session", gettext_lazy("Volunteer on her session")
    OFFERED = "offered", gettext_lazy("Offered her referral to accept")
    NONE = "none", gettext_lazy("No access to her record")


ALL_PARTS = frozenset(Part)
# The parts a sharing agreement can cover; summary and photo come with any live agreement.
AGREEMENT_PARTS = frozenset({Part.CONTACTS, Part.PLAN, Part.REVIEWS, Part.MOVE_ON, Part.RISK})
# Older agreements listed finer parts; each maps onto the part that holds it.
_LEGACY_SHARES = {
    SharePart.CONTACT_NOTES: Part.CONTACTS,
    SharePart.JUSTICE_RECORD: Part.RISK,
    SharePart.ALERTS: Part.RISK,
    **dict.fromkeys(Domain.values, Part.PLAN),
}
# What each record part lets through of the finer parts the pages filter on.
_FINE_PARTS: dict[str, set[str]] = {
    Part.CONTACTS: {SharePart.CONTACT_NOTES},
    Part.RISK: {SharePart.JUSTICE_RECORD, SharePart.ALERTS},
    Part.PLAN: set(Domain.values),
}


def agreement_parts(shares: Iterable[str]) -> frozenset[Part]:
    """The record parts an agreement's `shares` cover (new part names and older fine parts)."""
    parts = {Part(value) for value in shares if value in AGREEMENT_PARTS}
    parts |= {_LEGACY_SHARES[value] for value in shares if value in _LEGACY_SHARES}
    return frozenset(parts)


def _fine_parts(shares: Collection[str]) -> frozenset[str]:
    fine = set(shares) & SHARE_VALUES
    for part in agreement_parts(shares):
        if part in shares:  # the whole part was agreed: every finer piece of it
            fine |= _FINE_PARTS.get(part, set())
    return frozenset(fine)


def agreement_choices() -> list[tuple[str, str | Promise]]:
    """The parts a woman can agree to share with an agency, for the consent form."""
    return [(part.value, part.label) for part in Part if part in AGREEMENT_PARTS]


# --- Information sharing with partner agencies ------------------------------------------------


@dataclass(frozen=True)
class Sharing:
    """What the woman's sharing agreement lets this reader see of her record.

    Only an involved partner worker (without a break-the-glass grant) is ever limited."""

    UNRESTRICTED = "unrestricted"  # manager, key worker, other staff: allocation rules only
    BREAK_GLASS = "break_glass"  # a live grant: read access, as for anyone
    NO_AGENCY = "no_agency"  # her agency is not matched to the directory: nothing shared
    NO_AGREEMENT = "no_agreement"  # nothing recorded with her agency: nothing shared
    AGREED = "agreed"  # the record limited to `parts`
    REFUSED = "refused"  # the card and her own contacts
    REVIEW_DUE = "review_due"  # agreed, but it has ended: as refused

    state: str = UNRESTRICTED
    agency_name: str = ""
    agency: Any = None
    consent: Any = None
    parts: frozenset = frozenset()
    ask: str = ""

    @property
    def limited(self) -> bool:
        return self.state == self.AGREED

    @property
    def card_only(self) -> bool:
        return self.state in (self.REFUSED, self.REVIEW_DUE, self.NO_AGREEMENT, self.NO_AGENCY)

    def allows(self, part: str) -> bool:
        """May this reader see `part` (a Domain or SharePart value)?"""
        if self.card_only:
            return False
        return not self.limited or part in self.parts

    @property
    def domains(self) -> list[str]:
        """The needs domains she may see (all of them when not limited)."""
        return [value for value in Domain.values if self.allows(value)]

    @property
    def hidden_domains(self) -> list[str | Promise]:
        return [label for value, label in Domain.choices if not self.allows(value)]

    @property
    def shared_labels(self) -> list[str | Promise]:
        if self.consent is None:
            return []
        agreed = set(self.consent.shares)
        return [label for value, label in share_choices() if value in agreed]

    @property
    def message(self) -> str:
        agency = self.agency_name or _("your agency")
        words = {"agency": agency, "ask": self.ask}
        if self.state == self.NO_AGREEMENT:
            return (
                _(
                    "She has no sharing agreement recorded with %(agency)s, so you see her "
                    "front-desk card and the contacts you logged yourself. You can still log a "
                    "contact. Ask %(ask)s to record her decision."
                )
                % words
            )
        if self.state == self.NO_AGENCY:
            return (
                _(
                    "Your agency (%(agency)s) is not linked to the centre's directory, so her "
                    "sharing agreement cannot be checked and you see her front-desk card only. Ask "
                    "the manager to link your agency."
                )
                % words
            )
        if self.state == self.REFUSED:
            return (
                _(
                    "She has not agreed to share her record with %(agency)s, so you see her "
                    "front-desk card and the contacts you logged yourself. You can still log a "
                    "contact. If that changes, ask %(ask)s to record her new decision."
                )
                % words
            )
        if self.state == self.REVIEW_DUE:
            return _(
                "Her agreement to share with %(agency)s ended on %(date)s, so until it is "
                "renewed with her you see her front-desk card and the contacts you logged "
                "yourself. You can still log a contact. Ask %(ask)s to review it."
            ) % {**words, "date": date_format(self.consent.review_on, "j M Y")}
        if self.state == self.AGREED:
            return (
                _(
                    "She agreed to share part of her record with %(agency)s. Parts she did not "
                    "agree to share are left out. To change what is shared, ask %(ask)s."
                )
                % words
            )
        return ""


UNRESTRICTED = Sharing()


def agency_for_membership(membership: Membership) -> Agency | None:
    """The directory Agency a partner worker comes from: the manager's link, else the
    directory entry whose name matches her membership's agency (ignoring case), else None."""
    link = (
        PartnerAgency.objects.filter(membership=membership, agency__centre_id=membership.centre_id)
        .select_related("agency")
        .first()
    )
    if link is not None:
        return link.agency
    name = (membership.agency or "").strip()
    if not name:
        return None
    return (
        Agency.objects.filter(centre_id=membership.centre_id, name__iexact=name)
        .order_by("-is_active", "pk")
        .first()
    )


def latest_consent(woman: Woman, agency: Agency) -> Consent | None:
    """Her latest decision about sharing with `agency` (or None)."""
    return Consent.objects.filter(woman=woman, agency=agency).order_by("-decided_on", "-id").first()


def _who_to_ask(woman: Woman) -> str:
    if woman.key_worker_id:
        return _("her key worker, %(name)s, or the manager") % {"name": woman.key_worker}
    return _("the manager")


def consent_is_live(consent: Consent | None) -> bool:
    """Agreed, and not past its end (review) date."""
    if consent is None or not consent.agreed:
        return False
    return not (consent.review_on and consent.review_on < timezone.localdate())


def partner_sharing(membership: Membership, woman: Woman) -> Sharing:
    ask = _who_to_ask(woman)
    agency = agency_for_membership(membership)
    if agency is None:
        return Sharing(state=Sharing.NO_AGENCY, agency_name=membership.agency, ask=ask)
    consent = latest_consent(woman, agency)
    common: dict[str, Any] = {
        "agency_name": agency.name,
        "agency": agency,
        "consent": consent,
        "ask": ask,
    }
    if consent is None:
        return Sharing(state=Sharing.NO_AGREEMENT, **common)
    if not consent.agreed:
        return Sharing(state=Sharing.REFUSED, **common)
    if not consent_is_live(consent):
        return Sharing(state=Sharing.REVIEW_DUE, **common)
    return Sharing(state=Sharing.AGREED, parts=_fine_parts(consent.shares), **common)


# --- The answer for one reader and one woman --------------------------------------------------


class _PartFlags:
    """`{% if record.sees.plan %}`: a part's name to a yes or no; unknown names fail loudly."""

    def __init__(self, answer: Callable[[str], bool]):
        self._answer = answer

    def __getitem__(self, name: str) -> bool:
        return self._answer(Part(name))

    def __getattr__(self, name: str) -> bool:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]


@dataclass(frozen=True)
class RecordAccess:
    """What one person may do with one woman's record, and why."""

    woman: Woman
    grounds: str
    parts: frozenset = frozenset()
    changes: frozenset = frozenset()
    may_change_team: bool = False
    involved: bool = False
    sharing: Sharing = UNRESTRICTED
    grant: BreakGlass | None = None
    manager: bool = False
    may_record_sharing: bool = False

    def sees(self, part: str) -> bool:
        return Part(part) in self.parts

    def may_change(self, part: str) -> bool:
        return Part(part) in self.changes

    @property
    def sees_record(self) -> bool:
        """Any part of her record at all (else the front-desk card)."""
        return Part.SUMMARY in self.parts

    @property
    def sees_own_contacts(self) -> bool:
        """An involved partner worker shut out by the agreement still sees what she logged."""
        return self.involved and not self.sees_record

    @property
    def may_allocate(self) -> bool:
        """Change her key worker and link partner workers to agencies (the manager)."""
        return self.manager

    @property
    def read_only(self) -> bool:
        return not self.changes

    @property
    def sees_all_notes(self) -> bool:
        """Restricted notes: the author, her key worker and the manager only."""
        return self.grounds in (Grounds.MANAGER, Grounds.ALLOCATED)

    @property
    def sees_flags(self) -> _PartFlags:
        return _PartFlags(self.sees)

    @property
    def changes_flags(self) -> _PartFlags:
        return _PartFlags(self.may_change)


def record_access(request: CentreRequest, woman: Woman) -> RecordAccess:
    """The one answer for this person and woman, worked out once per request.

    `woman` must already be known to be in the request's centre (fetch through
    selectors.get_woman_for_user, which gives a 404 otherwise)."""
    cache = request.__dict__.setdefault("_record_access", {})
    if woman.pk not in cache:
        cache[woman.pk] = _work_out(request, woman)
    return cache[woman.pk]


def _work_out(request: CentreRequest, woman: Woman) -> RecordAccess:
    if woman.centre_id != getattr(request.centre, "pk", None):
        return RecordAccess(woman=woman, grounds=Grounds.NONE)
    manager = role_in(request, MANAGER_ONLY)
    recorder = role_in(request, KEY_WORKERS_AND_MANAGER)
    if manager or woman.key_worker_id == request.user.pk:
        return RecordAccess(
            woman=woman,
            grounds=Grounds.MANAGER if manager else Grounds.ALLOCATED,
            parts=ALL_PARTS,
            changes=ALL_PARTS,
            may_change_team=True,
            manager=manager,
            may_record_sharing=recorder,
        )
    if role_in(request, VOLUNTEERS):
        return _volunteer(request, woman)
    involved = Allocation.objects.filter(
        woman=woman, worker_id=request.user.pk, kind=Allocation.Kind.INVOLVED, ended_at__isnull=True
    ).exists()
    partner = role_in(request, PARTNERS)
    if involved and not partner:
        return RecordAccess(
            woman=woman,
            grounds=Grounds.TEAM,
            parts=ALL_PARTS,
            changes=ALL_PARTS,
            involved=True,
            may_record_sharing=recorder,
        )
    grant = live_break_glass(request.user, woman)
    if grant is not None:
        return RecordAccess(
            woman=woman,
            grounds=Grounds.BREAK_GLASS,
            parts=ALL_PARTS,
            involved=involved,
            sharing=Sharing(state=Sharing.BREAK_GLASS),
            grant=grant,
        )
    if involved:
        return _partner(request, woman)
    return RecordAccess(woman=woman, grounds=Grounds.NONE)


def _partner(request: CentreRequest, woman: Woman) -> RecordAccess:
    sharing = partner_sharing(request.membership, woman)
    # Logging a contact is writing, not reading: an involved partner worker may always log
    # one, and sees only the contacts she logged herself unless the agreement covers them.
    if not sharing.limited:
        return RecordAccess(
            woman=woman,
            grounds=Grounds.NONE,
            changes=frozenset({Part.CONTACTS}),
            involved=True,
            sharing=sharing,
        )
    parts = frozenset({Part.SUMMARY, Part.PHOTO}) | agreement_parts(sharing.consent.shares)
    if Part.RISK in parts:
        parts |= {Part.REFERRAL}  # her referral is mostly offences, risk and vulnerability
    return RecordAccess(
        woman=woman,
        grounds=Grounds.SHARING_AGREEMENT,
        parts=parts,
        changes=frozenset({Part.CONTACTS}),
        involved=True,
        sharing=sharing,
    )


# Activities tell the record policy whether a volunteer helps on a session the woman is booked
# on (casework cannot import activities: dependencies point one way).
VolunteerSessionCheck = Callable[[HttpRequest, Woman], bool]
_volunteer_session_checks: list[VolunteerSessionCheck] = []


def register_volunteer_session_check(check: VolunteerSessionCheck) -> VolunteerSessionCheck:
    if check not in _volunteer_session_checks:
        _volunteer_session_checks.append(check)
    return check


def _volunteer(request: CentreRequest, woman: Woman) -> RecordAccess:
    on_session = any(check(request, woman) for check in _volunteer_session_checks)
    return RecordAccess(
        woman=woman, grounds=Grounds.VOLUNTEER_SESSION if on_session else Grounds.NONE
    )


def live_break_glass(user: User | AnonymousUser, woman: Woman) -> BreakGlass | None:
    return (
        BreakGlass.objects.filter(woman=woman, worker_id=user.pk, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def break_glass_ends_at(centre: Centre, now: datetime | None = None) -> datetime:
    """When a grant made now ends: the centre's end of the working day, or an hour from now
    when the working day is already over (a grant is never longer than that)."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    end = timezone.make_aware(datetime.combine(local.date(), centre.break_glass_ends_at))
    if end <= now:
        return now + timedelta(hours=1)
    return end


def may_see_both(request: CentreRequest, woman: Woman, other: Woman | None) -> bool:
    """May this person see the risk part of both women's records (for "must not be placed
    together" alerts, which name the other woman and say why)?"""
    if other is None or other.centre_id != woman.centre_id:
        return False
    return record_access(request, woman).sees(Part.RISK) and record_access(request, other).sees(
        Part.RISK
    )


# --- Referrals --------------------------------------------------------------------------------


def triages_referrals(request: CentreRequest) -> bool:
    """The manager, and the people she has put on referral duty."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return False
    return role_in(request, MANAGER_ONLY) or (
        role_in(request, KEY_WORKERS_AND_MANAGER) and membership.triages_referrals
    )


def referral_grounds(request: CentreRequest, referral: Referral) -> str:
    """Why this person may read this referral (Grounds.NONE: she may not).

    Pending (or declined) referrals are read by those who triage; once she has a record, her
    referral is part of it, under the record policy."""
    woman = referral.woman if referral.woman_id is not None else None
    if woman is not None and woman.centre_id == referral.centre_id:
        access = record_access(request, woman)
        if access.sees(Part.REFERRAL):
            return access.grounds
        return Grounds.NONE
    if triages_referrals(request):
        return Grounds.TRIAGE
    return Grounds.OFFERED if may_answer_offer(request, referral) else Grounds.NONE


def may_answer_offer(request: CentreRequest, referral: Referral) -> bool:
    """A key worker accepts or declines a waiting referral offered to her, and reads it to
    decide; once answered, the offer gives her nothing."""
    return (
        role_in(request, KEY_WORKERS_AND_MANAGER)
        and referral.decision == Referral.Decision.PENDING
        and referral.offered_to_id == request.user.pk
    )


# --- Capabilities (centre.access) -------------------------------------------------------------


@capability("triage_referrals")
def _triage_referrals(request: CentreRequest) -> bool:
    return triages_referrals(request)


@capability("decide_referrals")
def _decide_referrals(request: CentreRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("see_team_caseloads")
def _see_team_caseloads(request: CentreRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("edit_directory")
def _edit_directory(request: CentreRequest) -> bool:
    return role_in(request, KEY_WORKERS_AND_MANAGER)


@capability("create_case_reviews")
def _create_case_reviews(request: CentreRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("use_casework")
def _use_casework(request: CentreRequest) -> bool:
    return role_in(request, CASEWORK_ROLES)


def sees_whole_caseload(request: CentreRequest) -> bool:
    """The manager's caseload page lists every open case in the centre."""
    return role_in(request, MANAGER_ONLY)


def is_manager_membership(membership: Membership) -> bool:
    """For lists of the team (caseload counts leave out managers who hold no cases)."""
    return membership.role in MANAGER_ONLY


def is_partner_membership(membership: Membership) -> bool:
    """Only partner workers are linked to a directory agency."""
    return membership.role in PARTNERS


def is_partner(request: CentreRequest) -> bool:
    return role_in(request, PARTNERS)


def is_manager(request: CentreRequest) -> bool:
    return role_in(request, MANAGER_ONLY)
