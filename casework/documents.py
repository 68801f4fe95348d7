"""Casework's generated file as a platform document kind (registered when the app is ready): the
woman's record summary as a PDF. It is made fresh for each download, for one reader, and never
stored, as it holds her record; the reader's view of the record (the record policy, the alerts
and contact notes she may read) goes with the build, and without one nothing is built."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register
from centre.documents.services import Coverage, document_render, document_unsaved
from centre.labels import enum_labels
from centre.requests import CentreRequest

from . import selectors
from .access import UNRESTRICTED, Part, RecordAccess, record_access
from .charts import distance_travelled_svg, series_from_ratings
from .models import Contact, Domain, SharePart, SupportPlan, Woman
from .selectors import ShownAlert, domain_filter

SUMMARY = "woman_summary"


@dataclass(frozen=True)
class SummaryReader:
    """Whose view of her record a summary shows. `record` None: everything held (the subject
    access bundle). `alerts`: the alerts as this reader may see them; `contacts_filter`: a Q
    limiting contacts to the notes she may read."""

    record: RecordAccess | None = None
    alerts: list[ShownAlert] | None = None
    contacts_filter: Q | None = None


EVERYTHING_HELD = SummaryReader()
_READER: ContextVar[SummaryReader | None] = ContextVar("casework_summary_reader", default=None)


def reader_for(request: CentreRequest, woman: Woman) -> SummaryReader:
    """This person's view of her record, under the record policy."""
    return SummaryReader(
        record=record_access(request, woman),
        alerts=selectors.visible_alerts(request, woman, active_only=False),
        contacts_filter=selectors.restricted_visible(request, woman),
    )


def _contact_details(contact: Contact) -> str:
    """A contact's particulars in one line: "45 min · One-to-one · Mental health, Housing"."""
    labels = enum_labels(Domain)
    parts = [
        _("%(minutes)s min") % {"minutes": contact.duration_minutes}
        if contact.duration_minutes
        else "",
        contact.get_contact_format_display() if contact.contact_format else "",
        contact.get_tool_used_display() if contact.tool_used else "",
        ", ".join(str(labels.get(need, need)) for need in contact.needs_discussed or []),
    ]
    return " · ".join(part for part in parts if part)


def summary_context(
    woman: Woman,
    *,
    record: RecordAccess | None = None,
    alerts: list[ShownAlert] | None = None,
    contacts_filter: Q | None = None,
) -> dict[str, Any]:
    """What the summary (page, PDF) shows of her record.

    `record`: the reader's RecordAccess; each part is in only if she sees it, and a partner
    worker's agreement narrows needs, goals and ratings the same way as on the pages. None is
    the subject access bundle: everything held. `alerts`: the alerts as this reader may see
    them (selectors.visible_alerts); `contacts_filter`: a Q limiting contacts to the notes
    she may read."""
    sees = record.sees if record is not None else (lambda part: True)
    sharing = record.sharing if record is not None else UNRESTRICTED
    domains = domain_filter(sharing)
    contacts = woman.contacts.select_related("worker")
    if contacts_filter is not None:
        contacts = contacts.filter(contacts_filter)
    plan = sees(Part.PLAN)
    shown_contacts = list(contacts) if sees(Part.CONTACTS) or (record and record.involved) else []
    ratings = list(woman.ratings.filter(domains)) if plan else []
    justice = sees(Part.RISK) and sharing.allows(SharePart.JUSTICE_RECORD)
    return {
        "woman": woman,
        "sharing": sharing,
        "sees": {part.value: sees(part) for part in Part},
        "plan": SupportPlan.objects.filter(woman=woman).first() if plan else None,
        "goals": list(woman.goals.filter(domains)) if plan else [],
        "actions": list(
            woman.actions.filter(Q(goal__isnull=True) | domain_filter(sharing, "goal__domain"))
        )
        if plan
        else [],
        # Her own contacts stay in for an involved partner (contacts_filter limits them).
        "contacts": shown_contacts,
        "contact_rows": [
            {"contact": contact, "details": _contact_details(contact)} for contact in shown_contacts
        ],
        "contact_totals": selectors.contact_totals(shown_contacts),
        "appointments": list(woman.appointments.all()),
        "needs": list(woman.needs.filter(domains)) if plan else [],
        "reviews": list(woman.reviews.all()) if sees(Part.REVIEWS) else [],
        # Safety alerts go to anyone who may meet her; `alerts` hides who she must not be
        # placed with from a reader who may not see both records.
        "alerts": alerts if alerts is not None else list(woman.alerts.all()),
        "justice_shared": justice,
        "orders": list(woman.orders.all()) if justice else [],
        "court_dates": list(woman.court_dates.all()) if justice else [],
        "breaches": list(woman.breaches.all()) if justice else [],
        "consents": list(woman.consents.select_related("agency")),
        "referrals_out": list(woman.referrals_out.select_related("agency"))
        if sees(Part.MOVE_ON)
        else [],
        "stage_history": list(woman.stage_changes.all()),
        "chart": mark_safe(distance_travelled_svg(series_from_ratings(ratings))),  # noqa: S308 - charts.py escapes every text it draws
        "generated_at": timezone.now(),
    }


@contextmanager
def _reading_as(reader: SummaryReader) -> Iterator[None]:
    token = _READER.set(reader)
    try:
        yield
    finally:
        _READER.reset(token)


def summary_pdf(woman: Woman, *, reader: SummaryReader) -> tuple[Document, bytes]:
    """Her record summary as this reader sees it: the unsaved document and the PDF's bytes."""
    document = document_unsaved(centre=woman.centre, kind=SUMMARY, coverage=Coverage(obj=woman))
    with _reading_as(reader):
        pdf, _summary = document_render(document)
    return document, pdf


def _woman(document: Document) -> Woman:
    return Woman.objects.select_related("key_worker").get(
        pk=document.object_id, centre=document.centre
    )


def _context(document: Document) -> dict[str, Any]:
    reader = _READER.get()
    if reader is None:  # deny by default: a build without a reader (a queued one) shows nothing
        raise PermissionDenied("A record summary is made for one reader, at download.")
    woman = _woman(document)
    return summary_context(
        woman, record=reader.record, alerts=reader.alerts, contacts_filter=reader.contacts_filter
    )


def may_read_summary(request: HttpRequest, document: Document) -> bool:
    """Never stored, so never sent by the platform's download view; asked anyway, the record
    policy answers."""
    woman = Woman.objects.filter(pk=document.object_id, centre=document.centre).first()
    if woman is None:
        return False
    record = record_access(cast(CentreRequest, request), woman)
    return record.sees_record and record.sees(Part.SUMMARY)


def _filename(document: Document) -> str:
    return f"record-{document.object_id}.pdf"


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=SUMMARY,
            label=_("her record"),
            template="casework/pdf/summary.html",
            context=_context,
            filename=_filename,
            may_read=may_read_summary,
            audit_action="casework.woman.pdf",
            audit_object=_woman,
        )
    )
