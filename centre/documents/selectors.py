"""Reads for generated documents: one centre's, and only what the kind's policy allows."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from centre.access import get_for_user
from centre.models import Centre

from .models import Document
from .registry import UnknownDocumentKind, document_kind
from .services import EVERYTHING, Coverage


def get_document_for_user(request: HttpRequest, pk: int) -> Document:
    """A document of the current centre (else 404) that the kind's policy lets this person read
    (else 403)."""
    document = get_for_user(Document.objects.select_related("centre"), request, pk=pk)
    try:
        spec = document_kind(document.kind)
    except UnknownDocumentKind:
        raise Http404 from None
    if not spec.may_read(request, document):
        raise PermissionDenied
    return document


def document_find(*, centre: Centre, kind: str, coverage: Coverage = EVERYTHING) -> Document | None:
    """The document of this kind and coverage for a centre, if one was ever asked for."""
    return Document.objects.filter(
        centre=centre, kind=kind, coverage=coverage.fields()["coverage"]
    ).first()
