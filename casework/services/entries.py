"""Rows added to her record: justice orders, court dates, consent, alerts, move-on plan and
referrals out."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import User

from ..models import (
    Alert,
    Consent,
    MoveOnPlan,
    ReferralOut,
    Woman,
)
from .rows import record_add, status_update
from .staff import tell_managers_access_changed


@transaction.atomic
def consent_record(*, woman: Woman, data: dict[str, Any], by: User) -> Consent:
    """Record her decision about sharing with one agency. It changes what that agency's workers
    see of her record, so the managers are told, like any change to who sees it."""
    consent = record_add(
        woman=woman,
        model=Consent,
        data={**data, "recorded_by": by},
        by=by,
        action="casework.consent.create",
    )
    tell_managers_access_changed(
        woman=woman,
        worker=consent.agency,
        change="agreed" if consent.agreed else "refused",
        by=by,
    )
    return consent


@transaction.atomic
def alert_add(
    *, woman: Woman, kind: str, detail: str, other_woman: Woman | None = None, by: User
) -> Alert:
    if kind == Alert.Kind.NOT_WITH:
        if other_woman is None:
            raise ValidationError({"other_woman": _("Choose the other woman.")})
        if other_woman.pk == woman.pk or other_woman.centre_id != woman.centre_id:
            raise ValidationError({"other_woman": _("Choose another woman at this centre.")})
    else:
        other_woman = None
    return record_add(
        woman=woman,
        model=Alert,
        data={"kind": kind, "detail": detail, "other_woman": other_woman, "created_by": by},
        by=by,
        action="casework.alert.create",
    )


@transaction.atomic
def alert_end(*, alert: Alert, by: User) -> None:
    """Safe to call twice."""
    Alert.objects.filter(pk=alert.pk, is_active=True).update(
        is_active=False, ended_at=timezone.now()
    )
    audit_log(actor=by, action="casework.alert.end", obj=alert.woman, woman_id=alert.woman.pk)


@transaction.atomic
def move_on_save(*, woman: Woman, data: dict[str, Any], by: User) -> MoveOnPlan:
    plan, _created = MoveOnPlan.objects.get_or_create(
        woman=woman, defaults={"plan": data.get("plan", "")}
    )
    for name, value in data.items():
        setattr(plan, name, value)
    plan.updated_at = timezone.now()
    plan.full_clean()
    plan.save()
    audit_log(actor=by, action="casework.move_on.edit", obj=woman, woman_id=woman.pk)
    return plan


@transaction.atomic
def referral_out_status_set(*, referral_out: ReferralOut, status: str, by: User) -> None:
    status_update(
        referral_out,
        status=status,
        by=by,
        action="casework.referral_out.edit",
        status_changed_on=timezone.localdate(),
    )
