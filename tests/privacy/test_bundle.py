"""Subject access from the registry: the bundle holds every declared model's rows for her."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from centre.audit import audit_log
from centre.models import AuditEvent, OutboxMessage
from centre.pdf import pdf_text
from centre.personal_data import declarations, held_about
from privacy.requests.bundle import MESSAGES, messages_to

pytestmark = pytest.mark.django_db


def _bundle(tmp_path, woman):
    output = tmp_path / "bundle.zip"
    call_command("export_woman", woman=woman.pk, output=str(output), stdout=io.StringIO())
    with zipfile.ZipFile(output) as bundle:
        names = bundle.namelist()
        data = json.loads(bundle.read("everything-held.json"))
        pdf = bundle.read(f"everything-held-{woman.pk}.pdf")
    return names, data, pdf


def test_bundle_counts_equal_the_registry_for_every_declaration(seeded_woman, manager, tmp_path):
    audit_log(
        actor=manager,
        action="casework.woman.view",
        obj=seeded_woman,
        grounds="manager",
        woman_id=seeded_woman.pk,
    )
    _names, data, pdf = _bundle(tmp_path, seeded_woman)
    sections = {section["key"]: section for section in data["sections"]}
    held = held_about(seeded_woman.pk)
    assert set(sections) == set(held) | {MESSAGES.key}
    for key, rows in held.items():
        assert sections[key]["count"] == rows.count() == len(sections[key]["rows"]), key
    # Data from every app is really there (not only empty sections that agree).
    for key in (
        "casework.woman",
        "casework.contact",
        "activities.attendance",
        "meetings.groupmember",
        "newsletter.contribution",
        "involvement.helper",
        "involvement.shift",
    ):
        assert sections[key]["count"] >= 1, key
    assert sections["casework.woman"]["rows"][0]["first_name"] == "Ailsa"
    # The audit trail: who read her record, on what grounds.
    reads = data["record_access_log"]
    assert any(r["action"] == "casework.woman.view" and r["grounds"] == "manager" for r in reads)

    text = " ".join(pdf_text(pdf).split())
    assert "Ailsa" in text
    for declaration in declarations():
        # Labels are long; the first words of each must be in the PDF.
        assert " ".join(declaration.label.split()[:3]) in text, declaration.label
    assert "Who read her record" in text
    assert (
        AuditEvent.objects.filter(action="privacy.bundle.export", woman_id=seeded_woman.pk).count()
        == 1
    )


def test_files_are_named_not_embedded(woman, tmp_path):
    woman.photo.save("face.png", io.BytesIO(b"not really a png"), save=True)
    names, data, _pdf = _bundle(tmp_path, woman)
    assert len(names) == 2
    row = next(s for s in data["sections"] if s["key"] == "casework.woman")["rows"][0]
    assert row["photo"].endswith(".png")


def test_unknown_woman(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_woman", woman=999999, output=str(tmp_path / "x.zip"))


def test_messages_sent_to_her_are_in_the_bundle_and_go_with_her_erasure(seeded_woman, tmp_path):
    seeded_woman.mobile = "07700 900123"
    seeded_woman.save()
    for recipient in ("07700 900123", "07700 900999"):
        OutboxMessage.objects.create(
            purpose="appointment_reminder",
            channel="sms",
            recipient=recipient,
            body="See you Tuesday at 10.",
        )
    _names, data, _pdf = _bundle(tmp_path, seeded_woman)
    messages = next(s for s in data["sections"] if s["key"] == MESSAGES.key)
    assert messages["count"] == 1 and messages["rows"][0]["recipient"] == "07700 900123"
    assert messages_to(seeded_woman).count() == 1
