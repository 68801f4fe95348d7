"""Referrals in: recording one, and accepting (opening her record) or declining it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import Centre, User

from ..models import (
    Referral,
)
from .record import woman_create
from .team import key_worker_allocate


@transaction.atomic
def referral_create(*, centre: Centre, data: dict[str, Any], by: User) -> Referral:
    referral = Referral(centre=centre, created_by=by, **data)
    if referral.referred_on and referral.referred_on > timezone.localdate():
        raise ValidationError({"referred_on": _("A referral cannot be dated in the future.")})
    referral.full_clean()
    referral.save()
    audit_log(actor=by, action="casework.referral.create", obj=referral)
    return referral


@transaction.atomic
def referral_decide(
    *, referral: Referral, decision: str, reason: str, by: User, key_worker: User | None = None
) -> Referral:
    """Accept (opening her record) or decline, always with a reason. Safe to call twice:
    a decided referral is not decided again."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.decision != Referral.Decision.PENDING:
        raise ValidationError(_("This referral has already been decided."))
    if decision not in (
        Referral.Decision.ACCEPTED,
        Referral.Decision.DECLINED,
        Referral.Decision.WITHDRAWN,
    ):
        raise ValidationError({"decision": _("Choose accept or not accept.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the decision.")})
    referral.decision = decision
    referral.decision_reason = reason
    referral.decided_by = by
    referral.decided_at = timezone.now()
    if decision == Referral.Decision.ACCEPTED:
        referral.woman = woman_create(
            centre=referral.centre,
            by=by,
            reason=_("Referral accepted"),
            first_name=referral.first_name,
            last_name=referral.last_name,
            date_of_birth=referral.date_of_birth,
            mobile=referral.mobile,
        )
        if key_worker is not None:
            key_worker_allocate(
                woman=referral.woman,
                worker=key_worker,
                reason=_("New referral"),
                handover_note="",
                by=by,
            )
    referral.offered_to = None
    referral.save(
        update_fields=[
            "decision",
            "decision_reason",
            "decided_by",
            "decided_at",
            "woman",
            "offered_to",
        ]
    )
    audit_log(actor=by, action="casework.referral.decide", obj=referral, woman_id=referral.woman_id)
    return referral


@transaction.atomic
def referral_offer(*, referral: Referral, key_worker: User, by: User) -> Referral:
    """Offer a waiting referral to a key worker to accept or decline. Safe to call twice."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.decision != Referral.Decision.PENDING:
        raise ValidationError(_("This referral has already been decided."))
    if referral.offered_to_id == key_worker.pk:
        return referral
    referral.offered_to = key_worker
    referral.offered_at = timezone.now()
    referral.offer_note = ""
    referral.save(update_fields=["offered_to", "offered_at", "offer_note"])
    audit_log(actor=by, action="casework.referral.offer", obj=referral)
    return referral


@transaction.atomic
def referral_offer_answer(*, referral: Referral, accept: bool, reason: str, by: User) -> Referral:
    """The key worker it was offered to accepts it (opening her record, with her as key worker)
    or declines it with a reason (back to whoever triages). Answering twice changes nothing."""
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    if locked.decision != Referral.Decision.PENDING or locked.offered_to_id != by.pk:
        raise ValidationError(_("This referral is no longer waiting for your answer."))
    if accept:
        return referral_decide(
            referral=locked,
            decision=Referral.Decision.ACCEPTED,
            reason=reason.strip() or _("Accepted by her key worker."),
            by=by,
            key_worker=by,
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you cannot take her on.")})
    locked.offered_to = None
    locked.offer_note = _("%(worker)s declined: %(reason)s") % {
        "worker": by.get_full_name() or by.username,
        "reason": reason.strip(),
    }
    locked.offer_note = locked.offer_note[:500]
    locked.save(update_fields=["offered_to", "offer_note"])
    audit_log(actor=by, action="casework.referral.decline", obj=locked)
    return locked
