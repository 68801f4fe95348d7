"""The suggestion numbers page (the URL matrix covers who may reach it)."""

import pytest
from django.urls import reverse

from tests.coproduction.factories import SuggestionFactory

pytestmark = pytest.mark.django_db


def test_numbers_page(centre, manager_client, steering_client):
    SuggestionFactory(centre=centre)
    for client in (manager_client, steering_client):
        html = client.get(reverse("reports:numbers")).content.decode()
        assert "Received, by theme" in html
    bad = manager_client.get(
        reverse("reports:numbers"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert "The end date must be on or after" in bad.content.decode()
