"""The caseload, record, timeline and dashboard pages cost a fixed number of queries, whatever
the number of women and contacts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework.models import Allocation
from tests.conftest import client_for

from .factories import AlertFactory, AppointmentFactory, ContactFactory, WomanFactory

pytestmark = pytest.mark.django_db


def add_data(centre, key_worker, woman, n):
    for _ in range(n):
        other = WomanFactory(centre=centre, key_worker=key_worker)
        ContactFactory.create_batch(3, woman=other, worker=key_worker)
        AppointmentFactory(woman=other, worker=key_worker)
        AlertFactory(woman=other)
    ContactFactory.create_batch(n * 3, woman=woman, worker=key_worker)
    AppointmentFactory.create_batch(n, woman=woman, worker=key_worker)
    Allocation.objects.create(woman=woman, worker=key_worker, kind="key_worker", reason="x")


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    # url name, needs a woman, query budget, who looks
    ("casework:caseload", False, 12, ("manager", "key_worker")),
    ("casework:not_heard_from", False, 7, ("manager", "key_worker")),
    ("casework:team", False, 11, ("manager",)),
    ("casework:woman", True, 14, ("manager", "key_worker")),
    ("casework:woman_timeline", True, 13, ("manager", "key_worker")),
]


@pytest.mark.parametrize(
    ("name", "needs_woman", "budget", "username"),
    [(name, needs, budget, who) for name, needs, budget, people in PAGES for who in people],
)
def test_pages_do_not_grow_with_data(
    request,
    centre,
    key_worker,
    woman,
    name,
    needs_woman,
    budget,
    username,
    django_assert_max_num_queries,
):
    user = request.getfixturevalue(username)
    client = client_for(user)
    url = reverse(name, args=[woman.pk]) if needs_woman else reverse(name)
    add_data(centre, key_worker, woman, 2)
    client.get(url)  # the first request of a session also writes the session
    small = count(client, url)
    add_data(centre, key_worker, woman, 12)
    large = count(client, url)
    assert large == small, f"{name}: {small} queries with a little data, {large} with more"
    with django_assert_max_num_queries(budget):
        client.get(url)
