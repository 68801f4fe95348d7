"""Reads for the tablets management pages, scoped to the manager's centre."""

from django.db.models import QuerySet

from centre.access import get_for_user, scope_to_centre
from centre.requests import CentreRequest

from .models import Tablet


def tablets_for_centre(request: CentreRequest) -> QuerySet[Tablet]:
    return scope_to_centre(Tablet.objects.all(), request).order_by("revoked_at", "name", "id")


def get_tablet_for_user(request: CentreRequest, pk: int) -> Tablet:
    """One of this centre's tablets, or a 404."""
    return get_for_user(Tablet.objects.all(), request, pk=pk)
