"""Sign-in: throttling, no account discovery, the second factor, idle sign-out, session rotation."""

import time

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from centre.middleware import SESSION_LAST_SEEN_KEY
from centre.models import AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_sign_in_works_and_rotates_the_session_key(key_worker):
    client = Client()
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    response = _login(client, key_worker.username, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.session.session_key != before
    assert client.get(reverse("home")).status_code == 200


def test_wrong_password_and_unknown_user_look_the_same(key_worker):
    wrong = _login(Client(), key_worker.username, "not-the-password")
    unknown = _login(Client(), "nobody-by-this-name", "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    for response in (wrong, unknown):
        assert "did not match" in response.content.decode()


def test_an_overlong_username_gets_the_usual_message_not_a_server_error(key_worker):
    # Longer than any username, and than the lock-out's record of attempts can hold.
    response = Client().post(reverse("login"), {"username": "k" * 300, "password": "x"})
    assert response.status_code == 200
    assert "That username and password did not match" in response.content.decode()


def test_failed_sign_ins_lock_the_username_real_or_not(key_worker, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for username in (key_worker.username, "ghost-user"):
        client = Client()
        responses = [_login(client, username, "wrong-password-1") for _ in range(4)]
        assert [r.status_code for r in responses[:2]] == [200, 200]
        assert responses[-1].status_code == 429
        assert "Too many tries" in responses[-1].content.decode()
    # Even the right password is refused while locked, and looks the same as a ghost's lock-out.
    locked = _login(Client(), key_worker.username, PASSWORD)
    assert locked.status_code == 429


def test_lockout_is_per_username_not_per_address(key_worker, other_key_worker, settings):
    """Staff at one centre share a public address: one person's typos must not lock the team out
    (the lock is on the username and address together)."""
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        _login(Client(), key_worker.username, "wrong-password-1")
    assert _login(Client(), other_key_worker.username, PASSWORD).status_code == 302


@override_settings(REQUIRE_2FA=True)
def test_with_2fa_on_a_password_alone_reaches_nothing(key_worker):
    client = Client()
    assert _login(client, key_worker.username, PASSWORD).status_code == 302
    for url in (
        reverse("home"),
        reverse("casework:caseload"),
        reverse("audit_log"),
        reverse("password_change"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("two_factor"), url


@override_settings(REQUIRE_2FA=True)
def test_2fa_setup_then_a_real_code_lets_her_in(key_worker):
    client = Client()
    _login(client, key_worker.username, PASSWORD)
    page = client.get(reverse("two_factor"))
    assert "Scan this picture" in page.content.decode()
    device = TOTPDevice.objects.get(user=key_worker, confirmed=False)
    bad = client.post(
        reverse("two_factor"), {"token": "000000" if totp(device.bin_key) != 0 else "111111"}
    )
    assert "did not work" in bad.content.decode()
    assert client.get(reverse("home")).status_code == 302
    # django-otp slows down guessing after a wrong code; stand in for the wait.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("two_factor"), {"token": code})
    assert response.status_code == 302 and response.url == reverse("home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200
    assert AuditEvent.objects.filter(actor=key_worker, action="auth.second_factor").count() == 1


@override_settings(REQUIRE_2FA=True)
def test_2fa_next_url_cannot_send_her_off_site(key_worker):
    client = Client()
    _login(client, key_worker.username, PASSWORD)
    client.get(reverse("two_factor"))
    device = TOTPDevice.objects.get(user=key_worker)
    code = f"{totp(device.bin_key):06d}"
    response = client.post(reverse("two_factor") + "?next=https://evil.example/", {"token": code})
    assert response.url == reverse("home")


def test_idle_session_is_signed_out(key_worker, settings):
    client = Client()
    client.force_login(key_worker)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.get(reverse("home")).url.startswith(reverse("login"))  # really signed out


def test_keepalive_refreshes_the_idle_timer(key_worker, settings):
    client = Client()
    client.force_login(key_worker)
    client.get(reverse("home"))
    session = client.session
    session[SESSION_LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.post(reverse("session_keepalive")).json()["ok"] is True
    assert client.session[SESSION_LAST_SEEN_KEY] >= int(time.time()) - 2


def test_pages_carry_the_idle_warning_settings(key_worker_client, settings):
    html = key_worker_client.get(reverse("home")).content.decode()
    assert f'data-idle-seconds="{settings.SESSION_IDLE_SECONDS}"' in html
    assert 'data-idle-warning-seconds="120"' in html


def test_sign_out_needs_a_post_and_ends_the_session(key_worker_client):
    assert key_worker_client.get(reverse("logout")).status_code == 405
    key_worker_client.post(reverse("logout"))
    assert key_worker_client.get(reverse("home")).status_code == 302


def test_signed_in_pages_are_not_cached(key_worker_client):
    response = key_worker_client.get(reverse("home"))
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_password_reset_goes_through_the_outbox_once(
    key_worker, mailoutbox, django_capture_on_commit_callbacks
):
    from centre.models import OutboxMessage

    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("password_reset"), {"email": key_worker.email})
    assert response.status_code == 302
    message = OutboxMessage.objects.get(purpose="password_reset")
    assert message.status == OutboxMessage.Status.SENT
    assert len(mailoutbox) == 1 and "/accounts/password/reset/" in mailoutbox[0].body
    # An unknown address looks the same and sends nothing.
    assert (
        Client().post(reverse("password_reset"), {"email": "nobody@example.org"}).status_code == 302
    )
    assert OutboxMessage.objects.count() == 1


def test_member_of_two_centres_can_switch(key_worker, other_centre, key_worker_client):
    from centre.models import Membership
    from centre.roles import Role

    Membership.objects.create(user=key_worker, centre=other_centre, role=Role.MANAGER)
    response = key_worker_client.post(reverse("centre_choose"), {"centre": other_centre.pk})
    assert response.status_code == 302
    page = key_worker_client.get(reverse("home")).content.decode()
    assert "Centre manager at Other Centre" in page


def test_cannot_switch_to_a_centre_she_does_not_belong_to(key_worker_client, other_centre):
    key_worker_client.post(reverse("centre_choose"), {"centre": other_centre.pk})
    assert "Other Centre" not in key_worker_client.get(reverse("home")).content.decode()


def test_until_she_chooses_she_works_in_the_centre_she_joined_first(key_worker, centre):
    from centre.models import Membership
    from centre.roles import Role
    from tests.factories import CentreFactory

    earlier_name = CentreFactory(name="Aardvark Centre", slug="aardvark")
    Membership.objects.create(user=key_worker, centre=earlier_name, role=Role.MANAGER)
    client = Client()
    client.force_login(key_worker)
    assert client.get(reverse("home")).context["request"].centre == centre
