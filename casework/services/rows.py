"""Shapes shared by the writes to rows of her record."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import User

from ..models import Goal, ReferralOut


def status_update(
    row: Goal | ReferralOut,
    *,
    status: str,
    by: User,
    action: str,
    **values: Any,
) -> None:
    """Set a row's status (one of its model's) with any `values` that go with it, and log the
    change against her."""
    if status not in type(row).Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    type(row)._default_manager.filter(pk=row.pk).update(status=status, **values)
    audit_log(actor=by, action=action, obj=row.woman, woman_id=row.woman.pk)
