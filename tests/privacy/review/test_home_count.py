"""The home panel's count of last month's access review items not yet reviewed: the same
number as the full review, marks read afresh, an ended month's items kept in the cache, and a
cache that is down passed by."""

from unittest import mock

import pytest

from centre.models import AuditEvent
from privacy.review import selectors
from privacy.review.models import ReviewMark

from .test_review import MONTH, month_of_events  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _mark(centre, manager, kind, item):
    ReviewMark.objects.create(centre=centre, kind=kind, item=item, by=manager)


def test_the_count_is_the_full_reviews_and_marks_count_at_once(
    centre,
    manager,
    month_of_events,  # noqa: F811
    django_assert_max_num_queries,
):
    review = selectors.month_review(centre, MONTH)
    assert review.total == 5
    assert selectors.month_not_reviewed(centre, MONTH) == review.not_reviewed == 5
    with django_assert_max_num_queries(1):  # the ended month's items come from the cache
        assert selectors.month_not_reviewed(centre, MONTH) == 5
    for kind, items in review.sections.items():
        for item in items:
            _mark(centre, manager, kind, item.key)
            expected = selectors.month_review(centre, MONTH).not_reviewed
            assert selectors.month_not_reviewed(centre, MONTH) == expected
    assert selectors.month_not_reviewed(centre, MONTH) == 0


def test_a_cache_that_is_down_is_passed_by(centre, month_of_events):  # noqa: F811
    down = ConnectionError("Redis is not there")
    with (
        mock.patch.object(selectors.cache, "get", side_effect=down),
        mock.patch.object(selectors.cache, "set", side_effect=down),
    ):
        assert selectors.month_not_reviewed(centre, MONTH) == 5


def test_the_month_under_way_is_counted_afresh(centre, manager, key_worker):
    this_month = selectors.month_start(None)
    assert selectors.month_not_reviewed(centre, this_month) == 0
    AuditEvent.objects.create(actor=manager, centre=centre, action="team.change_role")
    assert selectors.month_not_reviewed(centre, this_month) == 1
