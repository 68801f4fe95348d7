"""Issue 10, hole 8: a volunteer's register search finds only the women of the sessions she helps
with, and shows no placement alert detail. Women of another session of the same centre are the
sentinels: nothing about them may reach her."""

import pytest
from django.urls import reverse

from activities.models import Attendance, Enrolment
from activities.selectors import women_search

from .factories import ActivityFactory, SessionFactory, WomanFactory

pytestmark = pytest.mark.django_db


def search(client, session, q, **extra):
    return client.get(
        reverse("activities:register_search", args=[session.pk]), {"q": q, **extra}
    ).text


@pytest.fixture
def sentinels(centre):
    """Women booked on, and who came to, another activity she does not help with."""
    other = ActivityFactory(centre=centre, name="Other group")
    booked = WomanFactory(centre=centre, first_name="Sentinelbooked", last_name="Hidden")
    came = WomanFactory(centre=centre, first_name="Sentinelcame", last_name="Hidden")
    Enrolment.objects.create(activity=other, woman=booked, status="signed_up")
    Attendance.objects.create(session=SessionFactory(activity=other), woman=came)
    loose = WomanFactory(centre=centre, first_name="Sentinelloose", last_name="Hidden")
    return booked, came, loose


def test_volunteer_finds_only_the_women_of_her_own_sessions(
    volunteer_client, helping_volunteer, session, centre, sentinels
):
    mine_booked = WomanFactory(centre=centre, first_name="Sentinelmine", last_name="Shown")
    Enrolment.objects.create(activity=session.activity, woman=mine_booked, status="signed_up")
    earlier = SessionFactory(activity=session.activity)
    mine_came = WomanFactory(centre=centre, first_name="Sentinelregular", last_name="Shown")
    Attendance.objects.create(session=earlier, woman=mine_came)
    page = search(volunteer_client, session, "sentinel")
    assert "Sentinelmine" in page and "Sentinelregular" in page
    for woman in sentinels:
        assert woman.first_name not in page


def test_staff_still_find_anyone_in_the_centre(key_worker_client, session, sentinels):
    page = search(key_worker_client, session, "sentinel")
    for woman in sentinels:
        assert woman.first_name in page


def test_the_selector_itself_is_scoped(rf, volunteer, helping_volunteer, centre, sentinels):
    request = rf.get("/")
    request.user = volunteer
    request.centre = centre
    request.membership = volunteer.memberships.get(centre=centre)
    assert women_search(request, "sentinel") == []


def test_volunteer_search_shows_no_placement_alert(
    volunteer_client, helping_volunteer, session, centre, must_not_meet
):
    ann = WomanFactory(centre=centre, first_name="Ann", last_name="Smith")
    bea = WomanFactory(centre=centre, first_name="Bea", last_name="Jones")
    for woman in (ann, bea):
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    must_not_meet(ann, bea, reason="Private reason")
    page = search(volunteer_client, session, "Bea", women=[ann.pk])
    assert "Bea" in page
    assert "must not be placed" not in page and "Private reason" not in page


def test_a_newcomer_is_counted_without_browsing_anyone(
    volunteer_client, helping_volunteer, session, sentinels
):
    page = search(volunteer_client, session, "Sentinelloose")
    assert "Sentinelloose" not in page
    assert "Women not on the system" in page


def test_posting_another_womans_id_neither_records_nor_names_her(
    volunteer_client, helping_volunteer, session, sentinels
):
    booked, _came, loose = sentinels
    url = reverse("activities:register", args=[session.pk])
    data = {"women": [booked.pk, loose.pk], "others_count": "x", "version": session.version}
    response = volunteer_client.post(url, data)
    assert response.status_code == 400
    assert "Sentinel" not in response.text
    data["others_count"] = 0
    volunteer_client.post(url, data)
    assert not Attendance.objects.filter(session=session).exists()
