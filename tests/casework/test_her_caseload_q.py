"""Her caseload (women she is key worker for, or involved with) is found by index: the women she
is involved with are listed once a request, never a subquery inside the women's query."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casework.models import Woman
from casework.selectors import her_caseload_q
from tests.casework.factories import AllocationFactory, WomanFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _request(user, centre):
    request = RequestFactory().get("/")
    request.user = user
    request.centre = centre
    return request


def test_her_caseload_is_her_women_and_those_she_is_involved_with_now(
    centre, key_worker, other_key_worker
):
    hers = WomanFactory(centre=centre, key_worker=key_worker)
    involved = WomanFactory(centre=centre, key_worker=other_key_worker)
    AllocationFactory(woman=involved, worker=key_worker)
    was_involved = WomanFactory(centre=centre, key_worker=other_key_worker)
    AllocationFactory(woman=was_involved, worker=key_worker, ended_at=timezone.now())
    WomanFactory(centre=centre, key_worker=other_key_worker)

    request = _request(key_worker, centre)
    with CaptureQueriesContext(connection) as queries:
        first = set(Woman.objects.filter(her_caseload_q(request)))
        again = set(Woman.objects.filter(her_caseload_q(request)))
    assert first == again == {hers, involved}
    # Two queries of women and one list of her allocations, asked once for the request.
    assert len(queries) == 3


def test_a_worker_involved_with_no_one_still_has_her_own_women(centre, key_worker):
    hers = WomanFactory(centre=centre, key_worker=key_worker)
    assert list(Woman.objects.filter(her_caseload_q(_request(key_worker, centre)))) == [hers]


def test_the_caseload_page_asks_no_subquery_of_allocations(centre, key_worker, other_key_worker):
    WomanFactory(centre=centre, key_worker=key_worker)
    AllocationFactory(
        woman=WomanFactory(centre=centre, key_worker=other_key_worker), worker=key_worker
    )
    client = client_for(key_worker)
    client.get(reverse("casework:caseload"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("casework:caseload"))
    assert response.status_code == 200 and response.context["page"].paginator.count == 2
    assert not [q for q in queries if 'FROM "casework_allocation" U0' in q["sql"]]
