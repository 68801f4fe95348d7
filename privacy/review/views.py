from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from centre.access import roles_required
from centre.roles import MANAGER_ONLY


@roles_required(MANAGER_ONLY)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")
