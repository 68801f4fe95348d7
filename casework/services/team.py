"""Who works with her: key worker, involved workers, partner agency links, break the glass."""

import unicodedata
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.messaging import absolute_url
from centre.models import Centre, Membership, User
from centre.roles import Role

from ..access import Grounds, break_glass_ends_at, is_partner_membership
from ..messages import (
    BREAK_GLASS,
)
from ..models import (
    Agency,
    Allocation,
    BreakGlass,
    PartnerAgency,
    Woman,
)
from ..selectors.caseload import caseload_size
from .staff import email_staff, managers_of, tell_managers_access_changed


def _member(centre: Centre, user: User, roles: Iterable[str]) -> Membership | None:
    return Membership.objects.filter(
        centre=centre, user=user, is_active=True, role__in=roles
    ).first()


@transaction.atomic
def key_worker_allocate(
    *, woman: Woman, worker: User, reason: str, handover_note: str, by: User
) -> str:
    """Make `worker` her key worker. Returns the caseload warning text or "".
    A warning, not a block: the manager may knowingly go over the threshold."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why she is being allocated.")})
    if _member(woman.centre, worker, [Role.KEY_WORKER, Role.MANAGER]) is None:
        raise ValidationError({"worker": _("Choose a key worker at this centre.")})
    if woman.key_worker_id == worker.pk:
        raise ValidationError({"worker": _("She is already allocated to this key worker.")})
    now = timezone.now()
    Allocation.objects.filter(
        woman=woman, kind=Allocation.Kind.KEY_WORKER, ended_at__isnull=True
    ).update(ended_at=now)
    Allocation.objects.create(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.KEY_WORKER,
        reason=reason[:500],
        handover_note=handover_note,
        allocated_by=by,
        started_at=now,
    )
    Woman.objects.filter(pk=woman.pk).update(key_worker=worker)
    woman.key_worker = worker
    audit_log(actor=by, action="casework.woman.allocate", obj=woman, woman_id=woman.pk)
    tell_managers_access_changed(woman=woman, worker=worker, change="key_worker", by=by)
    size = caseload_size(woman.centre, worker)
    threshold = woman.centre.caseload_warning_threshold
    if size > threshold:
        return _("%(name)s now holds %(size)s open cases, over the centre's %(limit)s.") % {
            "name": worker,
            "size": size,
            "limit": threshold,
        }
    return ""


@transaction.atomic
def involved_worker_add(
    *, woman: Woman, worker: User, reason: str, by: User, agency: Agency | None = None
) -> Allocation:
    """Involve another worker (partner workers with their agency). Safe to call twice.

    `agency`: for a partner worker, the directory Agency whose sharing agreement with the
    woman applies to her (links her membership, see partner_agency_link)."""
    membership = _member(woman.centre, worker, [Role.KEY_WORKER, Role.PARTNER, Role.MANAGER])
    if membership is None:
        raise ValidationError({"worker": _("Choose a worker at this centre.")})
    if agency is not None:
        partner_agency_link(membership=membership, agency=agency, by=by)
    allocation, created = Allocation.objects.get_or_create(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.INVOLVED,
        ended_at__isnull=True,
        defaults={"reason": reason[:500], "agency": membership.agency, "allocated_by": by},
    )
    if created:
        audit_log(actor=by, action="casework.woman.involve", obj=woman, woman_id=woman.pk)
        tell_managers_access_changed(woman=woman, worker=worker, change="involved", by=by)
    return allocation


@transaction.atomic
def partner_agency_link(*, membership: Membership, agency: Agency, by: User) -> PartnerAgency:
    """Link a partner worker's membership to the directory agency she comes from, so the
    women's sharing agreements with that agency apply to her. Only the manager sets it.
    Safe to call twice; writes an audit event when the link changes."""
    if not is_partner_membership(membership):
        raise ValidationError({"agency": _("Only partner workers are linked to an agency.")})
    if agency.centre_id != membership.centre_id or agency.kind != Agency.Kind.PARTNER:
        raise ValidationError({"agency": _("Choose a partner agency in this centre's directory.")})
    if _member(membership.centre, by, [Role.MANAGER]) is None:
        raise ValidationError({"agency": _("Only the manager can link a worker to an agency.")})
    link, created = PartnerAgency.objects.get_or_create(
        membership=membership, defaults={"agency": agency, "set_by": by}
    )
    if not created and link.agency_id != agency.pk:
        link.agency, link.set_by, link.set_at = agency, by, timezone.now()
        link.save(update_fields=["agency", "set_by", "set_at"])
    elif not created:
        return link
    audit_log(
        actor=by,
        action="casework.partner_agency.link",
        centre=membership.centre,
        object_type="centre.membership",
        object_id=membership.pk,
    )
    return link


@transaction.atomic
def allocation_end(*, allocation: Allocation, by: User) -> None:
    """Stop an involved worker's access. Safe to call twice."""
    if allocation.kind != Allocation.Kind.INVOLVED:
        raise ValidationError(_("Reallocate the key worker instead."))
    ended = Allocation.objects.filter(pk=allocation.pk, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    if not ended:
        return
    audit_log(
        actor=by,
        action="casework.woman.uninvolve",
        obj=allocation.woman,
        woman_id=allocation.woman_id,
    )
    tell_managers_access_changed(
        woman=allocation.woman, worker=allocation.worker, change="ended", by=by
    )


def handover_mark_read(*, woman: Woman, worker: User) -> int:
    """The new key worker has read the handover note. Safe to call twice."""
    return Allocation.objects.filter(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.KEY_WORKER,
        ended_at__isnull=True,
        handover_read_at__isnull=True,
    ).update(handover_read_at=timezone.now())


@transaction.atomic
def break_glass_grant(*, woman: Woman, worker: User, reason: str) -> BreakGlass:
    """Read-only access to a record she is not allocated to, with her written reason, until
    the centre's end of the working day. Writes an audit event and tells the managers."""
    reason = readable_text(reason)
    if sum(ch.isalpha() for ch in reason) < 10:
        raise ValidationError(
            {"reason": _("Write why you need the record, in a sentence of real words.")}
        )
    now = timezone.now()
    grant = BreakGlass.objects.create(
        woman=woman,
        worker=worker,
        reason=reason[:500],
        granted_at=now,
        expires_at=break_glass_ends_at(woman.centre, now),
    )
    audit_log(
        actor=worker,
        action="casework.woman.break_glass",
        obj=woman,
        reason=reason,
        grounds=Grounds.BREAK_GLASS,
        woman_id=woman.pk,
    )
    link = absolute_url(reverse("casework:woman_viewers", args=[woman.pk]))
    until = timezone.localtime(grant.expires_at).strftime("%H:%M")
    for manager in managers_of(woman.centre):
        email_staff(
            user=manager,
            kind=BREAK_GLASS.name,
            reference=f"break_glass:{grant.pk}",
            context={"worker": str(worker), "until": until, "reason": reason, "link": link},
            centre=woman.centre,
        )
    return grant


def readable_text(text: str) -> str:
    """The text without invisible characters (zero-width spaces, joiners, byte-order marks,
    control characters) and with runs of spaces made one, so a reason must be real words."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Co"))
    return " ".join(visible.split())
