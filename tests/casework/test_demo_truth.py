"""Issue 18: demo data that tells the truth. One run of seed_demo, checked for: a centre's
workers only at that centre, notes that fit their types, referrals in every state, and the
last two complete quarters full (the quarterly report relies on it)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from activities.models import Session
from casework.demo import ATTEMPT_NOTES, NOTES, last_complete_quarters
from casework.models import Allocation, Contact, Referral, Review, Woman
from centre.models import Membership, User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_last_complete_quarters():
    import datetime  # noqa: PLC0415

    assert last_complete_quarters(datetime.date(2026, 12, 4)) == [
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
    ]
    assert last_complete_quarters(datetime.date(2026, 1, 1))[0][0] == datetime.date(2025, 7, 1)


def test_workers_have_women_only_where_they_work(seeded):
    for woman in Woman.objects.exclude(key_worker=None).select_related("key_worker"):
        assert Membership.objects.filter(user=woman.key_worker, centre=woman.centre_id).exists()
    for allocation in Allocation.objects.select_related("woman"):
        assert Membership.objects.filter(
            user=allocation.worker_id, centre=allocation.woman.centre_id
        ).exists()
    keyworker = User.objects.get(username="keyworker")
    assert set(Woman.objects.filter(key_worker=keyworker).values_list("centre", flat=True)) == set(
        Membership.objects.filter(user=keyworker).values_list("centre", flat=True)
    )


def test_notes_fit_their_types(seeded):
    for contact in Contact.objects.all().only("contact_type", "made", "note"):
        if contact.made:
            assert contact.note in NOTES[contact.contact_type], contact.note
        else:
            assert contact.note == ATTEMPT_NOTES[contact.contact_type]


def test_referrals_in_every_state(seeded):
    referrals = Referral.objects.all()
    for decision in Referral.Decision.values:
        assert referrals.filter(decision=decision).exists(), decision
    assert referrals.filter(
        decision=Referral.Decision.PENDING, offered_to__username="keyworker"
    ).exists()


def test_the_last_two_complete_quarters_are_full(seeded):
    for centre_women in (Woman.objects.filter(centre__slug="tomorrows-women-demo"),):
        centre = centre_women.first().centre
        for start, end in last_complete_quarters(timezone.localdate()):
            period = {"__gte": start, "__lte": end}

            def within(field, period=period):
                return {f"{field}{suffix}": day for suffix, day in period.items()}

            assert Review.objects.filter(woman__centre=centre, **within("held_on")).exists()
            assert Contact.objects.filter(centre=centre, **within("contact_on")).count() >= 10
            assert Referral.objects.filter(centre=centre, **within("referred_on")).exists()
            assert Session.objects.filter(centre=centre, **within("date")).exists()
