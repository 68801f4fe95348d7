"""Issue 10: the manager puts people on referral duty from the team page, and the audit log
records the grounds of every read and finds every event about one woman."""

import pytest
from django.urls import reverse

from centre.audit import audit_log
from centre.models import AuditEvent, Membership

pytestmark = pytest.mark.django_db


def test_manager_puts_a_key_worker_on_referral_duty_and_back(manager_client, key_worker, centre):
    membership = Membership.objects.get(user=key_worker, centre=centre)
    url = reverse("team_triage", args=[membership.pk])
    assert manager_client.post(url, {"triages": "on"}).status_code == 302
    membership.refresh_from_db()
    assert membership.triages_referrals
    assert AuditEvent.objects.filter(action="team.triage_on").count() == 1
    manager_client.post(url, {"triages": "on"})  # twice: nothing more written
    assert AuditEvent.objects.filter(action="team.triage_on").count() == 1
    manager_client.post(url, {"triages": "off"})
    membership.refresh_from_db()
    assert not membership.triages_referrals
    assert "Put on referral duty" in manager_client.get(reverse("team")).content.decode()


def test_only_the_manager_sets_referral_duty(key_worker_client, key_worker, centre):
    membership = Membership.objects.get(user=key_worker, centre=centre)
    response = key_worker_client.post(
        reverse("team_triage", args=[membership.pk]), {"triages": "on"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert not membership.triages_referrals


def test_audit_search_finds_every_event_about_one_woman(manager_client, manager, centre):
    for object_type, object_id in (("casework.woman", "41"), ("casework.referral", "7")):
        audit_log(
            actor=manager,
            action=f"{object_type}.view",
            centre=centre,
            woman_id=41,
            grounds="manager",
            object_type=object_type,
            object_id=object_id,
        )
    audit_log(actor=manager, action="casework.woman.view", centre=centre, woman_id=42)
    page = manager_client.get(reverse("audit_log"), {"woman_id": 41}).content.decode()
    assert page.count("casework.woman.view") == 1 and "casework.referral.view" in page
    assert "manager" in page
