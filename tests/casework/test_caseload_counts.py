"""The caseload counts its women once: by stage, in all (the paginator's count) and the ones
the worker holds as key worker (the warning over the centre's threshold)."""

import pytest
from django.urls import reverse

from casework import selectors
from casework.models import OPEN_STAGES, Woman
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_stage_counts_for_counts_by_stage_in_all_and_hers(centre, key_worker, other_key_worker):
    for stage, worker in [
        ("intensive", key_worker),
        ("intensive", key_worker),
        ("intensive", other_key_worker),
        ("assessment", other_key_worker),
        ("closed", key_worker),
    ]:
        WomanFactory(centre=centre, key_worker=worker, stage=stage)
    open_cases = Woman.objects.filter(centre=centre, stage__in=OPEN_STAGES)

    counts = selectors.stage_counts_for(open_cases, key_worker)

    assert counts.stages == selectors.stage_counts(open_cases)
    assert {value: n for value, _label, n in counts.stages}["intensive"] == 3
    assert counts.total == open_cases.count() == 4
    assert counts.held_by_worker == 2


def test_the_caseload_pages_with_the_counts(key_worker_client, centre, key_worker):
    for _ in range(52):
        WomanFactory(centre=centre, key_worker=key_worker, stage="intensive")
    page = key_worker_client.get(reverse("casework:caseload"))
    assert page.context["page"].paginator.count == 52
    assert page.context["page"].paginator.num_pages == 2
    assert page.context["my_count"] == 52
    assert "52 women" in page.content.decode()
