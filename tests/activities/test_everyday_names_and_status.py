"""Issue 18: registers show what tells women apart (first name and the initial of her last
name to a volunteer, never her full name; staff see full names), and paused and ended groups
look different from running ones."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from activities.models import Enrolment, Facilitator
from centre.models import AuditEvent

from .factories import ActivityFactory, FacilitatorFactory, WomanFactory

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


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def bex_with_photo(three_bexes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    bex = three_bexes[0]
    bex.photo.save("bex.png", ContentFile(PNG))
    return bex


def photo_url(session, woman):
    return reverse("activities:register_photo", args=[session.pk, woman.pk])


def test_her_photo_shows_on_the_register_only_where_she_agreed(
    volunteer_client, helping_volunteer, session, bex_with_photo
):
    page = volunteer_client.get(reverse("activities:register", args=[session.pk])).text
    assert photo_url(session, bex_with_photo) not in page
    assert volunteer_client.get(photo_url(session, bex_with_photo)).status_code == 404

    bex_with_photo.photo_on_registers = True
    bex_with_photo.save()
    page = volunteer_client.get(reverse("activities:register", args=[session.pk])).text
    assert photo_url(session, bex_with_photo) in page
    response = volunteer_client.get(photo_url(session, bex_with_photo))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert AuditEvent.objects.filter(
        action="activities.register.photo", woman_id=bex_with_photo.pk
    ).exists()


def test_a_volunteer_of_another_group_never_gets_her_photo(
    client, centre, volunteer, session, bex_with_photo
):
    bex_with_photo.photo_on_registers = True
    bex_with_photo.save()
    other = ActivityFactory(centre=centre, name="Other group")
    FacilitatorFactory(activity=other, kind=Facilitator.Kind.VOLUNTEER, user=volunteer)
    client.force_login(volunteer)
    assert client.get(photo_url(session, bex_with_photo)).status_code in (403, 404)
