"""The accessibility statement on the tablet (issue 16): linked from the start page, shown inside
the tablet's own pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_tablet_shows_the_statement_inside_its_own_pages(kiosk_client):
    start = kiosk_client.get("/kiosk/").content.decode()
    assert 'href="/kiosk/accessibility/"' in start
    page = kiosk_client.get("/kiosk/accessibility/").content.decode()
    assert "Accessibility statement" in page and "kiosk-nav" in page  # the tablet's page and wipe
    assert "not yet tagged" in page
