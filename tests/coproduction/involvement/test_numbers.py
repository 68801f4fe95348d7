"""quarter_numbers against a quarter counted by hand (rows inside, on the edges and outside)."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduction.involvement.models import (
    ExitQuestionnaire,
    Expense,
    InvolvementStep,
    Shift,
    Training,
)
from coproduction.involvement.selectors import quarter_numbers
from tests.casework.factories import WomanFactory

from .factories import active_helper, bus_fare

pytestmark = pytest.mark.django_db

START, END = date(2026, 7, 1), date(2026, 9, 30)


def _at(day, hour):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _steps(centre, woman, *entries):
    for step, day in entries:
        InvolvementStep.objects.create(centre=centre, woman=woman, step=step, taken_on=day)


def _shift(centre, helper, day, hours, status=Shift.Status.ON):
    return Shift.objects.create(
        centre=centre,
        kind="greeter",
        starts_at=_at(day, 9),
        ends_at=_at(day, 9 + hours),
        helper=helper,
        status=status,
    )


def test_a_quarter_counted_by_hand(centre, other_centre, manager):
    helper = active_helper(centre, by=manager)  # today's steps fall outside the quarter
    InvolvementStep.objects.all().delete()
    ann, bea, cat = (WomanFactory(centre=centre) for _ in range(3))
    # Ann: two steps in the quarter (counted once as a woman, once per step).
    _steps(centre, ann, ("helping", START), ("greeter", date(2026, 8, 10)))
    # Bea: one step on the last day, one before the quarter.
    _steps(centre, bea, ("greeter", END), ("feedback", date(2026, 6, 30)))
    # Cat: only after the quarter.
    _steps(centre, cat, ("meetings", date(2026, 10, 1)))
    # Another centre's woman never counts.
    _steps(other_centre, WomanFactory(centre=other_centre), ("greeter", date(2026, 8, 1)))

    _shift(centre, helper, date(2026, 7, 6), 3)  # 3 hours
    _shift(centre, helper, date(2026, 9, 30), 2)  # 2 hours, last day
    _shift(centre, helper, date(2026, 8, 3), 4, status=Shift.Status.CANCELLED)  # not counted
    _shift(centre, None, date(2026, 8, 4), 4)  # nobody on it: not counted
    _shift(centre, helper, date(2026, 10, 1), 3)  # after

    for day in (date(2026, 7, 2), date(2026, 9, 1), date(2026, 4, 2)):
        Training.objects.create(centre=centre, helper=helper, course="Listening", completed_on=day)

    bus_fare(centre, helper, date(2026, 7, 3), "4.60", Expense.Status.CLAIMED)
    bus_fare(centre, helper, date(2026, 8, 3), "18.00", Expense.Status.APPROVED)
    bus_fare(
        centre, helper, date(2026, 9, 3), "9.20", Expense.Status.PAID, paid_on=date(2026, 9, 10)
    )
    bus_fare(centre, helper, date(2026, 8, 5), "35.00", Expense.Status.REJECTED)
    bus_fare(
        centre, helper, date(2026, 6, 20), "3.00", Expense.Status.PAID, paid_on=date(2026, 7, 1)
    )

    for day, woman, first in [
        (date(2026, 7, 9), None, ""),
        (date(2026, 8, 9), ann, ""),
        (date(2026, 9, 9), None, "Jo"),
        (date(2026, 10, 9), None, ""),
    ]:
        ExitQuestionnaire.objects.create(
            centre=centre,
            source="tablet",
            woman=woman,
            first_name=first,
            completed_on=day,
            felt_supported=4,
            would_recommend="yes",
        )

    numbers = quarter_numbers(centre, START, END)

    assert numbers["women_moving"] == 2  # Ann and Bea
    assert numbers["steps"]["greeter"] == 2
    assert numbers["steps"]["helping"] == 1
    assert numbers["steps"]["feedback"] == 0
    assert numbers["steps"]["meetings"] == 0
    assert numbers["volunteer_hours"] == 5.0
    assert numbers["training_completed"] == 2
    assert numbers["people_active"] == 1
    assert numbers["people_active_in_period"] == 0  # she became active today, after the quarter
    assert numbers["people_trained"] == 1 and numbers["training_accredited"] == 0
    assert numbers["peer_conversations"] == 0
    assert numbers["expenses_claimed"] == Decimal("31.80")  # 4.60 + 18.00 + 9.20
    assert numbers["expenses_claimed_count"] == 3
    assert numbers["expenses_paid"] == Decimal("12.20")  # 9.20 + 3.00 (paid on 1 July)
    assert numbers["expenses_paid_count"] == 2
    assert numbers["exit_questionnaires"] == 3
    assert numbers["exit_questionnaires_named"] == 2


def test_an_empty_quarter_is_all_zeros(centre):
    numbers = quarter_numbers(centre, START, END)
    assert numbers["women_moving"] == 0 and numbers["volunteer_hours"] == 0
    assert numbers["expenses_claimed"] == Decimal("0.00")
    assert set(numbers["steps"].values()) == {0}


def test_the_numbers_take_a_fixed_number_of_queries(centre, manager, django_assert_num_queries):
    active_helper(centre, by=manager)
    with django_assert_num_queries(8):
        quarter_numbers(centre, START, END)
