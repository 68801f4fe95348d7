"""Allocation-based access, break the glass, restricted notes and the audit trail."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import BreakGlass
from centre.models import AuditEvent, OutboxMessage
from tests.conftest import client_for

from .factories import AlertFactory, AllocationFactory, AppointmentFactory, ContactFactory

pytestmark = pytest.mark.django_db


def record(woman):
    return reverse("casework:woman", args=[woman.pk])


def test_key_worker_sees_full_record(key_worker_client, woman):
    response = key_worker_client.get(record(woman))
    assert response.status_code == 200
    assert b"Log a contact" in response.content
    assert b"Front-desk card" not in response.content
    assert b"Record a request from her about her data" not in response.content


def test_manager_sees_every_record(manager_client, woman):
    response = manager_client.get(record(woman))
    assert response.status_code == 200
    # Only the manager is offered data protection requests (privacy/requests' record panel).
    assert b"Record a request from her about her data" in response.content


def test_colleague_not_allocated_sees_only_the_card(partner_client, woman):
    woman.code_word = "pineapple"
    woman.save()
    response = partner_client.get(record(woman))
    assert response.status_code == 200
    assert b"Front-desk card" in response.content
    assert b"Break the glass" in response.content
    assert b"pineapple" not in response.content
    assert b"07700" not in response.content


def test_card_shows_alerts_and_todays_appointments(partner_client, woman, key_worker):
    AlertFactory(woman=woman, detail="Ex-partner may come in")
    AppointmentFactory(
        woman=woman, worker=key_worker, starts_at=timezone.now() + timedelta(minutes=5)
    )
    response = partner_client.get(record(woman))
    assert b"Ex-partner may come in" in response.content
    assert b"Appointments today" in response.content


def test_sub_pages_are_forbidden_to_colleague_not_allocated(partner_client, woman):
    for name in ["woman_timeline", "plan", "needs", "contact_new", "woman_edit", "justice"]:
        response = partner_client.get(reverse(f"casework:{name}", args=[woman.pk]))
        assert response.status_code == 403, name


def test_involved_partner_without_an_agreement_gets_the_card(partner_client, partner, woman):
    # Issue 10, hole 5: no sharing agreement, nothing of her record (she may still log).
    AllocationFactory(woman=woman, worker=partner, agency="Housing Options")
    response = partner_client.get(record(woman))
    assert b"Front-desk card" in response.content
    assert b"Log a contact" in response.content
    assert partner_client.get(reverse("casework:plan", args=[woman.pk])).status_code == 403


def test_involved_key_worker_gets_full_record(other_key_worker, woman):
    AllocationFactory(woman=woman, worker=other_key_worker)
    client = client_for(other_key_worker)
    assert b"Log a contact" in client.get(record(woman)).content
    assert client.get(reverse("casework:plan", args=[woman.pk])).status_code == 200


def test_ended_involvement_removes_access(partner_client, partner, woman):
    AllocationFactory(woman=woman, worker=partner, ended_at=timezone.now())
    assert b"Front-desk card" in partner_client.get(record(woman)).content


@pytest.mark.parametrize("client_name", ["volunteer_client", "steering_client"])
def test_volunteers_and_steering_never_reach_casework(request, client_name, woman):
    client = request.getfixturevalue(client_name)
    for url in [reverse("casework:caseload"), record(woman), reverse("casework:directory")]:
        assert client.get(url).status_code == 403


def test_another_centres_woman_is_404(outsider_client, key_worker_client, woman, foreign_woman):
    assert outsider_client.get(record(woman)).status_code == 404
    assert key_worker_client.get(record(foreign_woman)).status_code == 404
    assert (
        key_worker_client.post(reverse("casework:contact_new", args=[foreign_woman.pk]), {})
    ).status_code == 404


def test_break_the_glass_gives_time_limited_access_and_tells_the_manager(
    partner_client, partner, manager, woman, django_capture_on_commit_callbacks
):
    url = reverse("casework:break_glass", args=[woman.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = partner_client.post(url, {"reason": "She is here and upset; Kate is off sick."})
    assert response.status_code == 302
    grant = BreakGlass.objects.get(woman=woman, worker=partner)
    assert grant.expires_at > timezone.now()
    opened = partner_client.get(record(woman)).content
    assert b"Front-desk card" not in opened and b"Workers involved" in opened
    assert b"Log a contact" not in opened  # read-only (issue 10, hole 2)
    event = AuditEvent.objects.get(action="casework.woman.break_glass")
    assert event.actor == partner and event.object_id == str(woman.pk)
    assert "Kate is off sick" in event.reason
    message = OutboxMessage.objects.get(purpose=services.BREAK_GLASS_PURPOSE)
    assert message.recipient == manager.email
    assert "Kate is off sick" in message.body
    # After it expires she is back to the card.
    BreakGlass.objects.filter(pk=grant.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert b"Front-desk card" in partner_client.get(record(woman)).content


def test_break_the_glass_needs_a_written_reason(partner_client, woman):
    response = partner_client.post(
        reverse("casework:break_glass", args=[woman.pk]), {"reason": "need"}
    )
    assert response.status_code == 200
    assert b"need" in response.content  # what she typed is kept
    assert not BreakGlass.objects.exists()


def test_restricted_note_only_for_author_key_worker_and_manager(
    centre, woman, partner, key_worker, manager, other_key_worker
):
    AllocationFactory(woman=woman, worker=partner)
    AllocationFactory(woman=woman, worker=other_key_worker)
    ContactFactory(woman=woman, worker=partner, note="Disclosed something private", restricted=True)
    url = reverse("casework:woman_timeline", args=[woman.pk])
    for user in (partner, key_worker, manager):
        assert b"Disclosed something private" in client_for(user).get(url).content
    response = client_for(other_key_worker).get(url)
    assert b"Disclosed something private" not in response.content
    assert b"Restricted note" in response.content
    assert (
        b"Disclosed something private"
        not in client_for(other_key_worker).get(record(woman)).content
    )


def test_every_view_writes_one_audit_event(key_worker_client, woman):
    before = AuditEvent.objects.count()
    key_worker_client.get(record(woman))
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.first()
    assert event.action == "casework.woman.view"
    assert event.object_type == "casework.woman" and event.object_id == str(woman.pk)


def test_every_edit_writes_an_audit_event(key_worker_client, woman):
    key_worker_client.post(
        reverse("casework:contact_new", args=[woman.pk]),
        {"contact_on": timezone.localdate().isoformat(), "contact_type": "phone", "note": "Hi"},
    )
    assert (
        AuditEvent.objects.filter(action="casework.contact.create", object_id=str(woman.pk)).count()
        == 1
    )


def test_manager_sees_who_looked(manager_client, key_worker_client, partner_client, woman):
    key_worker_client.get(record(woman))
    partner_client.get(record(woman))
    response = manager_client.get(reverse("casework:woman_viewers", args=[woman.pk]))
    assert response.status_code == 200
    assert b"casework.woman.view" in response.content
    assert b"casework.woman.card_view" in response.content


def test_who_looked_says_each_look_in_words(manager_client, key_worker, key_worker_client, woman):
    key_worker_client.get(record(woman))
    response = manager_client.get(reverse("casework:woman_viewers", args=[woman.pk]))
    name = key_worker.get_short_name() or key_worker.username
    assert f"{name} read {woman.first_name}".encode() in response.content


def test_who_looked_goes_back_to_the_first_look_fifty_at_a_time(manager_client, key_worker, woman):
    """Every look is there to find, however many (the page once showed the newest 200 only)."""
    start = timezone.now() - timedelta(days=700)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=key_worker,
            centre=woman.centre,
            action="casework.woman.view",
            object_type="casework.woman",
            object_id=str(woman.pk),
            woman_id=woman.pk,
            created_at=start + timedelta(days=n),
            reason=f"look {n}",
        )
        for n in range(230)
    )
    url = reverse("casework:woman_viewers", args=[woman.pk])
    first = manager_client.get(url)
    assert len(first.context["said"]) == 50
    newest = [item.event.reason for item in first.context["said"][:2]]
    assert newest == ["", "look 229"]  # the manager's own look at this page first
    assert b"Page 1 of 5" in first.content
    last = manager_client.get(url, {"page": 5})
    reasons = [item.event.reason for item in last.context["said"]]
    assert reasons[-1] == "look 0" and len(reasons) == 32  # 230, and her two looks at the page


def test_who_looked_is_manager_only(key_worker_client, woman):
    assert (
        key_worker_client.get(reverse("casework:woman_viewers", args=[woman.pk])).status_code == 403
    )
