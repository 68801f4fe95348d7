from datetime import date, timedelta

import pytest
from django.utils import timezone

from activities import selectors, services
from activities.models import Attendance, Session

from .factories import (
    ActivityFactory,
    RoomFactory,
    SessionFactory,
    WomanFactory,
    status_change,
)

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


def test_week_programme_has_no_personal_data(centre, other_centre, manager, key_worker):
    room = RoomFactory(centre=centre, name="Kitchen")
    cooking = ActivityFactory(centre=centre, name="Cooking", room=room, owner=key_worker)
    session = SessionFactory(activity=cooking, date=MONDAY, room=room)
    woman = WomanFactory(centre=centre, first_name="Zelda", last_name="Quist")
    Attendance.objects.create(session=session, woman=woman)
    SessionFactory(activity=cooking, date=date(2026, 3, 9))  # next week
    SessionFactory(activity=ActivityFactory(centre=other_centre), date=MONDAY)
    programme = selectors.week_programme(centre, MONDAY)
    assert [(e["activity"], e["date"], e["room"], e["state"]) for e in programme] == [
        ("Cooking", MONDAY, "Kitchen", "on")
    ]
    flat = repr(programme)
    for personal in ("Zelda", "Quist", key_worker.first_name, key_worker.username):
        assert personal not in flat


def test_paused_and_cancelled_show_with_their_reasons(centre, manager):
    walking = ActivityFactory(centre=centre, name="Walking")
    SessionFactory(activity=walking, date=MONDAY)
    later = SessionFactory(activity=walking, date=date(2026, 3, 4))
    status_change(walking, "paused", on=date(2026, 3, 3), by=manager, reason="Leader away")
    art = ActivityFactory(centre=centre, name="Art")
    services.session_cancel(session=SessionFactory(activity=art, date=MONDAY), reason="Snow")
    states = {
        (e["activity"], e["date"]): (e["state"], e["note"])
        for e in selectors.week_programme(centre, MONDAY)
    }
    assert states[("Walking", MONDAY)] == ("on", "")
    assert states[("Walking", later.date)] == ("paused", "Leader away")
    assert states[("Art", MONDAY)] == ("cancelled", "Snow")


def test_term_programme_marks_empty_days_weeks_and_gaps(centre):
    art = ActivityFactory(centre=centre)
    SessionFactory(activity=art, date=MONDAY)  # a Monday
    SessionFactory(activity=art, date=date(2026, 3, 4))  # a Wednesday
    grid = selectors.term_programme(centre, MONDAY, date(2026, 3, 15))
    first, second = grid["weeks"]
    assert not first["empty"] and second["empty"]
    assert [d["empty"] for d in first["days"]] == [False, True, False, True, True, True, True]
    assert grid["gap_weekdays"] == [1, 3, 4]


@pytest.fixture
def numbers_world(centre, other_centre):
    """Two activities over two months with known attendance."""
    art = ActivityFactory(centre=centre, name="Art")
    cook = ActivityFactory(centre=centre, name="Cooking")
    ann, bea, cara, dee = (WomanFactory(centre=centre, first_name=n) for n in "ABCD")
    taken = timezone.now()

    def run(activity, day, women, others=0):
        session = SessionFactory(
            activity=activity, date=day, others_count=others, register_taken_at=taken
        )
        Attendance.objects.bulk_create(Attendance(session=session, woman=w) for w in women)
        return session

    run(art, date(2025, 12, 15), [dee])  # before the period: Dee is not new
    run(art, date(2026, 1, 5), [ann, dee], others=2)
    run(art, date(2026, 1, 12), [ann, bea])
    run(art, date(2026, 2, 2), [ann])
    run(art, date(2026, 2, 9), [ann])
    run(art, date(2026, 2, 16), [ann, cara])
    run(cook, date(2026, 2, 3), [bea, cara])
    SessionFactory(activity=cook, date=date(2026, 2, 10))  # register not taken: not run
    SessionFactory(activity=cook, date=date(2026, 2, 17), status=Session.Status.CANCELLED)
    run(ActivityFactory(centre=other_centre), date(2026, 1, 5), [WomanFactory(centre=other_centre)])
    return {"art": art, "cook": cook}


def test_activity_numbers(centre, numbers_world):
    numbers = selectors.activity_numbers(centre, date(2026, 1, 1), date(2026, 2, 28))
    totals = numbers["totals"]
    assert totals["sessions_run"] == 6
    assert totals["attendances"] == 10
    assert totals["others"] == 2
    assert totals["unique_women"] == 4
    assert totals["new_women"] == 3  # Ann, Bea and Cara; Dee first came in December
    assert totals["activities_run"] == 2
    art, cook = numbers["by_activity"]
    assert (art["name"], art["sessions_run"], art["attendances"], art["unique_women"]) == (
        "Art",
        5,
        8,
        4,
    )
    assert art["new_women"] == 3  # Ann, Bea, Cara new to Art; Dee came before
    # Dee and Bea came to Art but not to any of its last three sessions.
    assert art["drop_off"] == 2
    assert (cook["sessions_run"], cook["new_women"], cook["drop_off"]) == (1, 2, 0)
    january, february = numbers["by_month"]
    assert (january["month"], january["sessions_run"], january["unique_women"]) == (
        date(2026, 1, 1),
        2,
        3,
    )
    assert january["drop_off"] == 0  # Dee came in December and in January
    assert january["new_women"] == 2
    assert (february["unique_women"], february["drop_off"], february["new_women"]) == (3, 1, 1)


def test_activity_numbers_lists_groups_that_stopped(centre, manager):
    sewing = ActivityFactory(centre=centre, name="Sewing")
    status_change(sewing, "paused", on=date(2026, 1, 20), by=manager, reason="No tutor")
    numbers = selectors.activity_numbers(centre, date(2026, 1, 1), date(2026, 3, 31))
    assert numbers["stopped"] == [
        {
            "activity_id": sewing.pk,
            "name": "Sewing",
            "status": "paused",
            "reason": "No tutor",
            "on": date(2026, 1, 20),
        }
    ]


def test_register_women_are_signed_up_recent_and_present(centre, session, women):
    activity = session.activity
    old = SessionFactory(activity=activity, date=session.date - timedelta(weeks=20))
    Attendance.objects.create(session=old, woman=women[2])  # too long ago to be a regular
    recent = SessionFactory(activity=activity, date=session.date - timedelta(days=7))
    Attendance.objects.create(session=recent, woman=women[0])
    services.enrolment_add(activity=activity, woman=women[1])
    listed, present = selectors.register_women(session)
    assert {w.pk for w in listed} == {women[0].pk, women[1].pk}
    assert present == set()
    Attendance.objects.create(session=session, woman=women[2])
    listed, present = selectors.register_women(session)
    assert present == {women[2].pk} and len(listed) == 3
