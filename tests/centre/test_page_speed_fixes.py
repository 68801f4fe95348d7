"""What `make bench` found slow and how it was fixed, held by tests that count queries and
check the pages still say the same (never timings)."""

import pytest
from django.db import connection
from django.urls import reverse

from casework.models import Stage, SupportPlan, Woman
from centre import views
from centre.labels import choice_label
from centre.models import AuditEvent
from coproduction.suggestions.models import Suggestion
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _events(centre, actor, n, action="casework.woman.view"):
    AuditEvent.objects.bulk_create(
        AuditEvent(centre=centre, actor=actor, action=action, object_type="casework.woman")
        for _ in range(n)
    )


def test_the_audit_search_pages_through_the_newest_events_only(
    centre, manager, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(views, "AUDIT_SEARCH_NEWEST", 60)
    _events(centre, manager, 70)
    client = client_for(manager)
    client.get(reverse("audit_log"))
    with django_assert_max_num_queries(9):
        first = client.get(reverse("audit_log"))
    assert first.context["page"].paginator.count == 60
    assert "These are the newest 60 events that match" in first.content.decode()
    last = client.get(reverse("audit_log"), {"page": 2})
    assert len(last.context["page"].object_list) == 10  # 60 in all, never the 61st
    assert not last.context["page"].has_next()


def test_the_audit_search_says_nothing_about_a_limit_under_it(centre, manager, other_centre):
    _events(centre, manager, 5)
    _events(other_centre, None, 30)  # another centre's history never counts
    response = client_for(manager).get(reverse("audit_log"), {"action": "casework.woman"})
    assert response.context["page"].paginator.count == 5
    assert "These are the newest" not in response.content.decode()


def test_the_audit_search_costs_the_same_with_more_history(
    centre, manager, django_assert_max_num_queries
):
    client = client_for(manager)
    _events(centre, manager, 5)
    client.get(reverse("audit_log"))
    _events(centre, manager, 300)
    with django_assert_max_num_queries(9):
        client.get(reverse("audit_log"), {"action": "casework"})


def test_a_choice_label_is_what_django_would_show(centre):
    for stage in Stage:
        woman = Woman(centre=centre, first_name="A", last_name="B", stage=stage)
        assert choice_label(woman, "stage") == woman.get_stage_display()
    unknown = Woman(centre=centre, stage="not-a-stage")
    assert choice_label(unknown, "stage") == "not-a-stage"
    suggestion = Suggestion(centre=centre, theme="")
    assert choice_label(suggestion, "theme") == suggestion.get_theme_display() == ""


def test_the_caseload_shows_labels_and_review_dates(
    centre, key_worker, django_assert_max_num_queries
):
    """Her plan's review date comes from a subquery and the row from only its columns: the
    page still shows both, in the same queries however many women."""
    women = [
        Woman.objects.create(
            centre=centre,
            first_name=f"W{i}",
            last_name="X",
            stage=Stage.INTENSIVE,
            key_worker=key_worker,
        )
        for i in range(3)
    ]
    SupportPlan.objects.create(woman=women[0], next_review_on="2030-01-15")
    client = client_for(key_worker)
    client.get(reverse("casework:caseload"))
    with django_assert_max_num_queries(12):
        html = client.get(reverse("casework:caseload")).content.decode()
    assert "15 Jan" in html
    assert html.count(str(Stage.INTENSIVE.label)) >= 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's JIT")
def test_queries_are_never_compiled_to_machine_code():
    """The report's counts spent more time in PostgreSQL's JIT compiler than running: every
    connection turns it off as it opens (centre/database.py), whatever the server's setting,
    a connection opened again (after a restart of PostgreSQL, say) as well."""
    opened_again = connection.copy()
    try:
        for each in (connection, opened_again):
            with each.cursor() as cursor:
                cursor.execute("SHOW jit")
                assert cursor.fetchone()[0] == "off"
    finally:
        opened_again.close()
