import io

import pytest

from activities.demo import seed_demo
from activities.models import Activity, ActivityStatusChange, Attendance, Session

from .factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_two_years_and_is_safe_to_run_twice(centre, manager, volunteer):
    WomanFactory.create_batch(30, centre=centre)
    out = io.StringIO()
    seed_demo(centres=[centre], scale="small", stdout=out)
    assert Activity.objects.filter(centre=centre).count() > 15
    sessions = Session.objects.filter(centre=centre)
    first, last = sessions.order_by("date").first().date, sessions.order_by("date").last().date
    assert (last - first).days > 700
    assert Attendance.objects.filter(session__centre=centre).count() > 1000
    stopped = ActivityStatusChange.objects.filter(
        activity__centre=centre, to_status__in=["paused", "ended"]
    ).exclude(reason="")
    assert (
        stopped.filter(to_status="paused").exists() and stopped.filter(to_status="ended").exists()
    )
    assert Activity.objects.filter(centre=centre, origin="woman").exists()
    counts = (Activity.objects.count(), Session.objects.count(), Attendance.objects.count())
    seed_demo(centres=[centre], scale="small", stdout=out)
    assert (Activity.objects.count(), Session.objects.count(), Attendance.objects.count()) == counts
    assert "already there" in out.getvalue()


def test_seed_demo_without_women_makes_no_registers(centre, manager):
    out = io.StringIO()
    seed_demo(centres=[centre], scale="small", stdout=out)
    assert "no women in the demo centre yet" in out.getvalue()
    assert not Attendance.objects.exists()
    assert Session.objects.exists()
