"""Her timeline: contacts, appointments, stage changes and more, newest first, paged."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from centre.labels import choice_label, enum_labels
from centre.requests import CentreRequest

from ..access import (
    Part,
    record_access,
)
from ..models import (
    Contact,
    Domain,
    SharePart,
    Woman,
)
from .sharing import restricted_visible


@dataclass
class TimelineEntry:
    when: date
    kind: str
    title: str
    body: str = ""
    by: object = None
    restricted: bool = False
    hidden: bool = False
    not_shared: bool = False
    details: list[str] = field(default_factory=list)


def timeline(
    request: CentreRequest, woman: Woman, *, before: date | None = None, limit: int = 100
) -> tuple[list[TimelineEntry], date | None]:
    """Contacts, stage changes, allocations, reviews, appointments and case reviews, newest
    first, for one page: everything dated before `before` (a date; None for the newest).

    Returns (entries, older): `older` is the date to pass as `before` for the next page, or
    None when there is nothing older. The page is complete down to its oldest day, so paging
    never skips an entry. A fixed number of queries: one per kind, each capped at `limit`."""
    record = record_access(request, woman)
    notes_shared = record.sees(Part.CONTACTS) and record.sharing.allows(SharePart.CONTACT_NOTES)
    reviews_shared = record.sees(Part.REVIEWS)
    review_notes_shared = notes_shared and reviews_shared

    def newest(queryset: QuerySet[Any], field: str, *, moment: bool = False) -> list[Any]:
        """The newest rows by `field` (a date; with `moment`, a date and time, paged by its
        day) dated before the page."""
        if before is not None:
            day = f"{field}__date" if moment else field
            queryset = queryset.filter(**{f"{day}__lt": before})
        return list(queryset.order_by(f"-{field}", "-pk")[:limit])

    contacts = newest(woman.contacts.select_related("worker"), "contact_on")
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
                when=localdate(change.changed_at),
                kind="stage",
                title=f"Stage: {choice_label(change, 'to_stage')}",
                body=change.reason,
                by=change.changed_by,
            )
            for change in newest(
                woman.stage_changes.select_related("changed_by"), "changed_at", moment=True
            )
        ],
        [
            TimelineEntry(
                when=localdate(allocation.started_at),
                kind="allocation",
                title=f"{choice_label(allocation, 'kind')}: {allocation.worker}",
                body=allocation.reason,
                by=allocation.allocated_by,
            )
            for allocation in newest(
                woman.allocations.select_related("worker", "allocated_by"),
                "started_at",
                moment=True,
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
            for review in newest(woman.reviews.select_related("author"), "held_on")
            if reviews_shared
        ],
        [
            TimelineEntry(
                when=localdate(appointment.starts_at),
                kind="appointment",
                title=f"Appointment: {choice_label(appointment, 'status')}",
                body=appointment.purpose,
                by=appointment.worker,
            )
            for appointment in newest(
                woman.appointments.select_related("worker"), "starts_at", moment=True
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
            for item in newest(woman.case_reviews.select_related("meeting"), "meeting__held_on")
        ],
    ]
    return _timeline_page(kinds, limit)


def _contact_entry(contact: Contact, *, hidden: bool, notes_shared: bool) -> TimelineEntry:
    return TimelineEntry(
        when=contact.contact_on,
        kind="contact",
        title=f"{choice_label(contact, 'contact_type')}" + ("" if contact.made else " (attempt)"),
        body="" if hidden else contact.note,
        by=contact.worker,
        restricted=contact.restricted,
        hidden=hidden,
        not_shared=hidden and not notes_shared,
        details=[] if hidden else contact_details(contact),
    )


def contact_details(contact: Contact) -> list[str]:
    """What was recorded beside the note, in words: length, format, needs, tool, support."""
    # Labels translated once per language, not a choices dictionary built per contact (her
    # timeline shows up to 100: get_<field>_display() was a seventh of the page).
    domains, support = enum_labels(Domain), enum_labels(Contact.Support)
    details = []
    if contact.duration_minutes:
        details.append(f"{contact.duration_minutes} min")
    if contact.contact_format:
        details.append(str(choice_label(contact, "contact_format")))
    if contact.needs_discussed:
        needs = ", ".join(str(domains.get(n, n)) for n in contact.needs_discussed)
        details.append(f"{_('Needs discussed')}: {needs}")
    if contact.tool_used:
        details.append(f"{_('Tool')}: {choice_label(contact, 'tool_used')}")
    if contact.practical_support:
        given = ", ".join(str(support.get(s, s)) for s in contact.practical_support)
        details.append(f"{_('Support given')}: {given}")
    return details


@dataclass
class ContactTotals:
    """Her contacts counted: how many, how long in all, and what was recorded on them."""

    count: int = 0
    made: int = 0
    minutes: int = 0
    formats: list[tuple[str, int]] = field(default_factory=list)
    needs: list[tuple[str, int]] = field(default_factory=list)
    tools: list[tuple[str, int]] = field(default_factory=list)
    support: list[tuple[str, int]] = field(default_factory=list)


def _named(counter: Counter[str], names: dict[str, Any]) -> list[tuple[str, int]]:
    return [(str(names.get(key, key)), n) for key, n in counter.most_common() if key]


def contact_totals(contacts: Iterable[Contact]) -> ContactTotals:
    """Count what the contacts record (no query of its own: pass what the reader may see)."""
    contacts = list(contacts)
    needs: Counter[str] = Counter(n for c in contacts for n in c.needs_discussed or [])
    support: Counter[str] = Counter(s for c in contacts for s in c.practical_support or [])
    return ContactTotals(
        count=len(contacts),
        made=sum(1 for c in contacts if c.made),
        minutes=sum(c.duration_minutes or 0 for c in contacts),
        formats=_named(Counter(c.contact_format for c in contacts), dict(Contact.Format.choices)),
        needs=_named(needs, dict(Domain.choices)),
        tools=_named(Counter(c.tool_used for c in contacts), dict(Contact.Tool.choices)),
        support=_named(support, dict(Contact.Support.choices)),
    )


def timeline_contact_totals(request: CentreRequest, woman: Woman) -> ContactTotals | None:
    """Her contacts counted, over the ones whose notes this person may read (None: none)."""
    record = record_access(request, woman)
    if not (record.sees(Part.CONTACTS) and record.sharing.allows(SharePart.CONTACT_NOTES)):
        return None
    fields = ("made", "duration_minutes", "contact_format", "needs_discussed", "tool_used")
    visible = woman.contacts.filter(restricted_visible(request, woman))
    return contact_totals(visible.only(*fields, "practical_support", "woman"))


def _timeline_page(
    kinds: list[list[TimelineEntry]], limit: int
) -> tuple[list[TimelineEntry], date | None]:
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


def own_contacts(request: CentreRequest, woman: Woman, *, limit: int = 50) -> list[Contact]:
    """The contacts this worker logged herself (for the card of a partner worker limited by
    the woman's sharing agreement)."""
    return list(woman.contacts.filter(worker_id=request.user.pk).select_related("worker")[:limit])
