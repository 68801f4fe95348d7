"""Contacts and appointments, with her discreet reminders."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from centre import deadlines
from centre.audit import audit_log
from centre.messaging import message_queue
from centre.models import OutboxMessage, User
from centre.outbox import outbox_message_cancel

from ..messages import (
    APPOINTMENT_REMINDER,
    REMINDER_PURPOSE,
)
from ..models import (
    Action,
    Appointment,
    Contact,
    ContactChoices,
    Woman,
)

# After a missed appointment, the step to get back in touch is due within two working days.
RE_ENGAGE_WORKING_DAYS = 2


def contact_choices_remember(*, worker: User, contact: Contact) -> None:
    """Keep the worker's last type, format and length for her next contact. Safe to call twice."""
    ContactChoices.objects.update_or_create(
        worker=worker,
        defaults={
            "contact_type": contact.contact_type,
            "contact_format": contact.contact_format,
            "duration_minutes": contact.duration_minutes,
        },
    )


def contact_choices_last(*, worker: User) -> dict[str, Any]:
    """The worker's last choices as the contact form's initial values (empty the first time)."""
    choices = ContactChoices.objects.filter(worker=worker).first()
    if choices is None:
        return {}
    return {
        "contact_type": choices.contact_type,
        "contact_format": choices.contact_format,
        "duration_minutes": choices.duration_minutes,
    }


@transaction.atomic
def contact_log(
    *,
    woman: Woman,
    worker: User,
    data: dict[str, Any],
    follow_up: str = "",
    follow_up_due: date | None = None,
) -> Contact:
    """Log a contact. A successful contact moves her last-contact date forward (never back)."""
    contact = Contact(centre=woman.centre, woman=woman, worker=worker, **data)
    if contact.contact_on and contact.contact_on > timezone.localdate():
        raise ValidationError({"contact_on": _("A contact cannot be in the future.")})
    contact.full_clean()
    contact.save()
    contact_choices_remember(worker=worker, contact=contact)
    if contact.made:
        if contact.contact_on == timezone.localdate():
            moment = timezone.now()
        else:
            moment = timezone.make_aware(datetime.combine(contact.contact_on, time(12, 0)))
        Woman.objects.filter(pk=woman.pk).filter(_last_contact_before(moment)).update(
            last_contact_at=moment
        )
    if follow_up.strip():
        Action.objects.create(
            woman=woman,
            text=follow_up[:500],
            who=str(worker),
            owner=worker,
            due_on=follow_up_due,
            source=Action.Source.CONTACT,
            contact=contact,
        )
    audit_log(actor=worker, action="casework.contact.create", obj=woman, woman_id=woman.pk)
    return contact


def _last_contact_before(moment: datetime) -> Q:
    return Q(last_contact_at__isnull=True) | Q(last_contact_at__lt=moment)


TEXT_THEN_EMAIL = (OutboxMessage.Channel.SMS, OutboxMessage.Channel.EMAIL)


def reminder_channel(
    woman: Woman, *, channels: Sequence[str] = TEXT_THEN_EMAIL
) -> tuple[str, str] | None:
    """The one rule for reminding a woman (appointments, sessions, meetings, rota shifts):
    only if she asked for reminders and her record is not anonymised, and only by a channel she
    said is safe, tried in the order given (a text first). (channel, address), or None when
    there is none: never guess."""
    if woman.anonymised_at is not None or not woman.reminders_opt_in:
        return None
    for channel in channels:
        if channel == OutboxMessage.Channel.SMS and woman.safe_to_text and woman.mobile.strip():
            return channel, woman.mobile.strip()
        if channel == OutboxMessage.Channel.EMAIL and woman.safe_to_email and woman.email:
            return channel, woman.email
    return None


def appointment_reminders_queue(*, appointment: Appointment) -> OutboxMessage | None:
    """Queue her discreet reminder the day before (or now, if that has passed).
    Only when she opted in and said the channel is safe. Safe to call twice."""
    woman = appointment.woman
    reach = reminder_channel(woman)
    now = timezone.now()
    if (
        reach is None
        or not appointment.send_reminder
        or appointment.status != Appointment.Status.BOOKED
        or appointment.starts_at <= now + timedelta(hours=1)
    ):
        return None
    when = max(appointment.starts_at - timedelta(days=1), now).replace(second=0, microsecond=0)
    message, _created = message_queue(
        kind=APPOINTMENT_REMINDER.name,
        reference=f"appointment:{appointment.pk}",
        channel=reach[0],
        recipient=reach[1],
        context={
            # The name she goes by, as every other message to her uses.
            "first_name": woman.known_as,
            "starts_at": appointment.starts_at,
            "worker_first_name": appointment.worker.first_name if appointment.worker else "",
        },
        centre=woman.centre,
        send_at=when,
    )
    return message


@transaction.atomic
def appointment_book(*, woman: Woman, worker: User, data: dict[str, Any]) -> Appointment:
    """Book an appointment (future dates allowed) and queue her reminder."""
    appointment = Appointment(centre=woman.centre, woman=woman, worker=worker, **data)
    appointment.full_clean()
    appointment.save()
    appointment_reminders_queue(appointment=appointment)
    audit_log(actor=worker, action="casework.appointment.create", obj=woman, woman_id=woman.pk)
    return appointment


@transaction.atomic
def appointment_record(
    *, appointment: Appointment, status: str, re_engagement: str = "", by: User
) -> Appointment:
    """Attended, missed (with a step to re-engage her) or cancelled. Missing never closes a case."""
    if status not in (
        Appointment.Status.ATTENDED,
        Appointment.Status.MISSED,
        Appointment.Status.CANCELLED,
    ):
        raise ValidationError({"status": _("Choose attended, missed or cancelled.")})
    if status == Appointment.Status.MISSED and not re_engagement.strip():
        raise ValidationError(
            {"re_engagement": _("Say what the next step is to get back in touch with her.")}
        )
    if status == Appointment.Status.ATTENDED and appointment.starts_at > timezone.now():
        raise ValidationError({"status": _("It has not happened yet.")})
    appointment.status = status
    appointment.re_engagement = re_engagement[:300]
    appointment.save(update_fields=["status", "re_engagement"])
    outbox_message_cancel(purpose=REMINDER_PURPOSE, reference=f"appointment:{appointment.pk}")
    woman = appointment.woman
    if status == Appointment.Status.MISSED:
        Action.objects.create(
            woman=woman,
            text=re_engagement[:500],
            who=str(by),
            owner=by,
            due_on=deadlines.due_date(
                centre=woman.centre, start=timezone.localdate(), working_days=RE_ENGAGE_WORKING_DAYS
            ),
            source=Action.Source.RE_ENGAGEMENT,
        )
    if status == Appointment.Status.ATTENDED:
        moment = min(appointment.starts_at, timezone.now())
        Woman.objects.filter(pk=woman.pk).filter(_last_contact_before(moment)).update(
            last_contact_at=moment
        )
    audit_log(actor=by, action="casework.appointment.record", obj=woman, woman_id=woman.pk)
    return appointment
