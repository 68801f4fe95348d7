"""Drill: Redis stops while the centre is working.

Staff pages, logging a contact and the tablet's suggestion box keep working on PostgreSQL alone;
the health page says the broker is down; and every message that fell due while Redis was away
(mixed kinds, email and text) goes out exactly once when it returns, counted in what the real
workers' mail and text backends received.
"""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from casework.models import Contact
from centre.messaging import EMAIL, SMS, get_kind, message_queue
from centre.models import OutboxMessage
from centre.tasks import outbox_message_send_task, outbox_send_due_task
from coproduction.suggestions.models import Suggestion
from tests.conftest import client_for, wait_for
from tests.url_matrix.rows_coproduction import tablet_client

from .conftest import delivered

pytestmark = [pytest.mark.drill, pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _redis_cache(url):
    # As in production settings, with a short timeout so an outage costs each page little.
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "centre",
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }


def _queue_mixed(world, send_at):
    """One message of each kind and channel, due at `send_at`."""
    queued = []
    for kind in ("appointment_reminder", "meeting_reminder", "session_reminder", "break_glass"):
        for channel in sorted(get_kind(kind).channels):
            recipient = "+447700900001" if channel == SMS else "someone@example.org"
            message, _ = message_queue(
                kind=kind,
                channel=channel,
                recipient=recipient,
                context=get_kind(kind).example,
                reference=f"drill:{kind}",
                centre=world.centre,
                send_at=send_at,
            )
            queued.append(message)
    assert {m.channel for m in queued} == {EMAIL, SMS}
    return queued


def _statuses(messages):
    pks = [m.pk for m in messages]
    return set(OutboxMessage.objects.filter(pk__in=pks).values_list("status", flat=True))


def test_with_redis_stopped_work_goes_on_and_due_messages_go_once_when_it_returns(
    world, private_redis, celery_workers, tmp_path
):
    key_worker = client_for(world.people["key_worker"])
    woman = world.woman
    celery_workers(2)
    with override_settings(REDIS_URL=private_redis.url, CACHES=_redis_cache(private_redis.url)):
        assert Client().get("/healthz").json()["broker"] == "ok"
        fall_due = timezone.now() + timedelta(seconds=3)
        queued = _queue_mixed(world, fall_due)

        private_redis.stop()
        assert Client().get("/healthz").json() == {"database": "ok", "broker": "down"}
        for url in (
            reverse("home"),
            reverse("casework:caseload"),
            reverse("casework:woman", args=[woman.pk]),
            reverse("casework:contact_new", args=[woman.pk]),
        ):
            assert key_worker.get(url).status_code == 200, url
        response = key_worker.post(
            reverse("casework:contact_new", args=[woman.pk]),
            {
                "contact_on": timezone.localdate().isoformat(),
                "contact_type": "phone",
                "note": "Rang her while Redis was down",
            },
        )
        assert response.status_code == 302
        assert Contact.objects.filter(woman=woman, note="Rang her while Redis was down").exists()
        tablet = tablet_client(world, Client())
        response = tablet.post(
            reverse("kiosk:idea"),
            {"about": "food", "text": "Soup while Redis is down", "name_choice": "anonymous"},
        )
        assert response.status_code == 200
        assert Suggestion.objects.filter(text="Soup while Redis is down").exists()
        # A message due now while the broker is down: the request succeeds, the row waits.
        response = Client().post(
            reverse("password_reset"), {"email": world.people["manager"].email}
        )
        assert response.status_code == 302
        reset = OutboxMessage.objects.get(purpose="password_reset")
        queued.append(reset)

        # Everything falls due while Redis is still away, and nothing is sent.
        assert wait_for(lambda: timezone.now() > fall_due + timedelta(seconds=1), timeout=10)
        assert not delivered(tmp_path)
        assert _statuses(queued) == {"queued"}

        private_redis.start()  # the same port: the workers reconnect by themselves
        assert Client().get("/healthz").json()["broker"] == "ok"
        # Beat's every-minute task, asked twice, and a stray direct send of every message.
        outbox_send_due_task.delay()
        outbox_send_due_task.delay()
        for message in queued:
            outbox_message_send_task.delay(message.pk)
        expected = {f"outbox-{m.pk}" for m in queued}
        assert wait_for(lambda: set(delivered(tmp_path)) == expected, timeout=90), (
            f"sent {sorted(delivered(tmp_path))}, expected {sorted(expected)}"
        )
        # Give the workers time to (wrongly) send again, then count once more.
        outbox_send_due_task.delay()
        assert not wait_for(lambda: max(delivered(tmp_path).values()) > 1, timeout=3)
        assert delivered(tmp_path) == dict.fromkeys(expected, 1)
        assert _statuses(queued) == {"sent"}
