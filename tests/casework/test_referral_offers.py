"""Issue 18: a key worker accepts or declines, from her home page, a referral offered to her;
the manager's home counts what waits for her."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Referral, Stage, SupportPlan
from centre.models import AuditEvent

from .factories import WomanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(centre):
    return Referral.objects.create(
        centre=centre,
        first_name="Rebecca",
        last_name="Moss",
        source=Referral.Source.COURT,
        vulnerability="Homeless",
    )


def offer(client, referral, worker):
    return client.post(
        reverse("casework:referral", args=[referral.pk]),
        {"decision": "offer", "key_worker": worker.pk},
    )


def test_the_manager_offers_it_and_she_accepts_from_her_home(
    manager_client, key_worker_client, key_worker, referral
):
    assert offer(manager_client, referral, key_worker).status_code == 302
    home = key_worker_client.get(reverse("home")).content.decode()
    assert "Referrals offered to you" in home and "Rebecca M." in home and "Moss" not in home
    assert AuditEvent.objects.filter(action="casework.referral.offered_list").exists()
    # She may read it to decide, on the grounds that it was offered to her.
    assert (
        key_worker_client.get(reverse("casework:referral", args=[referral.pk])).status_code == 200
    )
    response = key_worker_client.post(
        reverse("casework:referral_answer", args=[referral.pk]), {"answer": "accept"}
    )
    referral.refresh_from_db()
    assert referral.decision == Referral.Decision.ACCEPTED
    assert referral.woman.key_worker == key_worker
    assert response.url == reverse("casework:woman", args=[referral.woman_id])
    # Answering twice changes nothing.
    again = key_worker_client.post(
        reverse("casework:referral_answer", args=[referral.pk]), {"answer": "accept"}
    )
    assert again.status_code == 403


def test_declining_needs_a_reason_and_sends_it_back(
    manager_client, key_worker_client, key_worker, referral
):
    offer(manager_client, referral, key_worker)
    url = reverse("casework:referral_answer", args=[referral.pk])
    response = key_worker_client.post(url, {"answer": "decline"}, follow=True)
    assert "Say why you cannot take her on." in response.content.decode()
    referral.refresh_from_db()
    assert referral.offered_to == key_worker
    key_worker_client.post(url, {"answer": "decline", "reason": "Caseload full this month"})
    referral.refresh_from_db()
    assert referral.offered_to is None and referral.decision == Referral.Decision.PENDING
    assert "Caseload full this month" in referral.offer_note
    # Back with the manager, with the reason; no longer the key worker's to read.
    page = manager_client.get(reverse("casework:referral", args=[referral.pk])).content.decode()
    assert "Caseload full this month" in page
    assert (
        key_worker_client.get(reverse("casework:referral", args=[referral.pk])).status_code == 403
    )


def test_another_key_worker_cannot_answer(manager_client, key_worker, other_key_worker, referral):
    offer(manager_client, referral, key_worker)
    from tests.conftest import client_for  # noqa: PLC0415

    response = client_for(other_key_worker).post(
        reverse("casework:referral_answer", args=[referral.pk]), {"answer": "accept"}
    )
    assert response.status_code == 403


def test_withdrawn_is_a_decision_with_a_reason(manager_client, referral):
    manager_client.post(
        reverse("casework:referral", args=[referral.pk]),
        {"decision": "withdrawn", "reason": "The court withdrew it."},
    )
    referral.refresh_from_db()
    assert referral.decision == Referral.Decision.WITHDRAWN and referral.woman is None


def test_the_managers_home_counts_what_waits(manager_client, centre, key_worker, referral):
    Referral.objects.create(
        centre=centre,
        first_name="Offered",
        source=Referral.Source.SELF,
        vulnerability="x",
        offered_to=key_worker,
    )
    woman = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    SupportPlan.objects.create(woman=woman, next_review_on=timezone.localdate() - timedelta(days=3))
    home = manager_client.get(reverse("home")).content.decode()
    assert "Waiting for you" in home
    assert "1</span> <a" in home and "referral waiting for a decision" in home
    assert "1 offered to a key worker, not yet answered" in home
    assert "1 plan review overdue" in home


def test_the_managers_home_counts_unanswered_suggestions(manager_client, centre):
    from coproduction.suggestions.models import Suggestion  # noqa: PLC0415

    Suggestion.objects.create(centre=centre, text="A bigger kettle", receipt_code="AB12")
    home = manager_client.get(reverse("home")).content.decode()
    assert "1 not yet answered" in home
