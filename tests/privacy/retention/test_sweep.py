"""The retention sweep: what the dry run shows is what the sweep removes; a second run removes
nothing more; a held woman's records are kept; the logs never name anyone."""

import logging
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casework.models import Referral, Stage, Woman
from centre.celery import app
from centre.models import AuditEvent, OutboxMessage
from coproduction.involvement.models import Expense
from coproduction.meetings.models import Attendance, Naming
from coproduction.suggestions.models import Suggestion
from privacy.retention import schedule, services, tasks
from privacy.retention.models import RetentionPeriod, SweepLog
from tests.casework.factories import ReferralFactory, WomanFactory
from tests.conftest import wait_for
from tests.coproduction.factories import SuggestionFactory
from tests.coproduction.involvement.factories import active_helper
from tests.coproduction.meetings.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

UNIQUE_NAME = "Zephyrine"
YEARS = 365


def _ago(days):
    return timezone.now() - timedelta(days=days)


def _expense(centre, helper, paid_days_ago):
    return Expense.objects.create(
        centre=centre,
        helper=helper,
        kind=Expense.Kind.TRAVEL,
        spent_on=timezone.localdate() - timedelta(days=paid_days_ago + 5),
        amount=Decimal("4.50"),
        description="Bus to the centre",
        status=Expense.Status.PAID,
        paid_on=timezone.localdate() - timedelta(days=paid_days_ago),
    )


@pytest.fixture
def world(centre, manager):
    """One expired and one fresh record of every kind, and a closed case on hold."""
    w = {}
    w["old_case"] = WomanFactory(
        centre=centre, stage=Stage.CLOSED, first_name=UNIQUE_NAME, closed_at=_ago(8 * YEARS)
    )
    w["recent_case"] = WomanFactory(
        centre=centre, stage=Stage.CLOSED, first_name="Recent", closed_at=_ago(YEARS)
    )
    w["held_case"] = WomanFactory(
        centre=centre, stage=Stage.CLOSED, first_name="Heldback", closed_at=_ago(8 * YEARS)
    )
    services.hold_place(woman=w["held_case"], by=manager, reason="A claim has been made")
    for days, decision in ((2 * YEARS, "declined"), (30, "withdrawn"), (2 * YEARS, "accepted")):
        ReferralFactory(
            centre=centre, first_name=UNIQUE_NAME, decision=decision, decided_at=_ago(days)
        )
    SuggestionFactory(centre=centre, status="done", received_on=_ago(4 * YEARS).date())
    SuggestionFactory(centre=centre, status="received", received_on=_ago(4 * YEARS).date())
    SuggestionFactory(centre=centre, status="done", received_on=_ago(YEARS).date())
    for days, status in ((YEARS, "sent"), (YEARS, "queued"), (10, "sent")):
        OutboxMessage.objects.create(
            centre=centre,
            purpose="test",
            reference=f"t:{days}:{status}",
            channel="email",
            recipient="kate@example.org",
            body=f"Hello {UNIQUE_NAME}",
            status=status,
            scheduled_for=_ago(days),
        )
    for days, woman in ((8 * YEARS, None), (8 * YEARS, w["held_case"]), (10, None)):
        AuditEvent.objects.create(
            actor=manager,
            action="casework.record.view",
            centre=centre,
            created_at=_ago(days),
            woman_id=woman.pk if woman else None,
        )
    group = GroupFactory(centre=centre)
    for days in (7 * YEARS, 30):
        meeting = MeetingFactory(group=group, starts_at=_ago(days))
        Attendance.objects.create(
            meeting=meeting, woman=w["recent_case"], status="present", naming=Naming.NAME
        )
        w.setdefault("old_meeting", meeting)
    # Her erasure (closed case) reaches her attendance too: counted once, under attendance.
    Attendance.objects.create(
        meeting=w["old_meeting"], woman=w["old_case"], status="present", naming=Naming.NAME
    )
    helper = active_helper(centre, woman=w["recent_case"])
    _expense(centre, helper, 7 * YEARS)
    _expense(centre, helper, 30)
    return w


def test_the_dry_run_shows_what_the_sweep_removes_and_a_second_run_removes_nothing(centre, world):
    expected = {row.kind: row.count for row in services.dry_run(centre)}
    assert expected == {
        "referral_not_taken": 1,
        "tablet_suggestion": 1,
        "outbox_message": 1,
        "audit_event": 1,
        "meeting_attendance": 2,
        "expenses": 1,
        "closed_case": 1,
    }
    log = services.sweep(centre)
    assert log.counts == expected and log.finished_at and not log.dry_run
    again = services.sweep(centre)
    assert set(again.counts.values()) == {0}
    assert {row.kind: row.count for row in services.dry_run(centre)} == dict.fromkeys(expected, 0)

    old = Woman.objects.get(pk=world["old_case"].pk)
    assert old.first_name != UNIQUE_NAME and old.anonymised_at
    assert Woman.objects.get(pk=world["recent_case"].pk).first_name == "Recent"
    assert Referral.objects.filter(centre=centre).count() == 2
    assert Suggestion.objects.filter(centre=centre).count() == 2
    assert OutboxMessage.objects.filter(centre=centre).count() == 2
    assert list(
        Attendance.objects.filter(woman=world["recent_case"])
        .values_list("naming", flat=True)
        .order_by("meeting__starts_at")
    ) == [Naming.ANONYMOUS, Naming.NAME]
    assert Attendance.objects.get(woman=world["old_case"]).naming in (Naming.ANONYMOUS, "")
    kept, cleared = Expense.objects.order_by("-paid_on")
    assert kept.helper_id and kept.description
    assert (
        cleared.helper_id is None
        and cleared.description == ""
        and cleared.amount == Decimal("4.50")
    )


def test_a_held_womans_records_are_kept_until_the_hold_is_lifted(centre, manager, world):
    held = world["held_case"]
    assert services.is_held(held)
    services.sweep(centre)
    held.refresh_from_db()
    assert held.first_name == "Heldback" and held.anonymised_at is None
    assert AuditEvent.objects.filter(woman_id=held.pk).exists()

    hold = held.legal_holds.get()
    services.hold_lift(hold=hold, by=manager, reason="The claim is settled")
    assert not services.is_held(held)
    services.sweep(centre)
    held.refresh_from_db()
    assert held.anonymised_at is not None
    assert not AuditEvent.objects.filter(woman_id=held.pk, created_at__lt=_ago(YEARS)).exists()


def test_the_logs_name_no_one(centre, world, caplog):
    caplog.set_level(logging.DEBUG)
    services.sweep(centre)
    assert caplog.records
    assert UNIQUE_NAME not in caplog.text and "kate@example.org" not in caplog.text
    assert UNIQUE_NAME not in str(SweepLog.objects.values_list("counts", flat=True))


def test_a_run_stopped_half_way_is_finished_by_the_next(centre, world, monkeypatch):
    from privacy.retention import rules

    calls = {"n": 0}
    original = rules.RULES["expenses"]

    def broken(*args):
        calls["n"] += 1
        raise RuntimeError("worker killed")

    monkeypatch.setitem(rules.RULES, "expenses", broken)
    with pytest.raises(RuntimeError):
        services.sweep(centre)
    interrupted = SweepLog.objects.get()
    assert interrupted.finished_at is None
    assert interrupted.counts["referral_not_taken"] == 1  # what was done stays done
    monkeypatch.setitem(rules.RULES, "expenses", original)
    log = services.sweep(centre)
    assert log.counts["referral_not_taken"] == 0
    assert log.counts["expenses"] == 1 and log.counts["closed_case"] == 1


def _first_period(centre, manager, kind, *, months, action):
    """The centre sets its own period for `kind` for the first time."""
    return services.period_save(
        centre=centre, kind=kind, months=months, action=action, by=manager, expected_version=0
    )


def test_the_centres_own_period_is_used(centre, manager, world):
    _first_period(centre, manager, "outbox_message", months=24, action="delete")
    assert {row.kind: row.count for row in services.dry_run(centre)}["outbox_message"] == 0


def test_a_period_below_its_minimum_is_refused_with_the_reason(centre, manager):
    with pytest.raises(ValidationError) as error:
        _first_period(centre, manager, "expenses", months=12, action="anonymise")
    assert "HM Revenue and Customs" in str(error.value)
    with pytest.raises(ValidationError):
        _first_period(centre, manager, "audit_event", months=36, action="anonymise")
    assert not RetentionPeriod.objects.exists()


def test_outbox_messages_can_be_cleared_rather_than_deleted(centre, manager, world):
    _first_period(centre, manager, "outbox_message", months=6, action="anonymise")
    assert services.sweep(centre).counts["outbox_message"] == 1
    assert services.sweep(centre).counts["outbox_message"] == 0
    cleared = OutboxMessage.objects.get(recipient__startswith="removed:")
    assert cleared.body == "" and cleared.status == "sent"


def test_rows_of_no_centre_are_swept_with_the_defaults(manager):
    OutboxMessage.objects.create(
        purpose="password_reset",
        channel="email",
        recipient="a@example.org",
        body="x",
        status="sent",
        scheduled_for=_ago(YEARS),
    )
    assert services.sweep(None).counts["outbox_message"] == 1


def test_the_task_sweeps_every_centre_and_is_on_the_nightly_schedule(centre, world):
    result = tasks.retention_sweep_task.apply().get()
    assert result[str(centre.pk)]["closed_case"] == 1
    assert tasks.retention_sweep_task.apply().get()[str(centre.pk)]["closed_case"] == 0
    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "privacy.retention.tasks.retention_sweep_task" in names
    assert "casework.tasks.casework_retention_anonymise_task" not in names


def test_a_cutoff_counts_calendar_months():
    moment = timezone.make_aware(timezone.datetime(2026, 3, 31, 12, 0))
    assert schedule.months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert schedule.months_before(moment, 84).date().isoformat() == "2019-03-31"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_sweep(centre, celery_workers):
    celery_workers(1)
    ReferralFactory(centre=centre, decision="declined", decided_at=_ago(2 * YEARS))
    tasks.retention_sweep_task.delay()
    assert wait_for(
        lambda: SweepLog.objects.filter(centre=centre, finished_at__isnull=False).exists()
    )
    assert not Referral.objects.filter(centre=centre).exists()
    assert SweepLog.objects.get(centre=centre).counts["referral_not_taken"] == 1


def test_a_lifted_holds_reasons_go_when_she_is_erased(centre, manager):
    from centre.personal_data import erase

    woman = WomanFactory(centre=centre)
    hold = services.hold_place(woman=woman, by=manager, reason="A claim about her support")
    services.hold_lift(hold=hold, by=manager, reason="Settled")
    erase(woman.pk)
    hold.refresh_from_db()
    assert hold.reason == "" and hold.lift_reason == "" and hold.lifted_at
