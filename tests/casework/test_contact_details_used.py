"""Issue 18: what is recorded on a contact (length, format, needs, tool, support) is shown on
her timeline and counted in her record's summary."""

import pytest
from django.urls import reverse

from casework.documents import summary_context
from casework.models import Allocation
from tests.conftest import client_for

from .factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts(woman, key_worker):
    return [
        ContactFactory(
            woman=woman,
            centre=woman.centre,
            worker=key_worker,
            duration_minutes=30,
            contact_format="three_way",
            needs_discussed=["housing", "money"],
            tool_used="outcome_star",
            practical_support=["food"],
        ),
        ContactFactory(
            woman=woman,
            centre=woman.centre,
            worker=key_worker,
            duration_minutes=15,
            contact_format="one_to_one",
            needs_discussed=["housing"],
            practical_support=["travel", "food"],
        ),
    ]


def test_the_timeline_shows_each_contacts_details_and_counts_them(
    key_worker_client, woman, contacts
):
    response = key_worker_client.get(reverse("casework:woman_timeline", args=[woman.pk]))
    text = response.content.decode()
    assert (
        "30 min · Three-way with another agency · Needs discussed: Housing, Money and debt" in text
    )
    assert "Tool: Outcome star" in text and "Support given: Travel, Food" in text
    assert "Her contacts in numbers" in text
    assert "45 minutes in all" in text
    assert "Housing 2" in text and "Food 2" in text


def test_the_summary_counts_them(woman, contacts):
    totals = summary_context(woman)["contact_totals"]
    assert totals.count == 2 and totals.minutes == 45
    assert dict(totals.needs)["Housing"] == 2
    assert dict(totals.support) == {"Food": 2, "Travel": 1}
    assert dict(totals.tools) == {"Outcome star": 1}


def test_a_restricted_notes_details_are_hidden_from_other_workers(
    other_key_worker, woman, contacts
):
    contacts[0].restricted = True
    contacts[0].save()
    Allocation.objects.create(
        woman=woman, worker=other_key_worker, kind=Allocation.Kind.INVOLVED, reason="Covering"
    )
    client = client_for(other_key_worker)
    text = client.get(reverse("casework:woman_timeline", args=[woman.pk])).content.decode()
    assert "Three-way" not in text and "Outcome star" not in text
    assert "15 min" in text
