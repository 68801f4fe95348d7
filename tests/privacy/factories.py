"""Data protection requests for tests."""

import datetime

from privacy.requests.models import DataRequest


def new_data_request(woman, kind=DataRequest.Kind.ACCESS, received_on=None, **fields):
    """A request about `woman`, received today unless `received_on` says otherwise."""
    return DataRequest.objects.create(
        centre=woman.centre,
        woman=woman,
        kind=kind,
        received_on=received_on or datetime.date.today(),
        **fields,
    )


def proposed_erasure(woman, proposed_by, **fields):
    """An erasure request about `woman` that `proposed_by` has put to a second manager."""
    return new_data_request(
        woman,
        kind=DataRequest.Kind.ERASURE,
        status=DataRequest.Status.PROPOSED,
        proposed_by=proposed_by,
        **fields,
    )
