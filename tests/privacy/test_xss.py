"""A stored cross-site scripting corpus through every free-text field of the requests (notes,
erasure reason, correction) stays inert in the pages, the bundle's PDF and its JSON."""

import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse

from centre.pdf import pdf_text
from privacy.requests.models import Correction, DataRequest
from tests.conftest import client_for

from .factories import new_data_request, proposed_erasure

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert('notes')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(2)>',
    "javascript:alert(3)",
]
TEXT = " ".join(CORPUS)


def _assert_inert(html):
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert "&lt;script&gt;alert(" in html or "&lt;script&gt;alert" in html


def test_corpus_is_escaped_in_pages_pdf_and_json(manager, second_manager, woman):
    client = client_for(manager)
    access = new_data_request(
        woman, DataRequest.Kind.ACCESS, notes=TEXT, received_on=datetime.date(2026, 11, 1)
    )
    rectification = new_data_request(
        woman, DataRequest.Kind.RECTIFICATION, notes=TEXT, received_on=datetime.date(2026, 11, 1)
    )
    Correction.objects.create(
        request=rectification, what=CORPUS[1], change=TEXT, reason=TEXT, recorded_by=manager
    )
    erasure = proposed_erasure(
        woman, manager, received_on=datetime.date(2026, 11, 1), erasure_reason=TEXT
    )
    for data_request in (access, rectification, erasure):
        page = client.get(reverse("privacy_requests:detail", args=[data_request.pk]))
        _assert_inert(page.content.decode())
    listing = client.get(reverse("privacy_requests:list")).content.decode()
    assert "<script>alert" not in listing and "onerror=" not in listing
    # A form sent back with the corpus keeps it, escaped.
    page = client.post(
        reverse("privacy_requests:correction_add", args=[rectification.pk]),
        {"what": "", "change": TEXT, "reason": TEXT},
    )
    _assert_inert(page.content.decode())

    response = client.post(reverse("privacy_requests:bundle_download", args=[access.pk]))
    with zipfile.ZipFile(io.BytesIO(response.content)) as bundle:
        data = json.loads(bundle.read("everything-held.json"))
        pdf = bundle.read(f"everything-held-{woman.pk}.pdf")
    # The JSON holds the words as data, exactly as typed.
    notes = [
        row["notes"]
        for section in data["sections"]
        if section["key"] == "privacy_requests.datarequest"
        for row in section["rows"]
    ]
    assert TEXT in notes
    # The PDF shows the corpus as text: escaped markup prints, it never becomes an element.
    text = " ".join(pdf_text(pdf).split())
    assert "<script>alert('notes')</script>" in text
    assert '<img src=x onerror="alert(1)">' in text
