import io

import pytest
from django.utils import timezone

from centre.demo import seed_platform
from coproduction.involvement.demo import seed_involvement
from coproduction.involvement.models import Expense, Helper, Placement, Shift, Training
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_a_realistic_pathway_once_per_centre():
    centre = seed_platform(centre_count=1)[0]
    WomanFactory.create_batch(16, centre=centre)
    seed_involvement(centres=[centre], scale="small", stdout=io.StringIO())
    statuses = list(Placement.objects.filter(centre=centre).values_list("status", flat=True))
    assert set(statuses) == set(Placement.Status.values)
    assert statuses.count(Placement.Status.BACK_SEAT) == 2
    assert Training.objects.filter(centre=centre).exists()
    shifts = Shift.objects.filter(centre=centre)
    # Weekday mornings from two weeks back to two weeks ahead (whatever day of the week it is).
    now = timezone.now()
    assert (now - shifts.earliest("starts_at").starts_at).days >= 11
    assert (shifts.latest("starts_at").starts_at - now).days >= 10
    assert set(Expense.objects.filter(centre=centre).values_list("status", flat=True)) == set(
        Expense.Status.values
    )
    assert Helper.objects.filter(centre=centre, user__username="volunteer").exists()
    count = Placement.objects.count()
    seed_involvement(centres=[centre], scale="small", stdout=io.StringIO())
    assert Placement.objects.count() == count
