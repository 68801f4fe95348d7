"""The report's headline activity figures, counted in the database, agree with the full
activity numbers they summarise."""

from datetime import UTC, date, datetime

import pytest

from activities.models import Attendance
from activities.selectors import activity_headline, activity_headlines, activity_numbers
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db

TAKEN = datetime(2026, 7, 1, 12, tzinfo=UTC)


def _came(woman, session):
    Attendance.objects.create(session=session, woman=woman)


def test_the_headline_agrees_with_the_full_numbers(centre, other_centre):
    art = ActivityFactory(centre=centre)
    spring = SessionFactory(activity=art, date=date(2026, 5, 6), register_taken_at=TAKEN)
    july = SessionFactory(activity=art, date=date(2026, 7, 8), register_taken_at=TAKEN)
    august = SessionFactory(activity=art, date=date(2026, 8, 5), register_taken_at=TAKEN)
    untaken = SessionFactory(activity=art, date=date(2026, 7, 22))  # no register yet
    elsewhere = SessionFactory(
        activity=ActivityFactory(centre=other_centre),
        date=date(2026, 7, 8),
        register_taken_at=TAKEN,
    )
    regular, newcomer, twice, unregistered = (WomanFactory(centre=centre) for _ in range(4))
    _came(regular, spring)
    _came(regular, july)  # came before: not new
    _came(newcomer, july)
    _came(twice, july)
    _came(twice, august)  # one woman, counted once
    _came(unregistered, untaken)  # a register not taken does not count
    _came(WomanFactory(centre=other_centre), elsewhere)

    periods = {
        "q3": (date(2026, 7, 1), date(2026, 9, 30)),
        "q2": (date(2026, 4, 1), date(2026, 6, 30)),
        "august": (date(2026, 8, 1), date(2026, 8, 31)),
    }
    together = activity_headlines(centre, periods)  # all periods in the same two queries
    for key, (start, end) in periods.items():
        totals = activity_numbers(centre, start, end)["totals"]
        expected = {"unique_women": totals["unique_women"], "new_women": totals["new_women"]}
        assert activity_headline(centre, start, end) == together[key] == expected
    assert activity_headline(centre, date(2026, 7, 1), date(2026, 9, 30)) == {
        "unique_women": 3,
        "new_women": 2,
    }
