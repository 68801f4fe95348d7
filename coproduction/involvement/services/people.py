"""Opportunities and people."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Facilitator
from casework.models import Woman
from centre.audit import audit_log
from centre.models import Centre, Membership, User
from centre.roles import VOLUNTEERS

from ..models import (
    SHIFT_ROLE,
    Helper,
    InvolvementStep,
    Opportunity,
    Placement,
    PlacementChange,
    Shift,
    Step,
)
from ._rules import MOVES, Status, _not_future
from .rotas import _withdraw_reminder


@transaction.atomic
def opportunity_save(
    *, centre: Centre, data: dict[str, Any], opportunity: Opportunity | None = None
) -> Opportunity:
    """Create or change a role the centre offers."""
    opportunity = opportunity or Opportunity(centre=centre)
    for name, value in data.items():
        setattr(opportunity, name, value)
    opportunity.full_clean()
    opportunity.save()
    return opportunity


def _helper_for_woman(woman: Woman) -> Helper:
    helper, _created = Helper.objects.get_or_create(centre=woman.centre, woman=woman)
    return helper


@transaction.atomic
def interest_record(
    *,
    centre: Centre,
    opportunity: Opportunity,
    source: str,
    by: User | None,
    woman: Woman | None = None,
    name: str = "",
    contact: str = "",
    note: str = "",
) -> Placement:
    """Record that a woman (by her record) or someone by name would like to take this role.
    A woman who stepped down and asks again comes back; asking twice changes nothing."""
    if opportunity.centre_id != centre.pk or (woman is not None and woman.centre_id != centre.pk):
        raise ValidationError(_("That is not one of this centre's."))
    if woman is not None:
        helper = _helper_for_woman(woman)
    else:
        if not name.strip():
            raise ValidationError({"name": _("Give her name.")})
        helper = Helper(centre=centre, name=name.strip(), contact=contact.strip())
        helper.full_clean()
        helper.save()
    placement = Placement.objects.filter(helper=helper, opportunity=opportunity).first()
    if placement is not None:
        if placement.status == Status.STEPPED_DOWN:
            return placement_move(
                placement=placement, to_status=Status.INTERESTED, by=by, note=note
            )
        return placement
    placement = Placement(
        centre=centre,
        helper=helper,
        opportunity=opportunity,
        source=source,
        note=note.strip(),
        status_since=timezone.localdate(),
        created_by=by,
    )
    placement.full_clean()
    placement.save()
    PlacementChange.objects.create(
        placement=placement,
        to_status=Status.INTERESTED,
        changed_on=placement.status_since,
        changed_by=by,
    )
    if woman is not None:
        step_record(
            woman=woman,
            step=Step.HELPING,
            taken_on=placement.status_since,
            by=by,
            note=str(opportunity),
            once=True,
        )
    audit_log(actor=by, action="involvement.interest.record", centre=centre, obj=placement)
    return placement


@transaction.atomic
def placement_move(
    *,
    placement: Placement,
    to_status: str,
    by: User | None,
    note: str = "",
    disclosure_check_on: date | None = None,
    on: date | None = None,
) -> Placement:
    """Move her along the pathway. Taking a back seat asks no reason (none is kept); leaving
    the active role ends what the role opened, in the same transaction."""
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("opportunity", "helper")
        .get(pk=placement.pk)
    )
    if to_status not in MOVES[placement.status]:
        raise ValidationError(
            {
                "to_status": _("She cannot move from “%(from)s” to “%(to)s”.")
                % {"from": placement.get_status_display(), "to": Status(to_status).label}
            }
        )
    on = on or timezone.localdate()
    if disclosure_check_on is not None:
        _not_future("disclosure_check_on", disclosure_check_on)
        placement.disclosure_check_on = disclosure_check_on
    if (
        to_status == Status.ACTIVE
        and placement.opportunity.needs_disclosure_check
        and not placement.disclosure_check_on
    ):
        raise ValidationError(
            {
                "disclosure_check_on": _(
                    "This role needs a disclosure check: give the date it was done."
                )
            }
        )
    note = "" if to_status == Status.BACK_SEAT else note.strip()
    was_active = placement.status == Status.ACTIVE
    PlacementChange.objects.create(
        placement=placement,
        from_status=placement.status,
        to_status=to_status,
        changed_on=on,
        changed_by=by,
        note=note,
    )
    placement.status, placement.status_since = to_status, on
    placement.save(update_fields=["status", "status_since", "disclosure_check_on"])
    if was_active and to_status != Status.ACTIVE:
        _end_role_access(placement)
    woman = placement.helper.woman
    if to_status == Status.ACTIVE and woman is not None:
        step_record(
            woman=woman,
            step=placement.opportunity.step,
            taken_on=on,
            by=by,
            note=str(placement.opportunity),
            once=True,
        )
    audit_log(actor=by, action="involvement.placement.move", centre=placement.centre, obj=placement)
    return placement


def _end_role_access(placement: Placement) -> None:
    """What the role opened closes now: register access her shifts gave her, and her future
    shifts in that role go back on the rota for cover (their reminders withdrawn)."""
    role = placement.opportunity.role
    kinds = [kind for kind, shift_role in SHIFT_ROLE.items() if shift_role == role]
    if not kinds:
        return
    helper = placement.helper
    if Placement.objects.filter(
        helper=helper, opportunity__role=role, status=Status.ACTIVE
    ).exists():
        return  # she still holds the role through another opportunity
    shifts = Shift.objects.filter(helper=helper, kind__in=kinds)
    Facilitator.objects.filter(
        pk__in=shifts.values("facilitator_id"), ended_on__isnull=True
    ).update(ended_on=timezone.localdate())
    future = list(shifts.filter(starts_at__gt=timezone.now(), status=Shift.Status.ON))
    for shift in future:
        _withdraw_reminder(shift)
    Shift.objects.filter(pk__in=[s.pk for s in future]).update(
        helper=None, facilitator=None, swap_asked_at=timezone.now()
    )


@transaction.atomic
def helper_link_account(*, helper: Helper, user: User | None, by: User) -> Helper:
    """Link (or unlink) the volunteer account she signs in with."""
    if user is not None:
        is_volunteer = Membership.objects.filter(
            user=user, centre_id=helper.centre_id, role__in=VOLUNTEERS, is_active=True
        ).exists()
        if not is_volunteer:
            raise ValidationError({"user": _("Choose a volunteer account of this centre.")})
        if (
            Helper.objects.filter(centre_id=helper.centre_id, user=user)
            .exclude(pk=helper.pk)
            .exists()
        ):
            raise ValidationError({"user": _("That account already belongs to someone else here.")})
    helper.user = user
    helper.save(update_fields=["user"])
    audit_log(actor=by, action="involvement.helper.account", centre=helper.centre, obj=helper)
    return helper


@transaction.atomic
def step_record(
    *, woman: Woman, step: str, taken_on: date, by: User | None, note: str = "", once: bool = False
) -> InvolvementStep:
    """Record a step she took on the continuum. With `once`, the same step on the same day is
    recorded once."""
    _not_future("taken_on", taken_on)
    if once:
        existing = InvolvementStep.objects.filter(woman=woman, step=step, taken_on=taken_on).first()
        if existing is not None:
            return existing
    entry = InvolvementStep(
        centre=woman.centre,
        woman=woman,
        step=step,
        taken_on=taken_on,
        note=note.strip()[:500],
        recorded_by=by,
    )
    entry.full_clean()
    entry.save()
    return entry
