"""Referrals in: eligibility, decisions with reasons, the record opened on acceptance, the report."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import selectors, services
from casework.models import Referral, Stage
from centre.models import Membership

from .factories import AgencyFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def referral_data(**extra):
    return {
        "first_name": "Donna",
        "last_name": "Reid",
        "referred_on": timezone.localdate().isoformat(),
        "source": "court",
        "justice_involvement": "Deferred sentence",
        "vulnerability": "Homeless",
        **extra,
    }


def test_key_worker_records_a_referral(key_worker_client, centre):
    assert key_worker_client.get(reverse("casework:referral_new")).status_code == 200
    response = key_worker_client.post(reverse("casework:referral_new"), referral_data())
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.decision == Referral.Decision.PENDING and referral.centre == centre


def test_eligibility_needs_justice_involvement_or_early_intervention(key_worker_client):
    url = reverse("casework:referral_new")
    response = key_worker_client.post(url, referral_data(justice_involvement=""))
    assert response.status_code == 400
    assert b"early intervention" in response.content
    assert b"Donna" in response.content
    response = key_worker_client.post(
        url, referral_data(justice_involvement="", early_intervention="on", source="self")
    )
    assert response.status_code == 302


def test_future_referral_date_is_refused(key_worker_client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = key_worker_client.post(
        reverse("casework:referral_new"), referral_data(referred_on=tomorrow)
    )
    assert response.status_code == 400 and not Referral.objects.exists()


def test_accepting_opens_her_record_with_key_worker(manager_client, centre, key_worker):
    referral = ReferralFactory(centre=centre, first_name="Donna")
    url = reverse("casework:referral", args=[referral.pk])
    response = manager_client.post(url, {"decision": "accepted", "reason": "", "key_worker": ""})
    assert response.status_code == 200  # reason required
    response = manager_client.post(
        url, {"decision": "accepted", "reason": "High need", "key_worker": key_worker.pk}
    )
    referral.refresh_from_db()
    assert response.status_code == 302
    assert referral.woman.first_name == "Donna"
    assert referral.woman.stage == Stage.ASSESSMENT
    assert referral.woman.key_worker == key_worker
    assert referral.woman.stage_changes.count() == 1


def test_declined_with_reason_and_never_decided_twice(centre, manager):
    referral = ReferralFactory(centre=centre)
    services.referral_decide(
        referral=referral, decision="declined", reason="Outside our area", by=manager
    )
    with pytest.raises(Exception, match="already been decided"):
        services.referral_decide(referral=referral, decision="accepted", reason="x", by=manager)
    referral.refresh_from_db()
    assert referral.woman is None and referral.decision_reason == "Outside our area"


def on_referral_duty(user, centre):
    Membership.objects.filter(user=user, centre=centre).update(triages_referrals=True)


def test_only_the_manager_decides(key_worker, key_worker_client, centre):
    on_referral_duty(key_worker, centre)
    referral = ReferralFactory(centre=centre)
    url = reverse("casework:referral", args=[referral.pk])
    assert key_worker_client.get(url).status_code == 200
    assert key_worker_client.post(url, {"decision": "accepted", "reason": "x"}).status_code == 403


def test_another_centres_referral_is_404(manager_client, other_centre):
    referral = ReferralFactory(centre=other_centre)
    assert manager_client.get(reverse("casework:referral", args=[referral.pk])).status_code == 404


def test_report_by_source_and_referrer_shows_who_never_refers(centre, manager_client):
    court_team = AgencyFactory(centre=centre, name="Sheriff Court Social Work")
    AgencyFactory(centre=centre, name="Silent Partner")
    ReferralFactory.create_batch(2, centre=centre, source="court", referrer_agency=court_team)
    ReferralFactory(centre=centre, source="self")
    today = timezone.localdate()
    report = selectors.referral_report(centre, today - timedelta(days=1), today)
    sources = {row["label"]: row["total"] for row in report["sources"]}
    assert sources["Court"] == 2 and sources["Self-referral"] == 1
    assert [a.name for a in report["never"]] == ["Silent Partner"]
    response = manager_client.get(reverse("casework:referral_report"))
    assert b"Silent Partner" in response.content


def test_a_partner_reads_no_pending_referral_not_even_her_own(
    partner, partner_client, key_worker, centre
):
    # Issue 10, hole 3: pending referrals are for those who triage.
    hers = ReferralFactory(centre=centre, created_by=partner, first_name="Heather")
    other = ReferralFactory(centre=centre, created_by=key_worker, first_name="Isla")
    listing = partner_client.get(reverse("casework:referrals")).content.decode()
    assert "Heather" not in listing and "Isla" not in listing
    for referral in (hers, other):
        response = partner_client.get(reverse("casework:referral", args=[referral.pk]))
        assert response.status_code == 403 and referral.first_name not in response.content.decode()


def test_a_partner_can_still_refer_a_woman_in(partner_client):
    response = partner_client.post(
        reverse("casework:referral_new"), referral_data(first_name="Rowan")
    )
    assert response.status_code == 302 and response.url == reverse("casework:referrals")
    referral = Referral.objects.get(first_name="Rowan")
    assert partner_client.get(reverse("casework:referral", args=[referral.pk])).status_code == 403


def test_key_workers_on_duty_see_every_pending_referral(
    key_worker, key_worker_client, partner, centre
):
    ReferralFactory(centre=centre, created_by=partner, first_name="Heather")
    assert "Heather" not in key_worker_client.get(reverse("casework:referrals")).content.decode()
    on_referral_duty(key_worker, centre)
    assert "Heather" in key_worker_client.get(reverse("casework:referrals")).content.decode()
