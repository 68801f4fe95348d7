"""Rotas."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Facilitator, Session
from casework.services import reminder_channel
from centre.audit import audit_log
from centre.messaging import EMAIL, SMS, absolute_url, message_queue
from centre.models import Centre, User
from centre.outbox import outbox_message_cancel

from ..messages import SHIFT_REMINDER, SHIFT_REMINDER_PURPOSE
from ..models import (
    Helper,
    Placement,
    Shift,
)
from ._rules import REMINDER_LEAD, Status


def _holds_role(helper: Helper, role: str) -> bool:
    return Placement.objects.filter(
        helper=helper, opportunity__role=role, status=Status.ACTIVE
    ).exists()


def _register_access(shift: Shift) -> Facilitator | None:
    """A co-facilitation shift on a session lets her take that activity's register (activities'
    own volunteer rule), for as long as she holds the role."""
    if (
        shift.kind != Shift.Kind.CO_FACILITATION
        or shift.session is None
        or shift.helper is None
        or shift.helper.user_id is None
    ):
        return None
    activity_id = shift.session.activity_id
    facilitator = Facilitator.objects.filter(
        activity_id=activity_id,
        user_id=shift.helper.user_id,
        kind=Facilitator.Kind.VOLUNTEER,
        ended_on__isnull=True,
    ).first()
    if facilitator is None:
        facilitator = Facilitator(
            activity_id=activity_id, user_id=shift.helper.user_id, kind=Facilitator.Kind.VOLUNTEER
        )
        facilitator.full_clean()
        facilitator.save()
    return facilitator


def _check_helper(shift: Shift, helper: Helper | None) -> None:
    if helper is None:
        return
    if helper.centre_id != shift.centre_id or not _holds_role(helper, shift.role):
        raise ValidationError(
            {"helper": _("She needs to be active in this role to go on its rota.")}
        )


@transaction.atomic
def shift_create(
    *,
    centre: Centre,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    session: Session | None = None,
    helper: Helper | None = None,
) -> Shift:
    """Put a slot on a rota, with or without someone in it."""
    if session is not None and session.centre_id != centre.pk:
        raise ValidationError({"session": _("Choose one of this centre's sessions.")})
    shift = Shift(
        centre=centre,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        session=session,
        helper=helper,
    )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The shift must end after it starts.")})
    shift.full_clean()
    _check_helper(shift, helper)
    shift.save()
    if helper is not None:
        shift.facilitator = _register_access(shift)
        shift.save(update_fields=["facilitator"])
    return shift


def _reminder_reference(shift: Shift, helper_id: int | None) -> str:
    return f"shift:{shift.pk}:{helper_id}:{shift.starts_at:%Y%m%dT%H%M%z}"


def _withdraw_reminder(shift: Shift) -> None:
    outbox_message_cancel(
        purpose=SHIFT_REMINDER_PURPOSE, reference=_reminder_reference(shift, shift.helper_id)
    )


def _hand_over(shift: Shift, helper: Helper | None) -> None:
    """Put her (or nobody) on a locked shift: the reminder of whoever was on it is withdrawn, a
    swap asked for is settled, and the register access goes with the shift to her."""
    _check_helper(shift, helper)
    _withdraw_reminder(shift)
    shift.helper, shift.swap_asked_at = helper, None
    shift.facilitator = _register_access(shift)
    shift.save(update_fields=["helper", "swap_asked_at", "facilitator"])


@transaction.atomic
def shift_assign(*, shift: Shift, helper: Helper | None, by: User) -> Shift:
    """Staff put someone on a shift (or take her off); her reminder follows her."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    _hand_over(shift, helper)
    audit_log(actor=by, action="involvement.shift.assign", centre=shift.centre, obj=shift)
    return shift


@transaction.atomic
def shift_swap_ask(*, shift: Shift, helper: Helper) -> Shift:
    """She can't make it: the shift shows as needing cover to others in her role. She stays on
    it (and keeps her reminder) until someone takes it."""
    updated = Shift.objects.filter(
        pk=shift.pk, helper=helper, status=Shift.Status.ON, starts_at__gt=timezone.now()
    ).update(swap_asked_at=timezone.now())
    if not updated:
        raise ValidationError(_("This shift cannot be swapped now."))
    return Shift.objects.get(pk=shift.pk)


@transaction.atomic
def shift_take(*, shift: Shift, helper: Helper) -> Shift:
    """Take a shift someone asked to swap. Two people taking it at once: the first one gets it."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if (
        shift.swap_asked_at is None
        or shift.status != Shift.Status.ON
        or shift.starts_at <= timezone.now()
        or shift.helper_id == helper.pk
    ):
        raise ValidationError(_("Someone has already taken this shift."))
    _hand_over(shift, helper)
    audit_log(actor=helper.user, action="involvement.shift.take", centre=shift.centre, obj=shift)
    return shift


@transaction.atomic
def shift_cancel(*, shift: Shift, by: User) -> Shift:
    """Cancel a shift; its reminder is withdrawn."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    _withdraw_reminder(shift)
    shift.status = Shift.Status.CANCELLED
    shift.save(update_fields=["status"])
    return shift


def shift_reminders_queue(*, now: datetime | None = None) -> int:
    """Queue the day-before reminder for each shift starting in the next day. Safe to run
    twice, or twice at once: the outbox key (reference names the shift, the person and the
    start) gives one row, and the outbox sends each row once."""
    now = now or timezone.now()
    due = Shift.objects.filter(
        status=Shift.Status.ON,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_LEAD,
        helper__isnull=False,
    ).values_list("pk", flat=True)
    return sum(_queue_reminder(pk) for pk in due)


@transaction.atomic
def _queue_reminder(shift_id: int) -> int:
    # Locked and re-read: a swap or cancellation committed first is always seen.
    shift = (
        Shift.objects.select_for_update(of=("self",))
        .select_related("helper__user", "helper__woman")
        .get(pk=shift_id)
    )
    helper = shift.helper
    if shift.status != Shift.Status.ON or helper is None:
        return 0
    reach = _reminder_channel(helper)
    if reach is None:
        return 0
    channel, recipient = reach
    woman = helper.woman
    first_name = woman.known_as if woman is not None else helper.name.split(" ")[0]
    _message, created = message_queue(
        kind=SHIFT_REMINDER.name,
        channel=channel,
        recipient=recipient,
        context={
            "first_name": first_name,
            "starts_at": timezone.localtime(shift.starts_at),
            "link": absolute_url(reverse("involvement:mine")),
        },
        reference=_reminder_reference(shift, helper.pk),
        centre=shift.centre,
        send_at=shift.starts_at - REMINDER_LEAD,
    )
    return int(created)


def _reminder_channel(helper: Helper) -> tuple[str, str] | None:
    """Her volunteer account's email (the address she gave for volunteering, which already gets
    the account's own mail); without one, a woman the centre supports gets a text only by her
    own rule for reminders (casework's reminder_channel: asked for, and a text is safe)."""
    if helper.user is not None and helper.user.email:
        return EMAIL, helper.user.email
    if helper.woman is None:
        return None
    return reminder_channel(helper.woman, channels=(SMS,))
