"""The accessibility statement: public, in the UK public sector format, linked from every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Using this service",
    "How accessible this service is",
    "Feedback and contact information",
    "Reporting accessibility problems with this service",
    "Enforcement procedure",
    "Technical information about this service",
    "Compliance status",
    "Non-accessible content",
    "What we are doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def test_anyone_can_read_it_with_every_section_of_the_public_sector_format(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "access@centre.example.org"
    response = client.get("/accessibility/")
    assert response.status_code == 200
    text = response.content.decode()
    for heading in SECTIONS:
        assert heading in text.replace("&#x27;", "'"), heading
    assert "mailto:access@centre.example.org" in text
    assert "WCAG 2.2" in text and "We plan to fix this by" in text


def test_the_sign_in_page_links_to_it(client):
    response = client.get(reverse("login"))
    assert f'href="{reverse("accessibility")}"' in response.content.decode()


def test_every_signed_in_page_links_to_it_in_the_footer(manager_client, key_worker_client):
    for client, url in ((manager_client, "/"), (key_worker_client, "/casework/")):
        response = client.get(url, follow=True)
        assert f'href="{reverse("accessibility")}"' in response.content.decode(), url
