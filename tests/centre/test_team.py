"""Managers run their team and centre settings without needing a superuser."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from centre.models import AuditEvent, Invitation, Membership, OutboxMessage, User
from centre.roles import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_manager_invites_a_new_key_worker_who_gets_an_email_with_a_link(
    manager_client, centre, mailoutbox, django_capture_on_commit_callbacks
):
    data = {"email": "n@example.org", "role": Role.KEY_WORKER}
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("team_invite"), data)
    assert response.status_code == 302
    assert not User.objects.filter(email="n@example.org").exists()  # nobody until she accepts
    message = OutboxMessage.objects.get(purpose="team_invitation")
    assert message.status == OutboxMessage.Status.SENT
    assert "/accounts/invitation/" in message.body and centre.name in message.subject
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["n@example.org"]
    invitation = Invitation.objects.get(email="n@example.org")
    assert AuditEvent.objects.filter(action="team.invite", object_id=str(invitation.pk)).exists()


def test_partner_needs_an_agency_and_bad_input_is_kept(manager_client):
    data = {"email": "nope", "role": Role.PARTNER, "agency": "  "}
    response = manager_client.post(reverse("team_invite"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Say which agency" in html and "valid email" in html
    assert 'value="nope"' in html  # what she typed is kept
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_the_old_link(manager_client):
    for _ in range(2):
        manager_client.post(reverse("team_invite"), {"email": "n@example.org", "role": "volunteer"})
    assert Invitation.objects.pending().count() == 1
    assert Invitation.objects.filter(withdrawn_at__isnull=False).count() == 1


def test_manager_withdraws_an_invitation(manager_client, outsider_client, centre, other_centre):
    manager_client.post(reverse("team_invite"), {"email": "n@example.org", "role": "volunteer"})
    invitation = Invitation.objects.get()
    url = reverse("team_invitation_withdraw", args=[invitation.pk])
    assert outsider_client.post(url).status_code == 404  # another centre's manager
    assert manager_client.post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None and not invitation.is_pending


def test_changing_a_role_ends_her_sessions(manager_client, key_worker, centre):
    her = Client()
    her.force_login(key_worker)
    assert her.get(reverse("home")).status_code == 200
    membership = Membership.objects.get(user=key_worker, centre=centre)
    response = manager_client.post(
        reverse("team_edit", args=[membership.pk]), {"role": Role.VOLUNTEER, "agency": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.VOLUNTEER
    assert her.get(reverse("home")).status_code == 302  # signed out


def test_removing_access_signs_her_out_and_she_cannot_sign_back_in_here(
    manager_client, key_worker, centre
):
    her = Client()
    her.force_login(key_worker)
    membership = Membership.objects.get(user=key_worker, centre=centre)
    manager_client.post(reverse("team_access", args=[membership.pk]), {"action": "deactivate"})
    assert her.get(reverse("home")).status_code == 302
    again = Client()
    again.post(reverse("login"), {"username": key_worker.username, "password": PASSWORD})
    assert again.get(reverse("home")).status_code == 403  # no active membership anywhere
    manager_client.post(reverse("team_access", args=[membership.pk]), {"action": "reactivate"})
    assert again.get(reverse("home")).status_code == 200
    actions = list(
        AuditEvent.objects.filter(object_id=str(key_worker.pk)).values_list("action", flat=True)
    )
    assert "team.deactivate" in actions and "team.reactivate" in actions


def test_a_manager_cannot_lock_herself_out(manager_client, manager, centre):
    membership = Membership.objects.get(user=manager, centre=centre)
    manager_client.post(reverse("team_access", args=[membership.pk]), {"action": "deactivate"})
    membership.refresh_from_db()
    assert membership.is_active
    assert Session.objects.exists()


def test_another_centres_member_is_404(manager_client, outsider, other_centre):
    membership = Membership.objects.get(user=outsider, centre=other_centre)
    assert manager_client.get(reverse("team_edit", args=[membership.pk])).status_code == 404
    assert manager_client.post(reverse("team_access", args=[membership.pk])).status_code == 404


def test_team_page_lists_members_in_a_fixed_number_of_queries(
    manager_client, centre, django_assert_max_num_queries
):
    from tests.factories import member

    for n in range(30):
        member(centre, Role.KEY_WORKER, f"kw{n}")
    # The same however many: the page also reads whose sign-in she may reset, and invitations.
    with django_assert_max_num_queries(11):
        response = manager_client.get(reverse("team"))
    assert response.content.decode().count("Change role") >= 30


def test_only_managers_manage_the_team(key_worker_client, steering_client):
    for client in (key_worker_client, steering_client):
        assert client.get(reverse("team")).status_code == 403
        assert client.get(reverse("centre_settings")).status_code == 403


def test_centre_settings_change_thresholds_with_validation(manager_client, centre):
    data = {
        "name": centre.name,
        "target_women": 120,
        "caseload_warning_threshold": 16,
        "not_heard_from_days": 10,
        "suggestion_response_days": 21,
        "duty_manager_email": "duty@example.org",
        "break_glass_ends_at": "18:00",
    }
    assert manager_client.post(reverse("centre_settings"), data).status_code == 302
    centre.refresh_from_db()
    assert (centre.target_women, centre.not_heard_from_days) == (120, 10)
    assert centre.break_glass_ends_at == datetime.time(18, 0)
    bad = manager_client.post(
        reverse("centre_settings"), {**data, "not_heard_from_days": 0, "target_women": "lots"}
    )
    html = bad.content.decode()
    assert "greater than or equal to 1" in html and "Enter a whole number" in html
    centre.refresh_from_db()
    assert centre.not_heard_from_days == 10


def test_manager_resets_a_lost_sign_in_app(manager_client, key_worker, centre):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=key_worker, name="phone", confirmed=True)
    her = Client()
    her.force_login(key_worker)
    membership = Membership.objects.get(user=key_worker, centre=centre)
    assert "Reset sign-in app" in manager_client.get(reverse("team")).content.decode()
    response = manager_client.post(reverse("team_second_factor_reset", args=[membership.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=key_worker).exists()
    assert her.get(reverse("home")).status_code == 302  # signed out
    assert AuditEvent.objects.filter(
        action="team.reset_second_factor", object_id=str(key_worker.pk)
    ).exists()


def test_a_manager_cannot_reset_her_own_sign_in_app(manager_client, manager, centre):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    membership = Membership.objects.get(user=manager, centre=centre)
    manager_client.post(reverse("team_second_factor_reset", args=[membership.pk]))
    assert TOTPDevice.objects.filter(user=manager).exists()
