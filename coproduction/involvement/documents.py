"""Getting involved's generated files as platform document kinds (registered when the app is
ready): her certificate of thanks and the involvement history she can print for a CV. Both are
made for each download and never stored, as they name her."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register

from . import access, selectors
from .models import Helper, Placement

CERTIFICATE = "involvement_certificate"
HISTORY = "involvement_history"
# The changes in a role her history lists by date (not interest, checks or a back seat).
HISTORY_STATUSES = (
    Placement.Status.TRAINING,
    Placement.Status.ACTIVE,
    Placement.Status.STEPPED_DOWN,
)


def _helper(document: Document) -> Helper:
    return Helper.objects.select_related("woman").get(pk=document.object_id, centre=document.centre)


def _certificate_context(document: Document) -> dict[str, Any]:
    helper = _helper(document)
    roles = [
        p
        for p in helper.placements.select_related("opportunity")
        if p.status
        in (Placement.Status.ACTIVE, Placement.Status.BACK_SEAT, Placement.Status.STEPPED_DOWN)
    ]
    return {
        "helper": helper,
        "roles": roles,
        "hours": selectors.hours_of(helper),
        "today": timezone.localdate(),
        "centre": document.centre,
    }


def _history_context(document: Document) -> dict[str, Any]:
    """Her history in date order, oldest first, like the steps she took (for a CV)."""
    context = selectors.helper_context(_helper(document))
    roles = [
        {
            "placement": placement,
            "changes": [c for c in placement.changes.all() if c.to_status in HISTORY_STATUSES],
        }
        for placement in context["placements"]
    ]
    return {
        **context,
        "roles": roles,
        "training": sorted(context["training"], key=lambda t: (t.completed_on, t.pk)),
        "today": timezone.localdate(),
        "centre": document.centre,
    }


def may_read(request: HttpRequest, document: Document) -> bool:
    """Staff who run involvement, or she herself."""
    helper = Helper.objects.filter(pk=document.object_id, centre=document.centre).first()
    return helper is not None and access.may_read_helper_papers(request, helper)


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=CERTIFICATE,
            label=_("the certificate"),
            template="involvement/pdf/certificate.html",
            context=_certificate_context,
            filename=lambda document: f"certificate-{document.object_id}.pdf",
            may_read=may_read,
            audit_action="involvement.certificate.download",
            audit_object=_helper,
        )
    )
    document_kind_register(
        DocumentKind(
            name=HISTORY,
            label=_("the involvement history"),
            template="involvement/pdf/history.html",
            context=_history_context,
            filename=lambda document: f"involvement-history-{document.object_id}.pdf",
            may_read=may_read,
            audit_action="involvement.history.download",
            audit_object=_helper,
        )
    )
