"""Reads for data protection requests: the list (overdue first), one request, and the counts
for the manager's home panel."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from centre.access import get_for_user, scope_to_centre
from centre.deadlines import overdue_q
from centre.requests import CentreRequest

from .models import DataRequest


def open_requests(request: CentreRequest) -> QuerySet[DataRequest]:
    return scope_to_centre(DataRequest.objects.all(), request).exclude(
        status=DataRequest.Status.DONE
    )


def request_list(request: CentreRequest) -> QuerySet[DataRequest]:
    """Every request of this centre: open ones first, overdue ones first among them."""
    return (
        scope_to_centre(DataRequest.objects.select_related("woman", "handled_by"), request)
        .annotate(
            overdue=Case(
                When(overdue_q("due_on") & ~_done(), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            finished=Case(
                When(_done(), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by("finished", "-overdue", "due_on", "pk")
    )


def _done() -> Q:
    return Q(status=DataRequest.Status.DONE)


def get_request(request: CentreRequest, pk: int) -> DataRequest:
    """One request of this centre, or a 404."""
    return get_for_user(
        DataRequest.objects.select_related("woman", "handled_by", "proposed_by", "approved_by"),
        request,
        pk=pk,
    )


@dataclass(frozen=True)
class DueCounts:
    overdue: int
    due_this_week: int


def due_counts(request: CentreRequest) -> DueCounts:
    today = timezone.localdate()
    counts = open_requests(request).aggregate(
        overdue=Count("pk", filter=overdue_q("due_on")),
        due_this_week=Count(
            "pk", filter=Q(due_on__gte=today, due_on__lte=today + timedelta(days=7))
        ),
    )
    return DueCounts(**counts)
