"""Reads of women's records, with the record policy (casework/access.py) applied.

Who sees which part of her record, and on what grounds, is decided in `casework.access` only;
the reads here ask it (`record_access`) and never compare a role.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone

from centre import deadlines
from centre.access import get_for_user, scope_to_centre
from centre.models import AuditEvent, Membership
from centre.roles import Role

from . import access
from .access import (
    UNRESTRICTED,
    Grounds,
    Part,
    RecordAccess,
    Sharing,
    agency_for_membership,
    latest_consent,
    record_access,
)
from .models import (
    OPEN_STAGES,
    Action,
    Agency,
    Alert,
    Allocation,
    Appointment,
    Consent,
    Contact,
    OutcomeRating,
    Referral,
    SharePart,
    Stage,
    StageChange,
    SupportPlan,
    Woman,
)

__all__ = ["Sharing", "UNRESTRICTED", "agency_for_membership", "latest_consent", "Grounds"]

# Full record / front-desk card / the card plus her own contacts (an involved partner worker
# whose agency the woman has not agreed to share with).
FULL = "full"
CARD = "card"
OWN = "own"


def caseload_for_user(request):
    """The open cases this worker holds as key worker (all open cases for the manager)."""
    women = scope_to_centre(Woman.objects.all(), request).filter(stage__in=OPEN_STAGES)
    if not access.sees_whole_caseload(request):
        women = women.filter(key_worker=request.user)
    return women.select_related("key_worker").order_by("first_name", "last_name")


def placement_conflicts(centre, woman_ids):
    """Pairs of women among `woman_ids` who must not be placed together, as frozensets of ids.

    Only the pairs: never the reason, which stays on the casework record."""
    ids = {int(pk) for pk in woman_ids}
    if len(ids) < 2:
        return set()
    rows = Alert.objects.filter(
        centre=centre,
        kind=Alert.Kind.NOT_WITH,
        is_active=True,
        woman_id__in=ids,
        other_woman_id__in=ids,
    ).values_list("woman_id", "other_woman_id")
    return {frozenset(pair) for pair in rows if pair[0] != pair[1]}


def involved_women_ids(user):
    """Ids of women this worker is allocated to as an involved worker (not key worker)."""
    return Allocation.objects.filter(
        worker=user, kind=Allocation.Kind.INVOLVED, ended_at__isnull=True
    ).values("woman_id")


def level_of(record: RecordAccess) -> str:
    """FULL (some part of her record), OWN (an involved partner worker shut out by the
    agreement: the card and her own contacts) or CARD."""
    if record.sees_record:
        return FULL
    return OWN if record.sees_own_contacts else CARD


def access_level(request, woman) -> str:
    """FULL, OWN or CARD for a woman already known to be in the current centre."""
    return level_of(record_access(request, woman))


def get_woman_for_user(request, pk, *, require=FULL, part=None):
    """The woman in the user's centre (404 otherwise) and the user's access level.

    With require=FULL, a worker who may only see the card (or the card and her own contacts)
    gets `NeedsBreakGlass`; with require=OWN, only a worker limited to the card does. With
    `part`, a reader who does not see that part of her record gets `NeedsBreakGlass` too."""
    try:
        woman = scope_to_centre(Woman.objects.select_related("key_worker"), request).get(pk=pk)
    except (Woman.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    record = record_access(request, woman)
    level = level_of(record)
    if (require == FULL and level != FULL) or (require == OWN and level == CARD):
        raise NeedsBreakGlass(woman, level=level, sharing=record.sharing)
    if part is not None and level == FULL and not record.sees(part):
        raise NeedsBreakGlass(woman, level=level, sharing=record.sharing)
    return woman, level


class NeedsBreakGlass(Exception):  # noqa: N818 - it is a signal, not an error
    def __init__(self, woman, *, level=CARD, sharing=None):
        super().__init__("this part of her record needs allocation or break the glass")
        self.woman = woman
        self.level = level
        self.sharing = sharing or UNRESTRICTED


def sharing_for(request, woman) -> Sharing:
    """The Sharing that applies to this reader and woman (UNRESTRICTED for most)."""
    return record_access(request, woman).sharing


def partner_agencies(woman, involved):
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
    by_name = {}
    if names:
        for agency in (
            Agency.objects.annotate(lname=Lower("name"))
            .filter(centre_id=woman.centre_id, lname__in=names)
            .order_by("-is_active", "-pk")
        ):
            by_name[agency.lname] = agency
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


def sharing_prompts(woman, involved):
    """For her key worker and the manager: involved partner workers whose agency has no
    sharing agreement with her (or is not in the directory), so they can record one in one
    click. Same rows as partner_agencies."""
    return [row for row in partner_agencies(woman, involved) if not row["decided"]]


def restricted_visible(request, woman):
    """Q for contacts this user may read the note of: restricted notes for their author, her
    key worker and the manager; others' notes only to who sees the contacts part."""
    record = record_access(request, woman)
    if record.sees_all_notes:
        return Q()
    if not record.sees(Part.CONTACTS) or not record.sharing.allows(SharePart.CONTACT_NOTES):
        return Q(worker=request.user)
    return Q(restricted=False) | Q(worker=request.user)


def can_see_restricted(request, woman, contact):
    record = record_access(request, woman)
    if record.sees_all_notes or contact.worker_id == request.user.pk:
        return True
    return (
        not contact.restricted
        and record.sees(Part.CONTACTS)
        and record.sharing.allows(SharePart.CONTACT_NOTES)
    )


def visible_women(request):
    """Women whose full record this user may read (not counting break-the-glass).

    For a partner worker this does not apply the women's sharing agreements: check
    `access_level` per woman where that matters (see case_review_detail)."""
    women = scope_to_centre(Woman.objects.all(), request)
    if access.sees_whole_caseload(request):
        return women
    return women.filter(Q(key_worker=request.user) | Q(pk__in=involved_women_ids(request.user)))


def search_women(request, query):
    """Any woman in the centre by name (staff see the card of anyone; the full record only
    of their own). Returns a queryset, small page only."""
    women = scope_to_centre(Woman.objects.select_related("key_worker"), request).filter(
        anonymised_at__isnull=True
    )
    for word in query.split()[:3]:
        women = women.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return women.order_by("first_name", "last_name")


def annotate_caseload(women, *, today=None):
    """Add next appointment, overdue actions and next review to each woman with subqueries, so
    a caseload page costs the same number of queries however many women are on it."""
    today = today or timezone.localdate()
    now = timezone.now()
    next_appointment = (
        Appointment.objects.filter(
            woman=OuterRef("pk"), starts_at__gte=now, status=Appointment.Status.BOOKED
        )
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    overdue = (
        Action.objects.filter(
            deadlines.overdue_q("due_on", today=today), woman=OuterRef("pk"), done_on__isnull=True
        )
        .order_by()
        .values("woman")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return women.annotate(
        next_appointment_at=Subquery(next_appointment),
        overdue_actions=Subquery(overdue),
        next_review_on=Min("plan__next_review_on"),
        has_alert=Exists(Alert.objects.filter(woman=OuterRef("pk"), is_active=True)),
    ).select_related("key_worker")


def not_heard_from(centre, *, days=None, key_worker=None):
    """Open cases with no successful contact for more than the centre's N days."""
    days = days or centre.not_heard_from_days
    cutoff = timezone.now() - timedelta(days=days)
    women = Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES).filter(
        Q(last_contact_at__lt=cutoff) | Q(last_contact_at__isnull=True)
    )
    if key_worker is not None:
        women = women.filter(key_worker=key_worker)
    return women.select_related("key_worker").order_by("last_contact_at", "first_name")


def caseload_counts(centre):
    """Open cases per key worker, with the centre's warning threshold applied."""
    counts = dict(
        Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES, key_worker__isnull=False)
        .values_list("key_worker")
        .annotate(n=Count("pk"))
        .values_list("key_worker", "n")
    )
    workers = (
        Membership.objects.filter(
            centre=centre, is_active=True, role__in=[Role.KEY_WORKER, Role.MANAGER]
        )
        .select_related("user")
        .order_by("user__first_name")
    )
    rows = []
    for membership in workers:
        n = counts.get(membership.user_id, 0)
        if not n and access.is_manager_membership(membership):
            continue
        rows.append(
            {
                "worker": membership.user,
                "count": n,
                "over": n > centre.caseload_warning_threshold,
            }
        )
    return rows


def stage_counts(women):
    counts = dict(women.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in Stage.choices]


def caseload_size(centre, worker):
    return Woman.objects.filter(centre=centre, key_worker=worker, stage__in=OPEN_STAGES).count()


@dataclass
class TimelineEntry:
    when: object
    kind: str
    title: str
    body: str = ""
    by: object = None
    restricted: bool = False
    hidden: bool = False
    not_shared: bool = False


def timeline(request, woman, *, before=None, limit=100):
    """Contacts, stage changes, allocations, reviews, appointments and case reviews, newest
    first, for one page: everything dated before `before` (a date; None for the newest).

    Returns (entries, older): `older` is the date to pass as `before` for the next page, or
    None when there is nothing older. The page is complete down to its oldest day, so paging
    never skips an entry. A fixed number of queries: one per kind, each capped at `limit`."""
    record = record_access(request, woman)
    notes_shared = record.sees(Part.CONTACTS) and record.sharing.allows(SharePart.CONTACT_NOTES)
    reviews_shared = record.sees(Part.REVIEWS)
    review_notes_shared = notes_shared and reviews_shared

    def newest(queryset, date_field, *order):
        if before is not None:
            queryset = queryset.filter(**{f"{date_field}__lt": before})
        return list(queryset.order_by(*order, "-pk")[:limit])

    contacts = newest(woman.contacts.select_related("worker"), "contact_on", "-contact_on")
    visible = set(
        woman.contacts.filter(
            restricted_visible(request, woman), pk__in=[c.pk for c in contacts]
        ).values_list("pk", flat=True)
    )
    kinds = [
        [
            _contact_entry(c, hidden=c.pk not in visible, notes_shared=notes_shared)
            for c in contacts
        ],
        [
            TimelineEntry(
                when=change.changed_at.date(),
                kind="stage",
                title=f"Stage: {change.get_to_stage_display()}",
                body=change.reason,
                by=change.changed_by,
            )
            for change in newest(
                woman.stage_changes.select_related("changed_by"), "changed_at__date", "-changed_at"
            )
        ],
        [
            TimelineEntry(
                when=allocation.started_at.date(),
                kind="allocation",
                title=f"{allocation.get_kind_display()}: {allocation.worker}",
                body=allocation.reason,
                by=allocation.allocated_by,
            )
            for allocation in newest(
                woman.allocations.select_related("worker", "allocated_by"),
                "started_at__date",
                "-started_at",
            )
        ],
        [
            TimelineEntry(
                when=review.held_on,
                kind="review",
                title="Review",
                body=review.progress,
                by=review.author,
            )
            for review in newest(woman.reviews.select_related("author"), "held_on", "-held_on")
            if reviews_shared
        ],
        [
            TimelineEntry(
                when=appointment.starts_at.date(),
                kind="appointment",
                title=f"Appointment: {appointment.get_status_display()}",
                body=appointment.purpose,
                by=appointment.worker,
            )
            for appointment in newest(
                woman.appointments.select_related("worker"), "starts_at__date", "-starts_at"
            )
        ],
        [
            TimelineEntry(
                when=item.meeting.held_on,
                kind="case_review",
                title=item.meeting.title,
                body=item.notes if review_notes_shared else "",
                hidden=not review_notes_shared and bool(item.notes),
                not_shared=not review_notes_shared and bool(item.notes),
            )
            for item in newest(
                woman.case_reviews.select_related("meeting"),
                "meeting__held_on",
                "-meeting__held_on",
            )
        ],
    ]
    return _timeline_page(kinds, limit)


def _contact_entry(contact, *, hidden, notes_shared):
    return TimelineEntry(
        when=contact.contact_on,
        kind="contact",
        title=f"{contact.get_contact_type_display()}" + ("" if contact.made else " (attempt)"),
        body="" if hidden else contact.note,
        by=contact.worker,
        restricted=contact.restricted,
        hidden=hidden,
        not_shared=hidden and not notes_shared,
    )


def _timeline_page(kinds, limit):
    """Merge the kinds newest first and cut the page at a whole day, below which some kind
    (or the page itself) may have more entries than were fetched."""
    entries = sorted(
        (entry for kind in kinds for entry in kind), key=lambda e: e.when, reverse=True
    )
    boundaries = [kind[-1].when for kind in kinds if len(kind) >= limit]
    if len(entries) > limit:
        boundaries.append(entries[limit - 1].when)
    if not boundaries:
        return entries, None
    boundary = max(boundaries)
    shown = [entry for entry in entries if entry.when > boundary]
    if shown:
        return shown, boundary + timedelta(days=1)
    # A single day holds more than a page: show that day, then carry on before it.
    return [entry for entry in entries if entry.when >= boundary], boundary


def record_viewers(woman, *, limit=200):
    """Who looked at or changed this record (any part of it, her referral included), newest
    first (for the manager)."""
    return (
        AuditEvent.objects.filter(
            Q(woman_id=woman.pk) | Q(object_type="casework.woman", object_id=str(woman.pk)),
            centre_id=woman.centre_id,
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


def referral_report(centre, start, end):
    """Referrals by source and by referring agency, including directory partners who never
    referred in the period."""
    referrals = Referral.objects.filter(centre=centre, referred_on__range=(start, end))
    by_source = {
        row["source"]: row
        for row in referrals.values("source").annotate(
            total=Count("pk"),
            accepted=Count("pk", filter=Q(decision=Referral.Decision.ACCEPTED)),
            declined=Count("pk", filter=Q(decision=Referral.Decision.DECLINED)),
        )
    }
    sources = [
        {
            "label": label,
            "total": by_source.get(value, {}).get("total", 0),
            "accepted": by_source.get(value, {}).get("accepted", 0),
            "declined": by_source.get(value, {}).get("declined", 0),
        }
        for value, label in Referral.Source.choices
    ]
    agencies = (
        Agency.objects.filter(centre=centre, kind=Agency.Kind.PARTNER)
        .annotate(
            total=Count(
                "referrals_in",
                filter=Q(referrals_in__referred_on__range=(start, end)),
            ),
            last_referral=Max("referrals_in__referred_on"),
        )
        .order_by("-total", "name")
    )
    unnamed = referrals.filter(referrer_agency__isnull=True).count()
    return {
        "sources": sources,
        "agencies": list(agencies),
        "never": [a for a in agencies if not a.total],
        "without_agency": unnamed,
        "total": referrals.count(),
    }


def quarter_numbers(centre, start, end):
    """Counts for the quarterly report, for dates start..end inclusive.

    Returns a dict with:
    - women_supported: women with a successful contact in the period, or whose case was open
      at some point in it
    - new_referrals, referrals_by_source {source: n}, referrals_by_decision {decision: n}
    - contacts_total, contacts_by_type {type: n} (successful contacts only), attempts
    - stages {stage: n} (women in each stage now, among those supported)
    - moved_on: women whose stage changed to moved on in the period
    - caseloads: [{"key_worker_id", "count"}] open cases per key worker at the end
    - outcome_change: {domain: {"women": n, "average_change": float}} first vs latest rating
    """
    contacts = Contact.objects.filter(centre=centre, contact_on__range=(start, end))
    contacted = contacts.filter(made=True).values("woman_id")
    left_during = StageChange.objects.filter(
        woman=OuterRef("pk"),
        to_stage__in=[Stage.MOVED_ON, Stage.CLOSED],
        changed_at__date__gte=start,
    )
    supported = Woman.objects.filter(centre=centre).filter(
        Q(pk__in=contacted)
        | Q(created_at__date__lte=end, stage__in=OPEN_STAGES)
        | Q(Exists(left_during), created_at__date__lte=end)
    )
    referrals = Referral.objects.filter(centre=centre, referred_on__range=(start, end))
    return {
        "women_supported": supported.count(),
        "new_referrals": referrals.count(),
        "referrals_by_source": dict(
            referrals.values_list("source").annotate(n=Count("pk")).values_list("source", "n")
        ),
        "referrals_by_decision": dict(
            referrals.values_list("decision").annotate(n=Count("pk")).values_list("decision", "n")
        ),
        "contacts_total": contacts.filter(made=True).count(),
        "attempts": contacts.filter(made=False).count(),
        "contacts_by_type": dict(
            contacts.filter(made=True)
            .values_list("contact_type")
            .annotate(n=Count("pk"))
            .values_list("contact_type", "n")
        ),
        "stages": dict(
            supported.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n")
        ),
        "moved_on": Woman.objects.filter(
            centre=centre,
            stage_changes__to_stage=Stage.MOVED_ON,
            stage_changes__changed_at__date__range=(start, end),
        )
        .distinct()
        .count(),
        "caseloads": list(
            Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES, key_worker__isnull=False)
            .values("key_worker_id")
            .annotate(count=Count("pk"))
            .order_by("-count")
        ),
        "outcome_change": outcome_change(centre, end),
    }


def outcome_change(centre, end):
    """Average change from each woman's first to her latest rating per domain, up to `end`."""
    rows = (
        OutcomeRating.objects.filter(woman__centre=centre, rated_on__lte=end)
        .order_by("woman_id", "domain", "rated_on", "id")
        .values_list("woman_id", "domain", "score")
    )
    first, last, seen = {}, {}, {}
    for woman_id, domain, score in rows.iterator(chunk_size=5000):
        first.setdefault((woman_id, domain), score)
        last[(woman_id, domain)] = score
        seen[(woman_id, domain)] = seen.get((woman_id, domain), 0) + 1
    result = {}
    for (woman_id, domain), start_score in first.items():
        if seen[(woman_id, domain)] < 2:
            continue
        bucket = result.setdefault(domain, {"women": 0, "total": 0})
        bucket["women"] += 1
        bucket["total"] += last[(woman_id, domain)] - start_score
    return {
        domain: {"women": b["women"], "average_change": round(b["total"] / b["women"], 2)}
        for domain, b in result.items()
    }


@dataclass(frozen=True)
class ShownAlert:
    """An alert as this reader may see it: a "must not be placed with" alert names the other
    woman and says why only to someone who may see the risk part of both records."""

    alert: Alert
    kind: str
    label: str
    detail: str
    other_woman: Woman | None = None
    created_at: object = None

    @property
    def pk(self) -> int:
        return self.alert.pk

    @property
    def is_active(self) -> bool:
        return self.alert.is_active

    def get_kind_display(self) -> str:
        return self.label


DO_NOT_SEAT = "do not seat with another woman: ask a key worker"


def visible_alerts(request, woman, *, active_only=True) -> list[ShownAlert]:
    """Her alerts for this reader. Safety and worker-safety alerts are shown to anyone who may
    meet her; "must not be placed with" alerts say only "do not seat with another woman: ask a
    key worker" unless the reader may see both women's records (risk part)."""
    alerts = woman.alerts.select_related("other_woman").order_by("kind", "-created_at")
    if active_only:
        alerts = alerts.filter(is_active=True)
    return [_shown(request, woman, alert) for alert in alerts]


def _shown(request, woman, alert) -> ShownAlert:
    if alert.kind != Alert.Kind.NOT_WITH or access.may_see_both(request, woman, alert.other_woman):
        return ShownAlert(
            alert=alert,
            kind=alert.kind,
            label=alert.get_kind_display(),
            detail=alert.detail,
            other_woman=alert.other_woman,
            created_at=alert.created_at,
        )
    return ShownAlert(
        alert=alert,
        kind=alert.kind,
        label=alert.get_kind_display(),
        detail=DO_NOT_SEAT,
        created_at=alert.created_at,
    )


def domain_filter(sharing, field="domain"):
    """Q limiting rows with a needs domain (needs, goals) to the domains she agreed to share.
    Rows without a domain are kept."""
    if not sharing.limited and not sharing.card_only:
        return Q()
    return Q(**{field: ""}) | Q(**{f"{field}__in": sharing.domains})


def card_context(request, woman):
    """What the front desk may see: name, key worker, alerts, today's appointments."""
    today = timezone.localdate()
    return {
        "alerts": visible_alerts(request, woman),
        "today_appointments": list(
            woman.appointments.filter(
                starts_at__date=today, status=Appointment.Status.BOOKED
            ).select_related("worker")
        ),
    }


def record_context(request, woman):
    """Everything the record's overview shows, in a fixed number of queries."""
    today = timezone.localdate()
    allocations = list(
        woman.allocations.filter(ended_at__isnull=True).select_related("worker").order_by("kind")
    )
    handover = next(
        (
            a
            for a in allocations
            if a.kind == Allocation.Kind.KEY_WORKER
            and a.worker_id == request.user.pk
            and a.handover_note
            and a.handover_read_at is None
        ),
        None,
    )
    see = restricted_visible(request, woman)
    record = record_access(request, woman)
    sharing = record.sharing
    involved = [a for a in allocations if a.kind == Allocation.Kind.INVOLVED]
    may_record_sharing = record.may_record_sharing
    return {
        **card_context(request, woman),
        "involved": involved,
        "sharing": sharing,
        "sharing_prompts": sharing_prompts(woman, involved) if may_record_sharing else [],
        "handover": handover,
        "upcoming": list(
            woman.appointments.filter(starts_at__date__gte=today - timedelta(days=7))
            .exclude(status=Appointment.Status.CANCELLED)
            .select_related("worker")
            .order_by("starts_at")[:10]
        ),
        "open_actions": list(
            woman.actions.filter(done_on__isnull=True)
            .filter(Q(goal__isnull=True) | domain_filter(sharing, "goal__domain"))
            .select_related("owner")[:20]
        ),
        "recent_contacts": list(woman.contacts.filter(see).select_related("worker")[:5]),
        "stage_history": list(woman.stage_changes.select_related("changed_by")[:20]),
        "plan": SupportPlan.objects.filter(woman=woman).first(),
        "today": today,
    }


def own_contacts(request, woman, *, limit=50):
    """The contacts this worker logged herself (for the card of a partner worker limited by
    the woman's sharing agreement)."""
    return list(woman.contacts.filter(worker=request.user).select_related("worker")[:limit])


def referrals_for_user(request):
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


def _partner_women_sharing(request, part) -> list[int]:
    ids = list(involved_women_ids(request.user).values_list("woman_id", flat=True))
    women = Woman.objects.filter(pk__in=ids, centre=request.centre)
    return [woman.pk for woman in women if record_access(request, woman).sees(part)]


def get_referral_for_user(request, pk, *, may_change=True):
    """404 for another centre's referral; 403 for one this person may not read or change.
    Returns (referral, grounds)."""
    referral = get_for_user(Referral.objects.select_related("woman"), request, pk=pk)
    grounds = access.referral_grounds(request, referral)
    if grounds == Grounds.NONE or not may_change:
        raise PermissionDenied
    return referral, grounds


def limited_women_ids(request, woman_ids):
    """Of these women, the ones whose sharing agreement limits this partner worker to the card
    (refused, or review date passed), in two or three queries whatever the number of women.
    Empty for every other role."""
    if not access.is_partner(request) or not woman_ids:
        return set()
    agency = agency_for_membership(request.membership)
    if agency is None:
        return set()
    latest = {}
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
