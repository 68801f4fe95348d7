"""Appointments with discreet reminders, attended and missed with re-engagement."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Action, Appointment, Stage
from centre.models import OutboxMessage
from centre.outbox import outbox_send_due

from .factories import AppointmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opted_in(woman):
    woman.reminders_opt_in = True
    woman.safe_to_text = True
    woman.mobile = "07700 900456"
    woman.save()
    return woman


def book(woman, worker, days=3, **extra):
    return services.appointment_book(
        woman=woman,
        worker=worker,
        data={
            "starts_at": timezone.now() + timedelta(days=days),
            "place": "Court annex",
            "purpose": "Probation catch-up",
            **extra,
        },
    )


def test_reminder_is_discreet_first_name_only_and_the_day_before(opted_in, key_worker):
    appointment = book(opted_in, key_worker)
    message = OutboxMessage.objects.get(reference=f"appointment:{appointment.pk}")
    assert message.channel == OutboxMessage.Channel.SMS
    assert message.recipient == "07700 900456"
    assert opted_in.first_name in message.body
    assert opted_in.last_name not in message.body
    for word in ("Court", "Probation", "centre", "justice"):
        assert word.lower() not in message.body.lower()
    assert abs(message.scheduled_for - (appointment.starts_at - timedelta(days=1))) < timedelta(
        minutes=1
    )


def test_no_reminder_without_opt_in_or_a_safe_channel(woman, key_worker):
    woman.safe_to_text = True
    woman.save()
    book(woman, key_worker)  # not opted in
    woman.reminders_opt_in, woman.safe_to_text = True, False
    woman.save()
    book(woman, key_worker, days=4)  # opted in but text not safe, and no safe email
    assert not OutboxMessage.objects.exists()


def test_email_only_when_she_said_email_is_safe(woman, key_worker):
    woman.reminders_opt_in, woman.safe_to_email, woman.email = True, True, "a@example.com"
    woman.save()
    book(woman, key_worker)
    assert OutboxMessage.objects.get().channel == OutboxMessage.Channel.EMAIL


def test_queueing_twice_makes_one_message(opted_in, key_worker):
    appointment = book(opted_in, key_worker)
    services.appointment_reminders_queue(appointment=appointment)
    assert OutboxMessage.objects.count() == 1


def test_reminder_goes_when_due(opted_in, key_worker, sms_outbox):
    appointment = book(opted_in, key_worker, days=0.5)  # within a day: due now
    outbox_send_due()
    assert len(sms_outbox) == 1
    appointment.refresh_from_db()


def test_missed_needs_a_next_step_and_never_closes_the_case(key_worker_client, woman):
    appointment = AppointmentFactory(woman=woman, starts_at=timezone.now() - timedelta(hours=2))
    url = reverse("casework:appointment_outcome", args=[appointment.pk])
    key_worker_client.post(url, {"status": "missed", "re_engagement": ""})
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    key_worker_client.post(url, {"status": "missed", "re_engagement": "Text her to re-book"})
    appointment.refresh_from_db()
    woman.refresh_from_db()
    assert appointment.status == Appointment.Status.MISSED
    assert woman.stage == Stage.INTENSIVE
    action = Action.objects.get(woman=woman, source=Action.Source.RE_ENGAGEMENT)
    assert action.text == "Text her to re-book"


def test_cancelling_cancels_the_reminder(opted_in, key_worker):
    appointment = book(opted_in, key_worker)
    services.appointment_record(appointment=appointment, status="cancelled", by=key_worker)
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.CANCELLED


def test_attended_counts_as_contact(woman, key_worker):
    appointment = AppointmentFactory(woman=woman, starts_at=timezone.now() - timedelta(hours=1))
    services.appointment_record(appointment=appointment, status="attended", by=key_worker)
    woman.refresh_from_db()
    assert woman.last_contact_at == appointment.starts_at


def test_booking_page_and_future_date_allowed(key_worker_client, woman):
    url = reverse("casework:appointment_new", args=[woman.pk])
    assert key_worker_client.get(url).status_code == 200
    when = (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    response = key_worker_client.post(url, {"starts_at": when, "place": "Centre"})
    assert response.status_code == 302
    assert Appointment.objects.filter(woman=woman).count() == 1


def test_another_centres_appointment_is_404(key_worker_client, foreign_woman):
    appointment = AppointmentFactory(woman=foreign_woman)
    url = reverse("casework:appointment_outcome", args=[appointment.pk])
    assert key_worker_client.post(url, {"status": "attended"}).status_code == 404
