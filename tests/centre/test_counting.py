"""counts_each: one count per test, in order, in one query."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from casework.models import Stage, Woman
from centre.counting import counts_each
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_counts_each_test_in_order_in_one_query(centre, other_centre):
    WomanFactory(centre=centre, first_name="Ailsa", stage=Stage.INTENSIVE)
    WomanFactory(centre=centre, first_name="Ailsa", stage=Stage.CLOSED)
    WomanFactory(centre=centre, first_name="Beth", stage=Stage.INTENSIVE)
    WomanFactory(centre=other_centre, first_name="Ailsa", stage=Stage.INTENSIVE)
    women = Woman.objects.filter(centre=centre)
    tests = [Q(first_name="Ailsa"), Q(stage=Stage.INTENSIVE), Q(first_name="Nobody")]
    with CaptureQueriesContext(connection) as queries:
        assert counts_each(women, tests) == [2, 2, 0]
        assert counts_each(women, tests[:2], of="first_name", distinct=True) == [1, 2]
    assert len(queries) == 2
