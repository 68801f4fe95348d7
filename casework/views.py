from django.shortcuts import render
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.roles import CASEWORK_ROLES

from . import selectors


@roles_required(CASEWORK_ROLES)
@require_GET
def caseload(request):
    women = selectors.caseload_for_user(request)[:200]
    return render(request, "casework/caseload.html", {"women": women})
