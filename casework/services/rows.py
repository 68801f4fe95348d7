"""Shapes shared by the writes to rows of her record."""

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import User

from ..models import Goal, ReferralOut, Woman

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def record_add(*, woman: Woman, model: type[M], data: dict[str, Any], by: User, action: str) -> M:
    """Add a row to her record (a goal, an action, an alert, a justice order, a court date, a
    consent...), checked against its model and logged against her as `action`."""
    obj = model(woman=woman, **data)
    if hasattr(obj, "centre_id") and not obj.centre_id:
        obj.centre_id = woman.centre_id
    obj.full_clean()
    obj.save()
    audit_log(actor=by, action=action, obj=woman, woman_id=woman.pk)
    return obj


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
