"""Document kinds: each app registers the files it makes (in its own documents.py, when the
app is ready), so the platform builds, stores and serves them without importing any app."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.functional import Promise

if TYPE_CHECKING:
    from .models import Document


class UnknownDocumentKind(LookupError):
    pass


@dataclass(frozen=True)
class DocumentKind:
    name: str  # stored on each Document: never rename a kind that has rows
    label: str | Promise  # translated lazily
    template: str  # extends "print/base.html"
    context: "Callable[[Document], dict[str, Any]]"
    filename: "Callable[[Document], str]"
    may_read: "Callable[[HttpRequest, Document], bool]"  # the access policy decides
    queue: str = "reports"
    # What of the context to keep on the row (JSON), for a page to show without rebuilding.
    summary: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # "the 2026Q3 report": names one document in a sentence ("Download the 2026Q3 report").
    title: "Callable[[Document], str] | None" = None
    audit_action: str = "document.download"
    # Whose record a download is logged against (a woman's certificate: her); else the document.
    audit_object: "Callable[[Document], Any] | None" = None


_KINDS: dict[str, DocumentKind] = {}


def document_kind_register(kind: DocumentKind) -> DocumentKind:
    """Register a kind once; registering the same name again with another kind is a mistake."""
    existing = _KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise ValueError(f"Document kind {kind.name!r} is already registered")
    _KINDS[kind.name] = kind
    return kind


def document_kind(name: str) -> DocumentKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise UnknownDocumentKind(f"No document kind {name!r} is registered") from None


def document_kinds() -> dict[str, DocumentKind]:
    return dict(_KINDS)
