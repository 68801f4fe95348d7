"""The home page costs a fixed number of queries whatever the size of the centre: every app's
panels (centre/features.py) count with aggregates, never row by row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.casework.factories import ContactFactory, ReferralFactory, WomanFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Measured on 6 December 2026 with every app's panels: the manager's home shows the most. One
# of each is the list of women she is involved with, asked once so that her caseload is found by
# index (casework.selectors.her_caseload_q) rather than by reading every woman of the centre.
BUDGETS = {"manager": 23, "key_worker": 16}


def _more(centre, key_worker, n):
    for _ in range(n):
        woman = WomanFactory(centre=centre, key_worker=key_worker)
        ContactFactory.create_batch(2, woman=woman, worker=key_worker)
        ReferralFactory(centre=centre)


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", sorted(BUDGETS))
def test_home_does_not_grow_with_the_centre(request, centre, key_worker, who):
    client = client_for(request.getfixturevalue(who))
    _more(centre, key_worker, 2)
    client.get(reverse("home"))  # the first request of a session also writes the session
    small = _count(client)
    _more(centre, key_worker, 10)
    large = _count(client)
    assert large == small, f"home as {who}: {small} queries, then {large} with more data"
    assert large <= BUDGETS[who], f"home as {who}: {large} queries (budget {BUDGETS[who]})"
