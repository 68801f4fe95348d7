"""Court-date reminders, the daily digest and retention."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework import jobs, services
from casework.models import Contact, CourtDate, Stage, Woman
from centre.celery import app
from centre.models import AuditEvent, OutboxMessage

from .factories import ContactFactory, WomanFactory

pytestmark = pytest.mark.django_db


def test_court_reminders_go_to_the_key_worker_and_are_queued_once(woman, key_worker):
    CourtDate.objects.create(
        woman=woman, starts_at=timezone.now() + timedelta(days=3), court="Sheriff Court"
    )
    CourtDate.objects.create(
        woman=woman, starts_at=timezone.now() + timedelta(days=40), court="Too far ahead"
    )
    assert jobs.court_reminders_queue() == 1  # the 7-day one is in the past already: sent now
    assert jobs.court_reminders_queue() == 0
    message = OutboxMessage.objects.get(purpose=services.COURT_PURPOSE)
    assert message.recipient == key_worker.email
    assert "Sheriff Court" in message.body


def test_digest_per_key_worker_counts_only(woman, key_worker, centre):
    ContactFactory(woman=woman, contact_on=timezone.localdate())
    assert jobs.daily_digests_queue() == 1
    assert jobs.daily_digests_queue() == 0
    message = OutboxMessage.objects.get(purpose=services.DIGEST_PURPOSE)
    assert message.recipient == key_worker.email
    assert "- 1 open case\n" in message.body
    assert woman.first_name not in message.body and woman.last_name not in message.body


def test_anonymising_one_closed_record_keeps_only_what_reports_need(centre, key_worker):
    """The retention sweep (tests/privacy/retention) decides whose record; this is what
    anonymising does to it."""
    old = WomanFactory(
        centre=centre,
        stage=Stage.CLOSED,
        first_name="Oldrecord",
        closed_at=timezone.now() - timedelta(days=31),
        code_word="tulip",
    )
    open_case = WomanFactory(centre=centre, stage=Stage.INTENSIVE, first_name="Open")
    ContactFactory(woman=old, note="Very personal note")
    assert jobs.woman_anonymise(woman_id=old.pk) == 1
    assert jobs.woman_anonymise(woman_id=old.pk) == 0
    assert jobs.woman_anonymise(woman_id=open_case.pk) == 0  # only a closed record
    old.refresh_from_db()
    assert old.first_name == "Anonymised" and old.code_word == "" and old.anonymised_at
    assert Contact.objects.get(woman=old).note == "(removed)"
    assert Contact.objects.get(woman=old).contact_type == "phone"  # kept for reports
    assert Woman.objects.get(pk=open_case.pk).first_name == "Open"
    assert AuditEvent.objects.filter(action="casework.woman.anonymise").count() == 1


def test_tasks_are_routed_and_scheduled():
    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {
        "casework.tasks.casework_court_reminders_task",
        "casework.tasks.casework_digest_reminders_task",
    } <= names
    assert "casework.tasks.casework_retention_anonymise_task" not in names
