"""Issue 10: the holes in the record's access, each shown to be open on the old code first."""

import datetime
import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.access import Grounds, break_glass_ends_at
from casework.models import Alert, Allocation, BreakGlass, Consent, Need, Referral, Woman
from centre.models import AuditEvent, Membership, OutboxMessage
from tests.conftest import client_for

from .factories import AgencyFactory, AlertFactory, AllocationFactory, WomanFactory
from .pages import record, sharing_agreement

pytestmark = pytest.mark.django_db

REASON = "She is at the desk in distress and Kate is off sick today."


def grant_glass(user, woman, *, minutes=60):
    return BreakGlass.objects.create(
        woman=woman,
        worker=user,
        reason=REASON,
        expires_at=timezone.now() + timedelta(minutes=minutes),
    )


# --- Hole 2: break the glass never turns into lasting access ----------------------------------


def test_break_glass_cannot_add_herself_to_the_team(other_key_worker, woman):
    grant_glass(other_key_worker, woman)
    response = client_for(other_key_worker).post(
        record(woman, "casework:woman_involve"),
        {"worker": other_key_worker.pk, "reason": "Helping out"},
    )
    assert response.status_code == 403
    assert not Allocation.objects.filter(woman=woman, worker=other_key_worker).exists()


def test_break_glass_is_read_only(other_key_worker, woman):
    grant_glass(other_key_worker, woman)
    client = client_for(other_key_worker)
    assert client.get(record(woman)).status_code == 200
    read = AuditEvent.objects.get(action="casework.woman.view")
    assert read.grounds == Grounds.BREAK_GLASS and read.woman_id == woman.pk
    assert REASON in read.reason and "until" in read.reason
    response = client.post(record(woman, "casework:woman_stage"), {"stage": "lighter_touch"})
    assert response.status_code == 403
    woman.refresh_from_db()
    assert woman.stage == "intensive"


def test_a_team_member_who_is_not_her_key_worker_cannot_change_the_team(
    other_key_worker, partner, woman
):
    AllocationFactory(woman=woman, worker=other_key_worker)
    response = client_for(other_key_worker).post(
        record(woman, "casework:woman_involve"), {"worker": partner.pk, "reason": "Housing"}
    )
    assert response.status_code == 403
    assert not Allocation.objects.filter(woman=woman, worker=partner).exists()


def test_her_key_worker_changes_the_team_audited_and_the_manager_told(
    key_worker_client, other_key_worker, manager, woman, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = key_worker_client.post(
            record(woman, "casework:woman_involve"),
            {"worker": other_key_worker.pk, "reason": "Covering groups"},
        )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="casework.woman.involve")
    assert event.woman_id == woman.pk
    message = OutboxMessage.objects.get(purpose=services.RECORD_ACCESS_PURPOSE)
    assert message.recipient == manager.email
    assert str(other_key_worker) in message.body
    assert "Ailsa" not in message.body and "Ailsa" not in message.subject  # no name in email


def test_break_glass_lasts_until_the_centre_end_of_working_day(centre, other_key_worker, woman):
    centre.break_glass_ends_at = datetime.time(23, 59)
    centre.save()
    grant = services.break_glass_grant(woman=woman, worker=other_key_worker, reason=REASON)
    assert grant.expires_at == break_glass_ends_at(centre, grant.granted_at)
    assert timezone.localtime(grant.expires_at).time() == datetime.time(23, 59)


def test_after_the_working_day_a_grant_lasts_an_hour(centre):
    centre.break_glass_ends_at = datetime.time(9, 0)
    late = timezone.make_aware(datetime.datetime(2026, 12, 4, 20, 0))
    assert break_glass_ends_at(centre, late) == late + timedelta(hours=1)


# --- Hole 3: referrals are read by those who triage, then under the record policy --------------


def _referral(centre, **extra):
    return Referral.objects.create(
        centre=centre,
        first_name="Rhona",
        last_name="Referred",
        referred_on=timezone.localdate(),
        source=Referral.Source.COURT,
        justice_involvement="SENTINEL-OFFENCE",
        vulnerability="Needs support",
        **extra,
    )


def test_a_key_worker_not_on_duty_cannot_read_a_pending_referral(key_worker_client, centre):
    referral = _referral(centre)
    assert (
        key_worker_client.get(reverse("casework:referral", args=[referral.pk])).status_code == 403
    )
    listing = key_worker_client.get(reverse("casework:referrals"))
    assert b"Rhona" not in listing.content


def test_a_key_worker_on_referral_duty_reads_pending_referrals(key_worker, centre):
    Membership.objects.filter(user=key_worker, centre=centre).update(triages_referrals=True)
    referral = _referral(centre)
    response = client_for(key_worker).get(reverse("casework:referral", args=[referral.pk]))
    assert response.status_code == 200 and b"SENTINEL-OFFENCE" in response.content
    event = AuditEvent.objects.get(action="casework.referral.view")
    assert event.grounds == Grounds.TRIAGE


def test_an_allocated_referral_is_under_her_record_and_logged_against_her(
    key_worker_client, other_key_worker, woman, centre
):
    referral = _referral(centre, woman=woman, decision=Referral.Decision.ACCEPTED)
    url = reverse("casework:referral", args=[referral.pk])
    assert client_for(other_key_worker).get(url).status_code == 403
    assert key_worker_client.get(url).status_code == 200
    event = AuditEvent.objects.get(action="casework.referral.view")
    assert event.woman_id == woman.pk and event.grounds == Grounds.ALLOCATED


# --- Hole 4: the front-desk card never names the other woman -----------------------------------


def test_card_says_do_not_seat_without_naming_her(other_key_worker, woman, centre):
    other = WomanFactory(centre=centre, first_name="Morven")
    AlertFactory(woman=woman, kind=Alert.Kind.NOT_WITH, other_woman=other, detail="SENTINEL-WHY")
    response = client_for(other_key_worker).get(record(woman))
    assert b"Front-desk card" in response.content
    assert b"Morven" not in response.content and b"SENTINEL-WHY" not in response.content
    assert b"do not seat with another woman: ask a key worker" in response.content


def test_the_record_names_her_only_to_who_may_see_both(key_worker_client, woman, centre):
    other = WomanFactory(centre=centre, first_name="Morven")
    AlertFactory(woman=woman, kind=Alert.Kind.NOT_WITH, other_woman=other, detail="SENTINEL-WHY")
    response = key_worker_client.get(record(woman))
    assert b"Morven" not in response.content and b"SENTINEL-WHY" not in response.content
    assert b"do not seat with another woman: ask a key worker" in response.content
    other.key_worker = woman.key_worker
    other.save()
    assert b"SENTINEL-WHY" in key_worker_client.get(record(woman)).content


# --- Hole 5: a partner sees only what a live agreement covers ----------------------------------


@pytest.fixture
def involved_partner(woman, partner, centre):
    AllocationFactory(woman=woman, worker=partner, agency="Housing Options")
    Need.objects.create(woman=woman, domain="housing", her_view="SENTINEL-NEED")
    return partner


def test_no_agreement_no_record(involved_partner, woman):
    response = client_for(involved_partner).get(record(woman))
    assert b"Front-desk card" in response.content
    assert client_for(involved_partner).get(record(woman, "casework:needs")).status_code == 403


def test_agreement_limits_the_parts(involved_partner, woman, centre):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    Consent.objects.create(
        woman=woman, agency=agency, shares=["contacts"], review_on=timezone.localdate()
    )
    client = client_for(involved_partner)
    assert client.get(record(woman)).status_code == 200
    assert client.get(record(woman, "casework:plan")).status_code == 403
    assert b"SENTINEL-NEED" not in client.get(record(woman, "casework:needs")).content


def test_an_ended_agreement_shares_nothing(involved_partner, woman, centre):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    Consent.objects.create(
        woman=woman,
        agency=agency,
        shares=["plan", "contacts"],
        decided_on=timezone.localdate() - timedelta(days=30),
        review_on=timezone.localdate() - timedelta(days=1),
    )
    assert b"Front-desk card" in client_for(involved_partner).get(record(woman)).content


# --- Smaller ones (9) -------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["\u200b" * 30, " \u200b\u200c\u200d\ufeff" * 8, "\u2060" * 40])
def test_break_glass_reason_of_invisible_characters_is_refused(other_key_worker, woman, reason):
    response = client_for(other_key_worker).post(
        record(woman, "casework:break_glass"), {"reason": reason}
    )
    assert response.status_code == 200
    assert b"Write why you need the record" in response.content
    assert not BreakGlass.objects.exists()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_photo_view_is_audited_and_a_replaced_photo_leaves_the_disk(
    key_worker, woman, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    woman.photo.save("first.png", SimpleUploadedFile("first.png", PNG), save=True)
    old_path = woman.photo.path
    client = client_for(key_worker)
    assert client.get(record(woman, "casework:woman_photo")).status_code == 200
    event = AuditEvent.objects.get(action="casework.woman.photo_view")
    assert event.woman_id == woman.pk and event.grounds == Grounds.ALLOCATED
    with django_capture_on_commit_callbacks(execute=True):
        services.woman_update(
            woman=Woman.objects.get(pk=woman.pk),
            expected_version=Woman.objects.get(pk=woman.pk).version,
            data={"photo": SimpleUploadedFile("second.png", PNG)},
            by=key_worker,
        )
    woman.refresh_from_db()
    assert woman.photo.name and woman.photo.path != old_path
    assert not os.path.exists(old_path)


def test_recording_a_sharing_decision_tells_the_manager(
    key_worker_client, manager, woman, centre, django_capture_on_commit_callbacks
):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    with django_capture_on_commit_callbacks(execute=True):
        response = key_worker_client.post(
            record(woman, "casework:consents"),
            sharing_agreement(
                agency,
                shares=["contacts"],
                review_on=(timezone.localdate() + timedelta(days=90)).isoformat(),
            ),
        )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(purpose=services.RECORD_ACCESS_PURPOSE)
    assert message.recipient == manager.email and "Housing Options" in message.body


def test_an_agreement_needs_an_end_date(key_worker_client, woman, centre):
    agency = AgencyFactory(centre=centre, name="Housing Options")
    response = key_worker_client.post(
        record(woman, "casework:consents"),
        sharing_agreement(agency, shares=["contacts"]),
    )
    assert response.status_code == 200
    assert b"Give the date her agreement ends" in response.content
    assert not Consent.objects.exists()
