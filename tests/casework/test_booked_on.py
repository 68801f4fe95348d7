"""Appointments booked for a day are those starting in that day in the centre's time zone (a
range of moments, so the database finds them by index)."""

from datetime import UTC, date, datetime

import pytest

from casework.models import Appointment
from casework.selectors import booked_on_q
from tests.casework.factories import AppointmentFactory, WomanFactory

pytestmark = pytest.mark.django_db


def _at(*parts):
    return datetime(*parts, tzinfo=UTC)


def test_a_summer_day_runs_from_midnight_to_midnight_in_british_summer_time(centre):
    woman = WomanFactory(centre=centre)
    cancelled = Appointment.Status.CANCELLED
    expected = {
        AppointmentFactory(woman=woman, starts_at=_at(2026, 6, 30, 23, 0)),  # 00:00 on 1 July
        AppointmentFactory(woman=woman, starts_at=_at(2026, 7, 1, 22, 59)),  # 23:59 on 1 July
    }
    AppointmentFactory(woman=woman, starts_at=_at(2026, 6, 30, 22, 59))  # 23:59 on 30 June
    AppointmentFactory(woman=woman, starts_at=_at(2026, 7, 1, 23, 0))  # 00:00 on 2 July
    AppointmentFactory(woman=woman, starts_at=_at(2026, 7, 1, 12, 0), status=cancelled)

    booked = Appointment.objects.filter(booked_on_q(date(2026, 7, 1)))
    assert set(booked) == expected
    assert set(booked) == set(
        Appointment.objects.filter(starts_at__date=date(2026, 7, 1), status="booked")
    )


def test_a_winter_day_is_the_same_in_greenwich_mean_time(centre):
    woman = WomanFactory(centre=centre)
    first = AppointmentFactory(woman=woman, starts_at=_at(2026, 12, 4, 0, 0))
    last = AppointmentFactory(woman=woman, starts_at=_at(2026, 12, 4, 23, 59))
    AppointmentFactory(woman=woman, starts_at=_at(2026, 12, 5, 0, 0))
    assert set(Appointment.objects.filter(booked_on_q(date(2026, 12, 4)))) == {first, last}
