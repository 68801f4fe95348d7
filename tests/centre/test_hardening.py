"""The platform parts of issue 10's smaller holes: links from the configured site address, NUL
bytes in searches, lock-out by username and address, and the Permissions-Policy header."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from centre.middleware import client_address
from centre.models import OutboxMessage
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_password_reset_link_ignores_a_forged_host(key_worker, settings):
    settings.SITE_URL = "https://centre.example.org"
    settings.ALLOWED_HOSTS = ["centre.example.org", "evil.example.com"]
    response = Client().post(
        reverse("password_reset"), {"email": key_worker.email}, HTTP_HOST="evil.example.com"
    )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(purpose="password_reset")
    for body in (message.body, message.html_body):
        assert "evil.example.com" not in body
        assert "https://centre.example.org/accounts/password/reset/" in body


SEARCHES = [
    ("audit_log", {"action": "team\x00"}),
    ("casework:search", {"q": "ann\x00"}),
    ("casework:directory", {"q": "hou\x00sing"}),
    ("suggestions:index", {"status": "\x00"}),
    ("activities:woman_search", {"q": "an\x00"}),
]


@pytest.mark.parametrize(("name", "query"), SEARCHES)
def test_a_nul_byte_in_a_search_gets_a_clear_message(manager_client, name, query):
    response = manager_client.get(reverse(name), query)
    assert response.status_code == 400
    assert "cannot be searched for" in response.content.decode()


def test_a_nul_byte_in_the_register_search_gets_a_clear_message(manager_client, centre):
    from tests.activities.factories import SessionFactory

    session = SessionFactory(activity__centre=centre)
    url = reverse("activities:register_search", args=[session.pk])
    response = manager_client.get(url, {"q": "\x00"})
    assert response.status_code == 400
    assert "cannot be searched for" in response.content.decode()


def test_a_nul_byte_in_a_parameter_name_is_refused_too(key_worker_client):
    response = key_worker_client.get(reverse("home") + "?a%00b=1")
    assert response.status_code == 400


def _sign_in(username, password, address):
    return Client(REMOTE_ADDR=address).post(
        reverse("login"), {"username": username, "password": password}
    )


def test_a_lock_from_one_address_leaves_her_able_to_sign_in_from_another(key_worker, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(4):
        _sign_in(key_worker.username, "wrong-password-1", "203.0.113.9")
    assert _sign_in(key_worker.username, PASSWORD, "203.0.113.9").status_code == 429
    assert _sign_in(key_worker.username, PASSWORD, "198.51.100.20").status_code == 302


def test_every_response_denies_powerful_browser_features(key_worker_client):
    for response in (Client().get(reverse("login")), key_worker_client.get(reverse("home"))):
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy


def test_the_invitation_link_ignores_a_forged_host(manager_client, settings):
    settings.SITE_URL = "https://centre.example.org"
    settings.ALLOWED_HOSTS = ["centre.example.org", "evil.example.com"]
    manager_client.post(
        reverse("team_invite"),
        {"email": "new@example.org", "role": "volunteer"},
        HTTP_HOST="evil.example.com",
    )
    message = OutboxMessage.objects.get(purpose="team_invitation")
    for body in (message.body, message.html_body):
        assert "evil.example.com" not in body
        assert "https://centre.example.org/accounts/invitation/" in body


def test_behind_the_proxy_the_lock_out_uses_the_address_the_proxy_saw(settings):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7", REMOTE_ADDR="172.18.0.2"
    )
    assert client_address(request) == "203.0.113.7"  # the client's own claim is ignored
    settings.BEHIND_PROXY = False
    assert client_address(request) == "172.18.0.2"
