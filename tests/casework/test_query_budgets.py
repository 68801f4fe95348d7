"""The caseload, record, timeline and dashboard pages cost a fixed number of queries, whatever
the number of women and contacts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework.models import Allocation, Consent
from tests.conftest import client_for

from .factories import AgencyFactory, AlertFactory, AppointmentFactory, ContactFactory, WomanFactory

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
    # 14, plus one each for the getting-involved and newsletter record panels (her steps on the
    # continuum; her pieces).
    ("casework:woman", True, 16, ("manager", "key_worker")),
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


SHARING_PAGES = [
    # url name, query budget, who looks, her agreement with the partner's agency.
    # Measured: 18, 13, 18, 17 and 16 (the manager and key worker pages above are unchanged).
    # Since then one more each for the newsletter's record panel (her pieces).
    ("casework:woman", 20, "partner", "agreed"),
    ("casework:woman", 14, "partner", "refused"),  # the card and her own contacts
    ("casework:woman", 20, "partner", "none"),
    ("casework:woman_timeline", 18, "partner", "agreed"),
    # With the prompt to record one, and the getting-involved and newsletter record panels.
    ("casework:woman", 19, "key_worker", "none"),
]


@pytest.mark.parametrize(("name", "budget", "username", "agreement"), SHARING_PAGES)
def test_sharing_rules_cost_a_fixed_number_of_queries(
    request,
    centre,
    key_worker,
    partner,
    woman,
    name,
    budget,
    username,
    agreement,
    django_assert_max_num_queries,
):
    """An involved partner worker's pages apply the woman's sharing agreement in a fixed
    number of queries, and the key worker's prompt does not grow with the data either."""

    agency = AgencyFactory(centre=centre, name="Housing Options")
    Allocation.objects.create(woman=woman, worker=partner, kind="involved", reason="x")
    if agreement != "none":
        Consent.objects.create(
            woman=woman,
            agency=agency,
            agreed=agreement == "agreed",
            shares=["housing"] if agreement == "agreed" else [],
        )
    client = client_for(request.getfixturevalue(username))
    url = reverse(name, args=[woman.pk])
    add_data(centre, key_worker, woman, 2)
    ContactFactory.create_batch(2, woman=woman, worker=partner)
    client.get(url)
    small = count(client, url)
    add_data(centre, key_worker, woman, 12)
    ContactFactory.create_batch(12, woman=woman, worker=partner)
    large = count(client, url)
    assert large == small, f"{name}: {small} queries with a little data, {large} with more"
    with django_assert_max_num_queries(budget):
        client.get(url)
