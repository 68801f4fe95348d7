"""Reads of women's records with allocation-based visibility applied."""

from centre.access import scope_to_centre
from centre.roles import Role

from .models import OPEN_STAGES, Woman


def caseload_for_user(request):
    """The open cases this worker holds as key worker (all open cases for the manager)."""
    women = scope_to_centre(Woman.objects.all(), request).filter(stage__in=OPEN_STAGES)
    if request.membership.role != Role.MANAGER:
        women = women.filter(key_worker=request.user)
    return women.select_related("key_worker").order_by("first_name", "last_name")
