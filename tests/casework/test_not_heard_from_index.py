"""The "not heard from" list is found through the index of open cases by last contact, so the
years of closed cases, whose last contact is the oldest of all, are never read on the way
(EXPLAIN ANALYZE with 3,565 more closed cases on the benchmark's large centre: 1.64 ms -> 0.12
ms). The index only serves a query whose stages are its own; this holds that they still are."""

import pytest
from django.db import connection

from casework.selectors import not_heard_from
from tests.casework.factories import WomanFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner"),
]


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("hers", [True, False], ids=["key worker", "manager"])
def test_not_heard_from_reads_open_cases_by_last_contact(centre, key_worker, hers):
    WomanFactory.create_batch(3, centre=centre, key_worker=key_worker)
    women = not_heard_from(centre, key_worker=key_worker if hers else None)[:10]
    assert "woman_open_by_last_contact" in _plan(women)
