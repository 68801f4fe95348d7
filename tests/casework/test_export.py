"""Subject access (command and manager button) and the record PDF."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from centre.models import AuditEvent
from centre.pdf import pdf_text
from tests.conftest import client_for

from .factories import AllocationFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_export_command_writes_everything_and_is_audited(woman, tmp_path):
    ContactFactory(woman=woman, note="<b>Went well</b>")
    output = tmp_path / "bundle.zip"
    call_command("export_woman", woman=woman.pk, output=str(output), stdout=io.StringIO())
    with zipfile.ZipFile(output) as bundle:
        names = set(bundle.namelist())
        assert {"record.json", "summary.html", "summary.pdf"} <= names
        data = json.loads(bundle.read("record.json"))
        html = bundle.read("summary.html").decode()
        pdf = bundle.read("summary.pdf")
    assert data["woman"]["first_name"] == "Ailsa"
    assert data["contacts"][0]["note"] == "<b>Went well</b>"
    assert "&lt;b&gt;Went well" in html
    assert "Ailsa" in pdf_text(pdf)
    assert AuditEvent.objects.filter(action="casework.woman.export").count() == 1


def test_export_command_unknown_woman(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_woman", woman=999999, output=str(tmp_path / "x.zip"))


def test_manager_button_downloads_the_bundle(manager_client, woman):
    response = manager_client.post(reverse("casework:woman_export", args=[woman.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert AuditEvent.objects.filter(action="casework.woman.export").count() == 1


def test_key_worker_cannot_export(key_worker_client, woman):
    assert (
        key_worker_client.post(reverse("casework:woman_export", args=[woman.pk])).status_code == 403
    )


def test_record_pdf_is_audited_and_hides_restricted_notes(woman, other_key_worker):
    AllocationFactory(woman=woman, worker=other_key_worker)
    ContactFactory(woman=woman, note="Secret note", restricted=True)
    ContactFactory(woman=woman, note="Ordinary note")
    response = client_for(other_key_worker).get(reverse("casework:woman_pdf", args=[woman.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Ordinary note" in text and "Secret note" not in text
    assert AuditEvent.objects.filter(action="casework.woman.pdf").count() == 1
