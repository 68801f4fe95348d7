"""Reads other apps use: quarterly numbers, placement, the not-heard-from list, caseload."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework import selectors, services
from casework.models import OutcomeRating, Stage

from .factories import ContactFactory, ReferralFactory, WomanFactory

pytestmark = pytest.mark.django_db


def test_quarter_numbers(centre, other_centre, key_worker, manager):
    today = timezone.localdate()
    start, end = today - timedelta(days=30), today
    anna = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    beth = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.LIGHTER_TOUCH)
    ContactFactory(woman=anna, contact_type="phone")
    ContactFactory(woman=anna, contact_type="home_visit")
    ContactFactory(woman=beth, contact_type="phone", made=False)
    ContactFactory(woman=anna, contact_type="phone", contact_on=today - timedelta(days=60))
    ReferralFactory(centre=centre, source="court", referred_on=today)
    ReferralFactory(centre=centre, source="self", referred_on=today, decision="declined")
    ReferralFactory(centre=other_centre, source="court", referred_on=today)
    services.woman_stage_change(woman=beth, stage=Stage.MOVED_ON, reason="", by=manager)
    for score, day in ((3, start), (7, today)):
        OutcomeRating.objects.create(
            woman=anna, domain="housing", score=score, rated_on=day, occasion="intake"
        )
    numbers = selectors.quarter_numbers(centre, start, end)
    assert numbers["new_referrals"] == 2
    assert numbers["referrals_by_source"] == {"court": 1, "self": 1}
    assert numbers["referrals_by_decision"] == {"pending": 1, "declined": 1}
    assert numbers["contacts_total"] == 2 and numbers["attempts"] == 1
    assert numbers["contacts_by_type"] == {"phone": 1, "home_visit": 1}
    assert numbers["women_supported"] == 2
    assert numbers["moved_on"] == 1
    assert numbers["caseloads"] == [{"key_worker_id": key_worker.pk, "count": 1}]
    assert numbers["outcome_change"] == {"housing": {"women": 1, "average_change": 4.0}}


def test_not_heard_from_list(centre, key_worker):
    quiet = WomanFactory(
        centre=centre, key_worker=key_worker, last_contact_at=timezone.now() - timedelta(days=30)
    )
    never = WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=None)
    WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=timezone.now())
    WomanFactory(centre=centre, stage=Stage.CLOSED, last_contact_at=None)
    assert set(selectors.not_heard_from(centre)) == {quiet, never}


def test_caseload_counts_flag_over_threshold(centre, key_worker, other_key_worker):
    centre.caseload_warning_threshold = 1
    WomanFactory.create_batch(2, centre=centre, key_worker=key_worker)
    WomanFactory(centre=centre, key_worker=other_key_worker)
    rows = {row["worker"]: row for row in selectors.caseload_counts(centre)}
    assert rows[key_worker]["over"] and not rows[other_key_worker]["over"]
