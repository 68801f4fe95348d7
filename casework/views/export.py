"""The record as a PDF. (Subject access is on the data protection requests pages.)"""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.roles import CASEWORK_ROLES

from ..documents import reader_for, summary_pdf
from ._common import audit_woman, full_record


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
