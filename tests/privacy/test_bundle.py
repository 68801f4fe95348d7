"""Subject access from the registry: the bundle holds every declared model's rows for her."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from activities.models import Facilitator
from casework.models import Alert, Consent, Domain
from centre.audit import audit_log
from centre.models import AuditEvent, OutboxMessage
from centre.pdf import pdf_text
from centre.personal_data import declarations, held_about
from coproduction.involvement.models import Shift
from privacy.requests.bundle import ANOTHER_WOMAN, MESSAGES, messages_to
from tests.activities.factories import ActivityFactory
from tests.casework.factories import AgencyFactory, AlertFactory, ContactFactory, WomanFactory
from tests.coproduction.involvement.factories import active_helper, shift

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


def _section(data, key):
    return next(section for section in data["sections"] if section["key"] == key)


def _words(pdf):
    return " ".join(pdf_text(pdf).split())


def test_lists_of_choices_are_in_words_and_an_empty_list_is_blank(woman, tmp_path):
    ContactFactory(woman=woman, needs_discussed=[Domain.MENTAL_HEALTH], practical_support=[])
    Consent.objects.create(
        woman=woman,
        agency=AgencyFactory(centre=woman.centre),
        shares=[Domain.HOUSING, "contact_notes"],
    )
    _names, data, pdf = _bundle(tmp_path, woman)
    text = _words(pdf)
    assert "Needs discussed Mental health" in text
    assert "What she agreed to share Needs: Housing, Contact notes written by others" in text
    assert "Practical support given" not in text  # an empty list says nothing
    assert "[" not in text and "mental_health" not in text
    # The JSON keeps the values, for a machine to read.
    contact = _section(data, "casework.contact")["rows"][0]
    assert contact["needs_discussed"] == ["mental_health"] and contact["practical_support"] == []
    assert _section(data, "casework.consent")["rows"][0]["shares"] == ["housing", "contact_notes"]


def test_other_women_are_never_named(woman, tmp_path):
    other = WomanFactory(centre=woman.centre, first_name="Elspeth", last_name="Gowdie")
    AlertFactory(woman=woman, kind=Alert.Kind.NOT_WITH, other_woman=other)
    # Any row about another woman (here her co-facilitating role) is withheld the same way.
    their_role = Facilitator.objects.create(
        activity=ActivityFactory(centre=woman.centre), kind=Facilitator.Kind.WOMAN, woman=other
    )
    her_shift = shift(woman.centre, active_helper(woman.centre, woman=woman))
    Shift.objects.filter(pk=her_shift.pk).update(facilitator=their_role)
    _names, data, pdf = _bundle(tmp_path, woman)
    text = _words(pdf)
    assert "Elspeth" not in text and "Gowdie" not in text
    assert text.count(str(ANOTHER_WOMAN)) == 2
    assert "Other people's details are withheld" in text
    json_text = json.dumps(data)
    assert "Elspeth" not in json_text and "Gowdie" not in json_text
    assert _section(data, "casework.alert")["rows"][0]["other_woman_id"] == other.pk
    assert "withheld" in data["note"]


def test_rows_are_oldest_first(woman, tmp_path):
    today = datetime.date.today()
    for days_ago, note in ((3, "Middle one"), (10, "First one"), (1, "Last one")):
        ContactFactory(woman=woman, note=note, contact_on=today - datetime.timedelta(days_ago))
    _names, data, pdf = _bundle(tmp_path, woman)
    notes = [row["note"] for row in _section(data, "casework.contact")["rows"]]
    assert notes == ["First one", "Middle one", "Last one"]
    text = _words(pdf)
    assert text.index("First one") < text.index("Middle one") < text.index("Last one")


def test_the_pdf_leaves_out_what_every_row_repeats(seeded_woman, tmp_path):
    _names, data, pdf = _bundle(tmp_path, seeded_woman)
    text = _words(pdf)
    # Her name once, in the title: not again on every row that links to her record.
    assert text.count("Ailsa Brodie") == 1
    assert f"Centre {seeded_woman.centre.name}" not in text
    assert "ID " not in text
    # The JSON keeps the links.
    contact = _section(data, "casework.contact")["rows"][0]
    assert contact["woman_id"] == seeded_woman.pk
    assert contact["centre_id"] == seeded_woman.centre_id
    # Empty sections still appear: she sees what is not held too.
    assert "Nothing of this kind is held about her." in text


def test_a_short_row_is_never_split_across_pages(woman, tmp_path):
    for number in range(14):
        ContactFactory(woman=woman, note=f"Contact number {number}", duration_minutes=30)
    _names, _data, pdf = _bundle(tmp_path, woman)
    pages = [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]
    assert sum("Contact number" in page for page in pages) > 1  # the contacts fill pages
    for page in pages:
        # Each contact's first and last lines are on the same page.
        assert page.count("We spoke or met") == page.count("Restricted note"), page
