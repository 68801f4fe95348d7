"""Hole 1 (issue 10): a manager invites people by email; she never attaches an existing account.

An existing account joins only when its owner accepts while signed in. Resetting a sign-in app or
ending someone's sessions is for people whose every active membership is in centres this manager
manages; anyone else is an organisation administrator's (a superuser's) action.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_otp.plugins.otp_totp.models import TOTPDevice

from centre.models import AuditEvent, Invitation, Membership, OutboxMessage, User
from centre.roles import Role
from tests.factories import PASSWORD, UserFactory, member

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-brand-new-password-for-nadia"


def _invite(client, email, role=Role.KEY_WORKER, **extra):
    return client.post(reverse("team_invite"), {"email": email, "role": role, **extra})


def _link_in(message):
    return re.search(r"https?://\S+/accounts/invitation/[\w-]+/", message.body).group(0)


def test_inviting_an_existing_account_does_not_make_her_a_member(manager_client, outsider, centre):
    # The old form took a username and attached that person at once; now only an email works.
    response = _invite(manager_client, outsider.email, username=outsider.username)
    assert response.status_code == 302
    assert not Membership.objects.filter(user=outsider, centre=centre).exists()
    invitation = Invitation.objects.get(centre=centre, email=outsider.email)
    assert invitation.accepted_at is None
    assert OutboxMessage.objects.filter(
        purpose="team_invitation", recipient=outsider.email
    ).exists()
    assert AuditEvent.objects.filter(action="team.invite", centre=centre).exists()


def test_no_team_url_takes_a_username(manager_client, outsider, centre):
    data = {"username": outsider.username, "email": "x@example.org", "role": Role.MANAGER}
    data.update(first_name="O", last_name="S")
    for name in ("team_invite", "team", "centre_settings"):
        manager_client.post(reverse(name), data)
    assert not Membership.objects.filter(user=outsider, centre=centre).exists()


def test_an_existing_account_accepts_while_signed_in(
    manager_client, outsider, outsider_client, centre
):
    _invite(manager_client, outsider.email)
    page = outsider_client.get(reverse("my_invitations")).content.decode()
    assert escape(centre.name) in page
    invitation = Invitation.objects.get(email=outsider.email)
    response = outsider_client.post(
        reverse("invitation_respond", args=[invitation.pk]), {"action": "accept"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=outsider, centre=centre)
    assert membership.is_active and membership.role == Role.KEY_WORKER
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.accepted_by == outsider
    assert AuditEvent.objects.filter(action="team.invitation_accepted", actor=outsider).exists()


def test_declining_leaves_her_out_and_is_audited(manager_client, outsider, outsider_client, centre):
    _invite(manager_client, outsider.email)
    invitation = Invitation.objects.get(email=outsider.email)
    outsider_client.post(reverse("invitation_respond", args=[invitation.pk]), {"action": "decline"})
    assert not Membership.objects.filter(user=outsider, centre=centre).exists()
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert AuditEvent.objects.filter(action="team.invitation_declined", actor=outsider).exists()


def test_no_one_else_can_accept_her_invitation(manager_client, outsider, key_worker, centre):
    _invite(manager_client, outsider.email)
    invitation = Invitation.objects.get(email=outsider.email)
    someone_else = Client()
    someone_else.force_login(key_worker)
    url = reverse("invitation_respond", args=[invitation.pk])
    assert someone_else.post(url, {"action": "accept"}).status_code == 404
    assert not Membership.objects.filter(user=outsider, centre=centre).exists()


def test_the_link_for_an_existing_account_asks_her_to_sign_in(manager_client, outsider):
    _invite(manager_client, outsider.email)
    link = _link_in(OutboxMessage.objects.get(purpose="team_invitation"))
    response = Client().get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign in" in html and 'name="new_password1"' not in html


def test_a_new_person_sets_her_password_from_the_link(manager_client, centre, settings):
    settings.SITE_URL = "https://centre.example.org"
    _invite(manager_client, "nadia@example.org", role=Role.PARTNER, agency="Housing Options")
    message = OutboxMessage.objects.get(purpose="team_invitation")
    link = _link_in(message)
    assert link.startswith("https://centre.example.org/accounts/invitation/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get(email="nadia@example.org")
    assert token not in invitation.token_hash  # only a hash of the token is kept
    path = link.removeprefix("https://centre.example.org")
    form = {"username": "nrossi", "first_name": "Nadia", "last_name": "Rossi"}
    form.update(new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    response = Client().post(path, form)
    assert response.status_code == 302
    user = User.objects.get(username="nrossi")
    assert user.email == "nadia@example.org" and user.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(user=user, centre=centre)
    assert (membership.role, membership.agency) == (Role.PARTNER, "Housing Options")
    again = Client().get(path)
    assert "no longer" in again.content.decode()  # the link works once


def test_a_taken_username_is_refused_and_what_she_typed_is_kept(manager_client, key_worker):
    _invite(manager_client, "nadia@example.org")
    path = _link_in(OutboxMessage.objects.get(purpose="team_invitation")).split("://", 1)[1]
    path = path[path.index("/") :]
    form = {"username": key_worker.username, "first_name": "Nadia", "last_name": "Rossi"}
    form.update(new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    response = Client().post(path, form)
    html = response.content.decode()
    assert response.status_code == 400 and "already taken" in html and 'value="Nadia"' in html
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_an_expired_invitation_cannot_be_used(manager_client, outsider, outsider_client, centre):
    _invite(manager_client, outsider.email)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    invitation = Invitation.objects.get(email=outsider.email)
    assert (
        escape(centre.name) not in outsider_client.get(reverse("my_invitations")).content.decode()
    )
    outsider_client.post(reverse("invitation_respond", args=[invitation.pk]), {"action": "accept"})
    assert not Membership.objects.filter(user=outsider, centre=centre).exists()


def test_the_team_page_lists_pending_invitations(manager_client):
    _invite(manager_client, "nadia@example.org")
    html = manager_client.get(reverse("team")).content.decode()
    assert "nadia@example.org" in html and "Invite someone" in html


def _in_two_centres(centre, other_centre):
    person = UserFactory(username="two_centres")
    Membership.objects.create(user=person, centre=centre, role=Role.KEY_WORKER)
    Membership.objects.create(user=person, centre=other_centre, role=Role.KEY_WORKER)
    TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    her = Client()
    her.force_login(person)
    return person, Membership.objects.get(user=person, centre=centre), her


def test_a_manager_cannot_reset_the_sign_in_app_of_someone_in_another_centre(
    manager_client, centre, other_centre
):
    person, membership, her = _in_two_centres(centre, other_centre)
    response = manager_client.post(
        reverse("team_second_factor_reset", args=[membership.pk]), follow=True
    )
    assert "organisation administrator" in response.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()
    assert her.get(reverse("home")).status_code == 200  # still signed in
    assert not AuditEvent.objects.filter(action="team.reset_second_factor").exists()


def test_removing_her_here_leaves_her_signed_in_at_her_other_centre(
    manager_client, centre, other_centre
):
    person, membership, her = _in_two_centres(centre, other_centre)
    manager_client.post(reverse("team_access", args=[membership.pk]), {"action": "deactivate"})
    membership.refresh_from_db()
    assert not membership.is_active
    response = her.get(reverse("home"))
    assert response.status_code == 200 and escape(other_centre.name) in response.content.decode()


def test_the_reset_is_audited_and_emailed_to_her(manager_client, key_worker, centre):
    TOTPDevice.objects.create(user=key_worker, name="phone", confirmed=True)
    membership = Membership.objects.get(user=key_worker, centre=centre)
    manager_client.post(reverse("team_second_factor_reset", args=[membership.pk]))
    assert not TOTPDevice.objects.filter(user=key_worker).exists()
    assert AuditEvent.objects.filter(
        action="team.reset_second_factor", object_id=str(key_worker.pk)
    ).exists()
    message = OutboxMessage.objects.get(purpose="second_factor_reset")
    assert message.recipient == key_worker.email and message.html_body


def test_ending_her_sessions_is_audited_and_emailed(manager_client, key_worker, centre):
    membership = Membership.objects.get(user=key_worker, centre=centre)
    manager_client.post(reverse("team_access", args=[membership.pk]), {"action": "deactivate"})
    assert AuditEvent.objects.filter(
        action="account.sessions_ended", object_id=str(key_worker.pk)
    ).exists()
    assert OutboxMessage.objects.filter(
        purpose="sessions_ended", recipient=key_worker.email
    ).exists()


def test_an_organisation_administrator_resets_anyone_from_the_admin(centre, other_centre):
    person, _membership, her = _in_two_centres(centre, other_centre)
    admin = User.objects.create_superuser("orgadmin", "admin@example.org", PASSWORD)
    client = Client()
    client.force_login(admin)
    response = client.post(
        reverse("admin:centre_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [person.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert her.get(reverse("home")).status_code == 302  # signed out everywhere
    assert AuditEvent.objects.filter(action="team.reset_second_factor", actor=admin).exists()
    assert OutboxMessage.objects.filter(purpose="second_factor_reset").exists()


def test_a_manager_of_both_centres_may_reset(centre, other_centre):
    person, membership, _her = _in_two_centres(centre, other_centre)
    boss = member(centre, Role.MANAGER, "boss_of_both")
    Membership.objects.create(user=boss, centre=other_centre, role=Role.MANAGER)
    client = Client()
    client.force_login(boss)
    client.post(reverse("team_second_factor_reset", args=[membership.pk]))
    assert not TOTPDevice.objects.filter(user=person).exists()


def test_someone_with_no_centre_yet_is_sent_to_her_invitations(manager_client, db):
    loner = UserFactory(username="between_jobs")
    _invite(manager_client, loner.email)
    client = Client()
    client.force_login(loner)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("my_invitations")


def test_a_member_sees_her_invitation_on_her_home_page(manager_client, outsider_client, outsider):
    _invite(manager_client, outsider.email)
    html = outsider_client.get(reverse("home")).content.decode()
    assert "invited to join another centre" in html and reverse("my_invitations") in html


def test_inviting_someone_already_on_the_team_says_so(manager_client, key_worker):
    response = _invite(manager_client, key_worker.email.upper(), role=Role.MANAGER)
    assert response.status_code == 400
    assert "already on the team" in response.content.decode()
    assert not Invitation.objects.exists()
