"""The record as a PDF, and the subject access download for the manager."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.roles import CASEWORK_ROLES, MANAGER_ONLY

from ..documents import reader_for, summary_pdf
from ..export import woman_export_bundle
from ._common import audit_woman, full_record, post_after_fetch


@roles_required(CASEWORK_ROLES)
@require_GET
@full_record
def woman_pdf(request, woman):
    """Her record summary as this person sees it, made for this download and never stored.
    Logged against her with the grounds the person had (audit_woman), not the platform's plain
    download event, so "who looked" shows why."""
    document, pdf = summary_pdf(woman, reader=reader_for(request, woman))
    audit_woman(request, woman, "casework.woman.pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, document.kind_spec.filename(document)
    )
    response["Cache-Control"] = "no-store"
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
