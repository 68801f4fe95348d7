"""Activities' generated files as platform document kinds (registered when the app is ready):
the printed termly programme, and a woman's course certificate (made for each download and
never stored, as it names her)."""

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from centre.access import can
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register
from centre.documents.services import Coverage

from . import selectors
from .models import CourseCompletion, Term

PROGRAMME = "termly_programme"
CERTIFICATE = "course_certificate"


def programme_coverage(start: date, end: date) -> Coverage:
    return Coverage(period_start=start, period_end=end)


def weekday_name(weekday: int) -> str:
    return date(2024, 1, 1 + weekday).strftime("%A")


def may_read_programme(request: HttpRequest, document: Document) -> bool:
    """Staff and volunteers hand the programme out: it names activities, never a woman."""
    return can(request, "use_activities")


def _context(document: Document) -> dict[str, Any]:
    start, end = document.period_start, document.period_end
    timetable = selectors.programme_timetable(document.centre, start, end)
    term = Term.objects.filter(centre=document.centre, starts_on=start, ends_on=end).first()
    return {
        "term": term,
        "start": start,
        "end": end,
        "timetable": timetable,
        "by_day": [(weekday_name(d), items) for d, items in timetable["by_day"] if items],
    }


def may_read_certificate(request: HttpRequest, document: Document) -> bool:
    """Staff print a woman's certificate for her (the view has already found the completion in
    the user's centre)."""
    return can(request, "print_certificates")


def _completion(document: Document) -> CourseCompletion:
    return CourseCompletion.objects.select_related("activity", "woman").get(
        pk=document.object_id, activity__centre=document.centre
    )


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=PROGRAMME,
            label=_("the programme"),
            template="activities/pdf/programme.html",
            context=_context,
            filename=lambda document: f"programme-{document.period_start:%Y-%m-%d}.pdf",
            may_read=may_read_programme,
            audit_action="activities.programme.download",
        )
    )
    document_kind_register(
        DocumentKind(
            name=CERTIFICATE,
            label=_("the certificate"),
            template="activities/pdf/certificate.html",
            context=lambda document: {"completion": _completion(document)},
            filename=lambda document: f"certificate-{document.object_id}.pdf",
            may_read=may_read_certificate,
            audit_action="activities.certificate.download",
            audit_object=lambda document: _completion(document).woman,
        )
    )
