"""Expenses."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.documents.models import private_storage
from centre.models import User
from centre.versioning import EditConflict, versioned_update

from ..models import (
    Expense,
    Helper,
)
from ._rules import _not_future


def _store_receipt(upload: UploadedFile) -> str:
    return private_storage().save(f"involvement/receipts/{upload.name}", upload)


@transaction.atomic
def expense_claim(
    *,
    helper: Helper,
    by: User,
    kind: str,
    spent_on: date,
    amount: Decimal,
    description: str,
    receipt: UploadedFile | None = None,
) -> Expense:
    """Claim a cost of helping; it waits for the manager's approval."""
    _not_future("spent_on", spent_on)
    expense = Expense(
        centre_id=helper.centre_id,
        helper=helper,
        kind=kind,
        spent_on=spent_on,
        amount=amount,
        description=description.strip(),
        claimed_by=by,
    )
    if receipt:
        expense.receipt = receipt
    expense.full_clean()
    expense.save()
    audit_log(actor=by, action="involvement.expense.claim", centre=helper.centre, obj=expense)
    return expense


EXPENSE_FIELDS = ["kind", "spent_on", "amount", "description"]


@transaction.atomic
def expense_update(
    *, expense: Expense, expected_version: int, data: dict[str, Any], by: User
) -> Expense:
    """Change a claim while it waits for approval. Two people saving at once: the second is
    told, and nothing is overwritten."""
    if expense.status != Expense.Status.CLAIMED:
        raise ValidationError(_("This claim has been decided and can no longer be changed."))
    values = {name: data[name] for name in EXPENSE_FIELDS if name in data}
    _not_future("spent_on", values.get("spent_on"))
    candidate = Expense(
        **{**{f: getattr(expense, f) for f in EXPENSE_FIELDS}, **values},
        centre_id=expense.centre_id,
    )
    candidate.full_clean(exclude=["centre", "receipt", "helper", "status"])
    if data.get("receipt"):
        values["receipt"] = _store_receipt(data["receipt"])
    updated = versioned_update(
        Expense, pk=expense.pk, expected_version=expected_version, values=values
    )
    audit_log(actor=by, action="involvement.expense.change", centre=expense.centre, obj=updated)
    return updated


def _decide(
    expense: Expense, expected_version: int, from_status: str, values: dict[str, Any]
) -> Expense:
    current = Expense.objects.get(pk=expense.pk)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(current)  # someone decided or changed it since she opened the list
    if current.status != from_status:
        raise ValidationError(_("This claim has already been dealt with."))
    return versioned_update(
        Expense, pk=expense.pk, expected_version=expected_version, values=values
    )


@transaction.atomic
def expense_approve(*, expense: Expense, by: User, expected_version: int) -> Expense:
    """The manager approves a claim (once: a second approval is refused)."""
    done = _decide(
        expense,
        expected_version,
        Expense.Status.CLAIMED,
        {"status": Expense.Status.APPROVED, "decided_by": by, "decided_at": timezone.now()},
    )
    audit_log(actor=by, action="involvement.expense.approve", centre=expense.centre, obj=done)
    return done


@transaction.atomic
def expense_reject(*, expense: Expense, by: User, expected_version: int, reason: str) -> Expense:
    """The manager does not approve a claim, and says why."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so she knows.")})
    done = _decide(
        expense,
        expected_version,
        Expense.Status.CLAIMED,
        {
            "status": Expense.Status.REJECTED,
            "decided_by": by,
            "decided_at": timezone.now(),
            "decision_note": reason.strip()[:300],
        },
    )
    audit_log(actor=by, action="involvement.expense.reject", centre=expense.centre, obj=done)
    return done


@transaction.atomic
def expense_mark_paid(
    *, expense: Expense, by: User, expected_version: int, paid_on: date | None = None
) -> Expense:
    """Mark an approved claim paid (once)."""
    paid_on = paid_on or timezone.localdate()
    _not_future("paid_on", paid_on)
    done = _decide(
        expense,
        expected_version,
        Expense.Status.APPROVED,
        {"status": Expense.Status.PAID, "paid_on": paid_on, "paid_by": by},
    )
    audit_log(actor=by, action="involvement.expense.pay", centre=expense.centre, obj=done)
    return done
