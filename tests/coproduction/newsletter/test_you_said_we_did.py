"""The newsletter's "you said, we did": each item says what really happened (the poster's
wording), issues saved before the outcome was kept still print, and the migration gives them
their outcomes back. The credit line is printed in a true italic face."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.utils import timezone
from pypdf import PdfReader

from centre.documents.services import Coverage, document_render, document_unsaved
from centre.pdf import pdf_text
from coproduction.newsletter import selectors
from coproduction.newsletter.models import Issue
from coproduction.suggestions.models import Suggestion
from tests.coproduction.factories import SuggestionFactory, you_said_we_did

from .factories import IssueFactory, PieceFactory
from .test_consent_and_credit import _built_pdf_text

pytestmark = pytest.mark.django_db

CANT = "We can't fund weekly passes, but we give single tickets."
CANT_ITEM = {"you_said": "You said bus fares stop you coming.", "we_did": CANT}
DID_ITEM = {"you_said": "You wanted soup.", "we_did": "Soup on Wednesdays."}
OUTCOME_MIGRATION = "coproduction.newsletter.migrations.0002_you_said_we_did_outcome"


@pytest.fixture
def answers(centre):
    you_said_we_did(centre, **DID_ITEM, wording_approved_on=timezone.localdate())
    return SuggestionFactory(
        centre=centre,
        **CANT_ITEM,
        status=Suggestion.Status.NOT_POSSIBLE,
        reason="No money",
        wording=Suggestion.Wording.APPROVED,
        wording_approved_on=timezone.localdate(),
    )


def _pdf(issue):
    document = document_unsaved(
        centre=issue.centre, kind=selectors.ISSUE_DOCUMENT, coverage=Coverage(obj=issue)
    )
    pdf, _context = document_render(document)
    return pdf


def _text(pdf):
    return " ".join(pdf_text(pdf).split())


def test_what_could_not_be_done_says_so_in_the_printed_issue(centre, manager, answers):
    issue = IssueFactory(centre=centre)
    text = _built_pdf_text(issue, manager)
    issue.refresh_from_db()
    kept = {item["we_did"]: item["status"] for item in issue.sections["you_said_we_did"]}
    assert kept == {CANT: "not_possible", "Soup on Wednesdays.": "done"}
    assert f"We couldn't, because: {CANT}" in text
    assert f"We did: {CANT}" not in text
    assert "We did: Soup on Wednesdays." in text


def test_the_wording_does_not_say_you_said_twice(centre, manager, answers):
    text = _built_pdf_text(IssueFactory(centre=centre), manager)
    assert "You said: Bus fares stop you coming." in text
    assert "You said: You said" not in text


def test_an_issue_saved_without_outcomes_claims_neither(centre):
    issue = IssueFactory(
        centre=centre,
        status=Issue.Status.PUBLISHED,
        published_on=datetime.date(2026, 9, 1),
        sections={"built_on": "2026-08-30", "you_said_we_did": [CANT_ITEM]},
    )
    text = _text(_pdf(issue))
    assert f"Our answer: {CANT}" in text
    assert "We did:" not in text


def test_the_migration_gives_saved_issues_their_outcomes_and_keeps_every_issue(
    centre, other_centre, answers
):
    saved = {"built_on": "2026-08-30", "you_said_we_did": [CANT_ITEM, DID_ITEM]}
    issue = IssueFactory(centre=centre, sections=saved)
    elsewhere = IssueFactory(centre=other_centre, sections=saved)  # not her centre's answers
    changed = {"you_said": "Reworded since", "we_did": CANT}
    reworded = IssueFactory(centre=centre, sections={"you_said_we_did": [changed]})
    empty = IssueFactory(centre=centre)
    before = Issue.objects.count()
    importlib.import_module(OUTCOME_MIGRATION).forwards(apps, None)
    assert Issue.objects.count() == before
    issue.refresh_from_db()
    statuses = [item.get("status") for item in issue.sections["you_said_we_did"]]
    assert statuses == ["not_possible", "done"]
    elsewhere.refresh_from_db()
    assert elsewhere.sections == saved
    reworded.refresh_from_db()
    assert reworded.sections == {"you_said_we_did": [changed]}
    empty.refresh_from_db()
    assert empty.sections == {}
    assert f"We couldn't, because: {CANT}" in _text(_pdf(issue))


def test_the_credit_line_is_in_the_italic_face(centre, manager):
    """Without an italic face declared the credit printed upright (or in a slanted copy of the
    upright face, named "Oblique")."""
    issue = IssueFactory(centre=centre)
    PieceFactory(issue=issue, author=manager, state="ready")
    reader = PdfReader(io.BytesIO(_pdf(issue)))
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "Atkinson-Hyperlegible-Italic" in fonts
    assert not any("Oblique" in font for font in fonts)
