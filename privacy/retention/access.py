"""Who may see and change the retention schedule and legal holds: the manager only (steering,
the tablet and everyone else never). Views keep `@roles_required(MANAGER_ONLY)` for the URL x
role matrix; objects are found only in the manager's own centre (another centre's is a 404)."""

from django.db.models import QuerySet
from django.http import HttpRequest

from casework.models import Woman
from centre.access import capability, role_in, scope_to_centre
from centre.roles import MANAGER_ONLY

from .models import LegalHold

MANAGERS = MANAGER_ONLY


@capability("manage_retention")
def _manage_retention(request: HttpRequest) -> bool:
    """See the schedule and the dry run, change periods, place and lift legal holds."""
    return role_in(request, MANAGERS)


def holds_here(request: HttpRequest) -> QuerySet[LegalHold]:
    return scope_to_centre(LegalHold.objects.select_related("woman", "placed_by"), request)


def women_here(request: HttpRequest) -> QuerySet[Woman]:
    """Women whose records can be held: not those already anonymised."""
    return scope_to_centre(Woman.objects.filter(anonymised_at__isnull=True), request)
