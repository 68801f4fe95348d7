"""A volunteer's own page, and the certificate and history she (or staff) can print."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.documents.views import document_made_now_response
from centre.roles import VOLUNTEERS

from .. import access, selectors
from ..documents import CERTIFICATE, HISTORY
from ..models import Helper
from ._common import EVERYONE_HERE

# --- A volunteer's own pages ------------------------------------------------------------------


@roles_required(VOLUNTEERS)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "involvement/mine.html", selectors.volunteer_page(request))


def _papers(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    helper = Helper.objects.filter(pk=pk, centre=request.centre).first() if request.centre else None
    if helper is None or not access.may_read_helper_papers(request, helper):
        raise Http404
    return document_made_now_response(request, kind, helper)


@roles_required(EVERYONE_HERE)
@require_GET
def helper_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    return _papers(request, pk, CERTIFICATE)


@roles_required(EVERYONE_HERE)
@require_GET
def helper_history(request: HttpRequest, pk: int) -> HttpResponse:
    return _papers(request, pk, HISTORY)
