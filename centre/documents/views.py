"""The one progress partial and the one audited download for every generated document."""

from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from centre.access import signed_in
from centre.audit import audit_request
from centre.requests import CentreRequest

from .models import Document
from .selectors import get_document_for_user
from .services import Coverage, document_render, document_unsaved


def document_download_response(request: HttpRequest, document: Document) -> HttpResponse:
    """Send the stored file as an attachment nobody keeps, and log who took it. The caller has
    already checked the document is this centre's and the kind's policy allows it."""
    name = document.file.name
    if not document.downloadable or not name or not document.file.storage.exists(name):
        raise Http404("This file has not been built yet.")
    with document.file.open("rb") as handle:
        return document_bytes_response(request, document, handle.read())


def document_bytes_response(request: HttpRequest, document: Document, pdf: bytes) -> HttpResponse:
    """Send a document's bytes (stored, or made for this request only and never stored, like a
    woman's certificate) as an attachment nobody keeps, logged against the kind's audit object."""
    spec = document.kind_spec
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, spec.filename(document))
    response["Cache-Control"] = "no-store"
    subject = spec.audit_object(document) if spec.audit_object else document
    audit_request(request, spec.audit_action, obj=subject)
    return response


def document_made_now_response(request: CentreRequest, kind: str, obj: Model) -> HttpResponse:
    """Make a kind's PDF of one object for this request only (never stored: a woman's
    certificate, a meeting's agenda) and send it as `document_bytes_response` does. The caller has
    already found the object among what this user may see."""
    document = document_unsaved(centre=request.centre, kind=kind, coverage=Coverage(obj=obj))
    pdf, _summary = document_render(document)
    return document_bytes_response(request, document, pdf)


@signed_in
@require_GET
def document_progress(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk)
    return render(request, "centre/documents/_progress.html", {"document": document})


@signed_in
@require_GET
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    return document_download_response(request, get_document_for_user(request, pk))
