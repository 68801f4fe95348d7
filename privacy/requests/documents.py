"""The readable half of the subject access bundle as a platform document kind: every section
the registry knows, her rows in plain words, and who read her record. Built for one request
(the request page's "Build the bundle"), kept in private storage for the manager to download
(audited against her record), and deleted with her data when she is erased. The command builds
it on an unsaved document, covering her record, and stores nothing."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre.access import can
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register

from .bundle import everything_held
from .models import DataRequest

EVERYTHING_HELD = "woman_everything_held"


def document_woman(document: Document) -> Woman:
    """Her record, from a document covering one of her requests or her record itself."""
    model = document.content_type.model_class() if document.content_type else None
    if model is DataRequest:
        return (
            DataRequest.objects.select_related("woman")
            .get(pk=document.object_id, centre=document.centre)
            .woman
        )
    if model is Woman:
        return Woman.objects.get(pk=document.object_id, centre=document.centre)
    raise Woman.DoesNotExist("This document covers no woman's record.")


def _context(document: Document) -> dict[str, Any]:
    return everything_held(document_woman(document))


def _summary(context: dict[str, Any]) -> dict[str, Any]:
    """Counts only, for the request page: never content."""
    return {"rows": sum(section.count for section in context["sections"])}


def may_read_bundle(request: HttpRequest, document: Document) -> bool:
    """Only the manager handles data protection requests."""
    return can(request, "handle_data_requests")


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=EVERYTHING_HELD,
            label=_("everything held about her"),
            template="privacy_requests/pdf/everything_held.html",
            context=_context,
            filename=lambda document: f"everything-held-{document_woman(document).pk}.pdf",
            may_read=may_read_bundle,
            queue="reports",
            summary=_summary,
            audit_action="privacy.bundle.download",
            audit_object=document_woman,
        )
    )
