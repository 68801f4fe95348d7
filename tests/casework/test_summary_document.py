"""The woman's record summary is a platform document kind: made fresh for each download, for one
reader, never stored, checked by the record policy and audited against her."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from casework.access import Grounds
from casework.charts import distance_travelled_svg
from casework.documents import EVERYTHING_HELD, SUMMARY, summary_pdf
from casework.models import Contact
from centre.documents.models import Document
from centre.documents.services import (
    Coverage,
    document_build_now,
    document_render,
    document_unsaved,
)
from centre.models import AuditEvent
from centre.pdf import pdf_text
from tests.conftest import client_for

from .factories import AllocationFactory, AppointmentFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_download_is_made_for_her_reader_never_stored_and_audited_with_grounds(
    key_worker_client, woman
):
    ContactFactory(woman=woman, note="Ordinary note")
    response = key_worker_client.get(reverse("casework:woman_pdf", args=[woman.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="record-{woman.pk}.pdf"'
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert "Ailsa" in text and "Ordinary note" in text
    assert not Document.objects.exists()
    event = AuditEvent.objects.get(action="casework.woman.pdf")
    assert event.woman_id == woman.pk and event.grounds == Grounds.ALLOCATED


def test_someone_not_on_her_record_gets_no_pdf_and_nothing_is_logged(other_key_worker, woman):
    response = client_for(other_key_worker).get(reverse("casework:woman_pdf", args=[woman.pk]))
    assert response.status_code == 403
    assert b"%PDF" not in response.content
    assert not AuditEvent.objects.filter(action="casework.woman.pdf").exists()


def test_the_summary_shows_only_what_the_reader_may_read(woman, other_key_worker):
    AllocationFactory(woman=woman, worker=other_key_worker)
    ContactFactory(woman=woman, note="Secret note", restricted=True)
    reader_text = pdf_text(
        client_for(other_key_worker).get(reverse("casework:woman_pdf", args=[woman.pk])).content
    )
    assert "Secret note" not in reader_text
    _document, everything = summary_pdf(woman, reader=EVERYTHING_HELD)
    assert "Secret note" in pdf_text(everything)


def test_a_build_without_a_reader_shows_nothing(woman, centre):
    document = document_unsaved(centre=centre, kind=SUMMARY, coverage=Coverage(obj=woman))
    with pytest.raises(PermissionDenied):
        document_render(document)
    with pytest.raises(PermissionDenied):
        document_build_now(centre=centre, kind=SUMMARY, coverage=Coverage(obj=woman))
    queued = Document.objects.get(kind=SUMMARY)
    assert queued.status == Document.Status.FAILED and not queued.file


def test_the_summary_lists_her_appointments_and_reads_each_line_apart(woman):
    """Her appointments are in it (they were gathered but never printed), and the particulars
    of a contact, a stage change or a sharing decision are separated, not run together."""
    AppointmentFactory(woman=woman, place="Room 2", purpose="Housing forms")
    ContactFactory(
        woman=woman,
        note="Went through the letter",
        duration_minutes=45,
        contact_format=Contact.Format.ONE_TO_ONE,
        tool_used=Contact.Tool.MY_DIRECTION,
        needs_discussed=["mental_health", "housing"],
    )
    _document, pdf = summary_pdf(woman, reader=EVERYTHING_HELD)
    text = " ".join(pdf_text(pdf).split())
    assert "Appointments" in text and "Room 2: Housing forms" in text and "Booked" in text
    assert "45 min · One-to-one · My Direction · Mental health, Housing" in text
    assert "One-to-one Mental health" not in text
    assert "Supporters –" in text


def test_the_distance_legend_fits_the_chart():
    """Each legend entry is two lines (the area, then its scores), so the longest area's name
    stays inside the chart's width instead of running off the page."""
    svg = distance_travelled_svg({"relationships": [(date(2026, 1, 5), 1), (date(2026, 3, 5), 4)]})
    assert "Relationships and abuse<tspan" in svg and "(1→4)</tspan>" in svg
