"""The managers' tablet pages (the URL matrix covers who may reach them)."""

import pytest
from django.urls import reverse

from coproduction.kiosk.models import Tablet

pytestmark = pytest.mark.django_db


def test_manager_adds_a_tablet_and_sees_the_one_time_link(manager_client, centre):
    response = manager_client.post(reverse("kiosk:tablets"), {"name": "Front room"})
    html = response.content.decode()
    assert "/kiosk/enrol/" in html
    tablet = Tablet.objects.get(centre=centre)
    assert tablet.has_open_link and not tablet.is_active
    listing = manager_client.get(reverse("kiosk:tablets")).content.decode()
    assert "Front room" in listing and "Waiting to be set up" in listing
    manager_client.post(reverse("kiosk:tablet_revoke", kwargs={"pk": tablet.pk}))
    tablet.refresh_from_db()
    assert tablet.revoked_at is not None
