"""The printed newsletter as a platform document kind (registered when the app is ready): A4,
large type, with its photos; built in the background with progress, kept for the archive, and
built again when a piece is withdrawn or the issue is published."""

import base64
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register

from . import access, selectors
from .models import Contribution, Issue

ISSUE = selectors.ISSUE_DOCUMENT
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def _issue(document: Document) -> Issue:
    return Issue.objects.select_related("centre").get(pk=document.object_id, centre=document.centre)


def image_data_uri(piece: Contribution) -> str:
    """The piece's photo inside the PDF itself (the PDF fetches nothing from the disk)."""
    if not piece.image:
        return ""
    with piece.image.open("rb") as handle:
        data = handle.read()
    mime = "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _context(document: Document) -> dict[str, Any]:
    issue = _issue(document)
    pieces = selectors.piece_items(issue, image=image_data_uri)
    return {"issue": issue, "pieces": pieces, "sections": issue.sections}


def _summary(context: dict[str, Any]) -> dict[str, Any]:
    return {"pieces": len(context["pieces"])}


def may_read_issue(request: HttpRequest, document: Document) -> bool:
    """A published issue: anyone of the centre; an open one: those who may edit it."""
    issue = selectors.issues_for_user(request).filter(pk=document.object_id).first()
    if issue is None:
        return False
    return issue.is_published or access.may_edit_issue(request, issue)


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=ISSUE,
            label=_("the newsletter"),
            template="newsletter/pdf/issue.html",
            context=_context,
            summary=_summary,
            filename=lambda document: f"newsletter-{_issue(document).number}.pdf",
            title=lambda document: str(_("the printed newsletter")),
            may_read=may_read_issue,
            audit_action="newsletter.issue.download",
        )
    )
