"""Issue 10, hole 7: the suggestion numbers page suppresses small numbers on every date range,
for everyone who sees it, and volunteers do not reach it."""

from datetime import date

import pytest
from django.urls import reverse

from coproduction.suggestions.models import Suggestion
from tests.coproduction.factories import SuggestionFactory

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 10)


def numbers(client, start=DAY, end=DAY):
    """The figures part of the page (the rest holds a per-request nonce and token)."""
    response = client.get(reverse("reports:numbers"), {"start": start, "end": end})
    assert response.status_code == 200
    page = " ".join(response.text.split())
    return page[page.index("Whole months from") : page.rindex("</table>")]


def test_volunteers_do_not_reach_it(volunteer_client):
    assert volunteer_client.get(reverse("reports:numbers")).status_code == 403


def test_volunteers_are_not_offered_it(volunteer_client):
    page = volunteer_client.get(reverse("suggestions:index")).text
    assert reverse("reports:numbers") not in page


@pytest.mark.parametrize("who", ["steering_client", "manager_client"])
def test_a_one_day_range_does_not_reveal_a_safeguarding_hold(request, centre, who):
    client = request.getfixturevalue(who)
    before = numbers(client)
    SuggestionFactory(centre=centre, received_on=DAY, screening=Suggestion.Screening.HELD)
    after = numbers(client)
    assert "1 more was held" not in after
    assert after == before


@pytest.mark.parametrize("who", ["steering_client", "manager_client", "key_worker_client"])
def test_small_counts_are_suppressed_on_any_range(request, centre, who):
    client = request.getfixturevalue(who)
    for _ in range(7):
        SuggestionFactory(centre=centre, received_on=DAY, source="tablet", theme="food")
    for _ in range(2):
        SuggestionFactory(centre=centre, received_on=DAY, source="paper", theme="opening")
    page = numbers(client, date(2026, 1, 1), date(2026, 3, 31))
    assert "9 received" in page.replace("</span>", "")
    assert "fewer than 5" in page
    # The 7 tablet suggestions would give away the 2 on paper (9 - 7): hidden too.
    assert ">7<" not in page.replace(" ", "") and ">2<" not in page.replace(" ", "")


def test_numbers_page(centre, manager_client, steering_client):
    SuggestionFactory(centre=centre)
    for client in (manager_client, steering_client):
        html = client.get(reverse("reports:numbers")).content.decode()
        assert "Received, by theme" in html
    bad = manager_client.get(
        reverse("reports:numbers"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert "The end date must be on or after" in bad.content.decode()
