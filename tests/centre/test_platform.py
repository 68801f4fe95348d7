"""Health check, audit log, home pages, error pages."""

import pytest
from django.test import Client
from django.urls import reverse

from centre.audit import audit_log
from centre.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(settings):
    settings.REDIS_URL = ""
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager"}


def test_healthz_stays_up_with_the_broker_down(settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json()["broker"] == "down"


def test_healthz_with_a_live_broker(private_redis, settings):
    settings.REDIS_URL = private_redis.url
    assert Client().get("/healthz").json()["broker"] == "ok"


def test_audit_events_are_append_only(manager, centre):
    event = audit_log(
        actor=manager, action="test.view", centre=centre, object_type="thing", object_id="1"
    )
    event.reason = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_audit_events_cannot_be_changed_even_in_sql(manager, centre):
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's")
    event = audit_log(actor=manager, action="test.view", centre=centre)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE centre_auditevent SET reason = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM centre_auditevent WHERE id = %s", [event.pk])


def test_manager_searches_the_audit_log(manager_client, manager, key_worker, centre, other_centre):
    audit_log(
        actor=key_worker,
        action="casework.woman.view",
        centre=centre,
        object_type="casework.woman",
        object_id="42",
    )
    audit_log(
        actor=key_worker,
        action="casework.woman.view",
        centre=centre,
        object_type="casework.woman",
        object_id="43",
    )
    audit_log(
        actor=key_worker,
        action="casework.woman.view",
        centre=other_centre,
        object_type="casework.woman",
        object_id="42",
    )
    response = manager_client.get(
        reverse("audit_log"), {"object_type": "casework.woman", "object_id": "42"}
    )
    rows = response.context["page"].object_list
    assert [e.object_id for e in rows] == ["42"] and rows[0].centre == centre
    # The search itself is audited.
    assert AuditEvent.objects.filter(actor=manager, action="audit.search").count() == 1


def test_audit_search_rejects_backwards_dates(manager_client):
    response = manager_client.get(
        reverse("audit_log"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert "must be on or after" in response.content.decode()


def test_audit_log_query_budget(manager_client, manager, centre, django_assert_max_num_queries):
    for n in range(60):
        audit_log(actor=manager, action="x.view", centre=centre, object_type="t", object_id=str(n))
    with django_assert_max_num_queries(14):
        manager_client.get(reverse("audit_log"))


def test_audit_log_is_managers_only(key_worker_client, steering_client):
    assert key_worker_client.get(reverse("audit_log")).status_code == 403
    assert steering_client.get(reverse("audit_log")).status_code == 403


def test_home_shows_each_role_what_it_can_do(manager_client, key_worker_client, steering_client):
    manager_home = manager_client.get(reverse("home")).content.decode()
    assert "Audit log" in manager_home and "Caseload" in manager_home
    assert "Caseload" in key_worker_client.get(reverse("home")).content.decode()
    steering_home = steering_client.get(reverse("home")).content.decode()
    assert "Caseload" not in steering_home and "Audit log" not in steering_home


def test_unknown_page_is_a_friendly_404(key_worker_client, settings):
    settings.DEBUG = False
    response = key_worker_client.get("/no-such-page/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_403_page_is_friendly(steering_client):
    response = steering_client.get(reverse("casework:caseload"))
    assert response.status_code == 403 and "ask your centre manager" in response.content.decode()


def test_signed_in_person_without_a_membership_is_refused(db):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    assert client.get(reverse("home")).status_code == 403


def test_500_page_renders_without_a_database():
    from centre.views import error_500

    response = error_500(None)
    assert response.status_code == 500 and b"something went wrong" in response.content
