"""The organisation administrator sees the quarterly reports, read only."""

import pytest
from django.urls import reverse

from coproduction.reports.models import QuarterlyReport
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_reports_are_listed_and_cannot_be_added_in_the_admin(admin_client):
    report = QuarterlyReport.objects.create(centre=CentreFactory(), quarter="2026Q1")
    listing = admin_client.get(reverse("admin:reports_quarterlyreport_changelist"))
    assert listing.status_code == 200 and "2026Q1" in listing.content.decode()
    page = admin_client.get(reverse("admin:reports_quarterlyreport_change", args=[report.pk]))
    assert page.status_code == 200
    assert 'name="quarter"' not in page.content.decode()  # read only
    assert admin_client.get(reverse("admin:reports_quarterlyreport_add")).status_code == 403
