"""The "you said, we did" poster as a platform document kind (registered when the app is
ready). The quarterly report registers its own, in coproduction/reports/documents.py."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.access import can
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register

from .selectors import POSTER, you_said_we_did_items

POSTER_ITEMS = 8


def may_read_poster(request: HttpRequest, document: Document) -> bool:
    """Every member of the centre may take the poster: it holds only approved public wording."""
    return can(request, "read_poster")


def _context(document: Document) -> dict[str, Any]:
    items = list(you_said_we_did_items(document.centre, limit=POSTER_ITEMS))
    return {"items": items, "made_on": timezone.localdate()}


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=POSTER,
            label=_("the poster"),
            template="suggestions/poster_pdf.html",
            context=_context,
            filename=lambda document: f"you-said-we-did-{document.centre.slug}.pdf",
            may_read=may_read_poster,
            summary=lambda context: {"items": len(context["items"])},
            audit_action="coproduction.poster.download",
        )
    )
