"""The rules every getting-involved service shares: where a placement may move, how long before a shift its reminder goes, and no dates in the future."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Placement,
)

Status = Placement.Status
# Where she may go from each status. She can step down from anywhere and always come back.
MOVES: dict[str, set[str]] = {
    Status.INTERESTED: {Status.CHECKS, Status.TRAINING, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.CHECKS: {Status.TRAINING, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.TRAINING: {Status.CHECKS, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.ACTIVE: {Status.BACK_SEAT, Status.STEPPED_DOWN, Status.TRAINING},
    Status.BACK_SEAT: {Status.ACTIVE, Status.STEPPED_DOWN},
    Status.STEPPED_DOWN: {Status.INTERESTED, Status.TRAINING, Status.ACTIVE},
}
REMINDER_LEAD = timedelta(hours=24)


def _not_future(field: str, day: date | None) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
