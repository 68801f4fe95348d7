"""Issue 18: registers show what tells women apart (first name and the initial of her last
name to a volunteer, never her full name; staff see full names), and paused and ended groups
look different from running ones."""

import pytest
from django.urls import reverse

from activities.models import Enrolment

from .factories import ActivityFactory, WomanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_bexes(centre, session):
    women = [
        WomanFactory(centre=centre, first_name="Rebecca", preferred_name="Bex", last_name=last)
        for last in ("Moss", "Tait", "Urquhart")
    ]
    for woman in women:
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    return women


def test_a_volunteer_tells_the_bexes_apart_without_their_full_names(
    volunteer_client, helping_volunteer, session, three_bexes
):
    page = volunteer_client.get(reverse("activities:register", args=[session.pk])).text
    assert "Bex M." in page and "Bex T." in page and "Bex U." in page
    for woman in three_bexes:
        assert woman.last_name not in page


def test_staff_see_full_names_on_the_register(key_worker_client, session, three_bexes):
    page = key_worker_client.get(reverse("activities:register", args=[session.pk])).text
    assert "Bex Moss" in page and "Bex Tait" in page


def test_paused_and_ended_groups_look_different(manager_client, centre):
    for status in ("running", "paused", "ended"):
        ActivityFactory(centre=centre, name=f"Group {status}", status=status)
    page = manager_client.get(reverse("activities:index"), {"status": "all"}).text
    assert 'data-status-badge="running"' in page
    for status in ("paused", "ended"):
        assert f'class="activity-row-{status}"' in page
        assert f'data-status-badge="{status}"' in page
