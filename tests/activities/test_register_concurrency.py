"""Two saves of the same register at the same moment (a double tap that reached two workers)."""

import threading

import pytest

from activities import services
from activities.models import Attendance, Session

from .factories import SessionFactory, WomanFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_record_each_woman_once(centre):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI runs it there)")
    session = SessionFactory(activity__centre=centre)
    women = [WomanFactory(centre=centre) for _ in range(5)]
    barrier = threading.Barrier(2)
    errors = []

    def save():
        try:
            barrier.wait(timeout=5)
            services.register_save(
                session=Session.objects.get(pk=session.pk),
                woman_ids=[w.pk for w in women],
                others_count=1,
                facilitator_ids=[],
                taken_by=None,
                expected_version=1,
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    assert Attendance.objects.filter(session=session).count() == 5
    assert Session.objects.get(pk=session.pk).version == 2
