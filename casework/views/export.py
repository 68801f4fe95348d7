"""The record as a PDF, and the subject access download for the manager."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.roles import CASEWORK_ROLES, MANAGER_ONLY

from .. import selectors
from ..access import record_access
from ..export import woman_export_bundle, woman_summary_pdf
from ._common import audit_woman, full_record, post_after_fetch


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record
def woman_pdf(request, woman):
    audit_woman(request, woman, "casework.woman.pdf")
    response = HttpResponse(
        woman_summary_pdf(
            woman,
            record=record_access(request, woman),
            alerts=selectors.visible_alerts(request, woman, active_only=False),
            contacts_filter=selectors.restricted_visible(request, woman),
        ),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="record-{woman.pk}.pdf"'
    return response


@roles_required(MANAGER_ONLY)
@full_record
@post_after_fetch
def woman_export(request, woman):
    """Subject access: everything held about her (manager only)."""
    bundle = woman_export_bundle(woman=woman, by=request.user)
    response = HttpResponse(bundle, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{woman.pk}.zip"'
    return response
