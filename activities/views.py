from django.shortcuts import render
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.roles import VOLUNTEER_AND_STAFF


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def index(request):
    return render(request, "activities/index.html")
