"""The audit search form goes through the fast field renderer (centre/form_html.py) with the
same markup crispy-forms gives it, and keeps what was typed when the dates are the wrong way."""

import re
from unittest import mock

import pytest
from crispy_forms.utils import render_crispy_form
from django.urls import reverse

from centre import form_html
from centre.forms import AuditSearchForm

pytestmark = pytest.mark.django_db


def collapsed(html):
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


@pytest.mark.parametrize("data", [None, {"date_from": "2026-02-02", "date_to": "2026-01-01"}])
def test_it_renders_as_crispy_would_without_calling_crispy(centre, manager, data):
    ours, theirs = AuditSearchForm(data, centre=centre), AuditSearchForm(data, centre=centre)
    if data:
        ours.is_valid(), theirs.is_valid()
    with mock.patch.object(form_html, "render_crispy_form") as crispy:
        html = form_html.form_html(ours)
    crispy.assert_not_called()
    assert collapsed(html) == collapsed(render_crispy_form(theirs))
    assert str(manager) in html  # her team are the choices


def test_the_search_page_keeps_the_dates_and_says_what_is_wrong(manager_client):
    url = reverse("audit_log") + "?date_from=2026-02-02&date_to=2026-01-01&action=casework"
    page = manager_client.get(url).content.decode()
    assert "The end date must be on or after the start date." in page
    assert 'value="2026-02-02"' in page and 'value="casework"' in page
    assert '<form method="get">' in page and 'id="submit-id-submit"' in page
