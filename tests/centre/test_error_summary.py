"""Issue 18: errors GOV.UK style on every form, from the base template: one summary at the top
linking each error to its field, whichever app's form it is."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from casework.forms import ContactForm
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def summary_links(html):
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert summary, "no error summary on the page"
    return dict(re.findall(r'<a href="#([\w-]+)"[^>]*>([^<]+)</a>', summary.group(0)))


def test_a_casework_form(key_worker_client, centre, key_worker):
    woman = WomanFactory(centre=centre, key_worker=key_worker, stage="intensive")
    html = key_worker_client.post(
        reverse("casework:contact_new", args=[woman.pk]), {"contact_type": "phone"}
    ).content.decode()
    links = summary_links(html)
    assert links["id_note"] == "Short note: This field is required."
    assert 'id="id_note"' in html  # the link leads to the field itself


def test_an_activities_form(manager_client):
    html = manager_client.post(
        reverse("activities:activity_create"), {"capacity": "lots"}
    ).content.decode()
    links = summary_links(html)
    assert any(target == "id_name" for target in links), links


def test_a_platform_form(manager_client):
    html = manager_client.post(reverse("team_invite"), {"email": "not an email"}).content.decode()
    assert "id_email" in summary_links(html)


def test_no_summary_without_errors(manager_client):
    assert "error-summary" not in manager_client.get(reverse("activities:activity_create")).text


def test_every_bound_form_in_the_context_is_summarised_once():
    form = ContactForm({"contact_type": "phone"})
    html = Template("{% load error_summary %}{% error_summary %}").render(
        Context({"form": form, "same_form_again": form})
    )
    assert html.count("Short note: This field is required.") == 1
