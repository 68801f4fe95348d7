"""Consent and withdrawal, credit and its choices, through every output: the PDF (read back),
the easy-read page, the tablet and the subscribers' email. The women's surname is a sentinel:
it must appear only where she chose her full name."""

import base64

import pytest
from django.urls import reverse

from centre.documents.models import Document
from centre.documents.services import document_build
from centre.models import OutboxMessage
from centre.pdf import PDFFetchRefused, pdf_text, static_only_url_fetcher
from coproduction.newsletter import selectors, services
from coproduction.newsletter.messages import ISSUE_PURPOSE
from coproduction.newsletter.models import Contribution
from tests.casework.factories import WomanFactory

from .factories import IssueFactory, png_file

pytestmark = pytest.mark.django_db

SURNAME = "Zephyrwood"  # appears nowhere unless a woman chose her full name


@pytest.fixture
def issue(centre, manager):
    issue = services.issue_create(
        centre=centre,
        by=manager,
        title="Winter news",
        deadline=IssueFactory.build().deadline,
        call_text="Send us your words.",
        ways_to_get_involved="Join the newsletter group",
        useful_numbers="Samaritans: 116 123",
    )
    return issue


def _move(piece, by, state):
    return services.contribution_move(
        piece=piece, by=by, expected_version=piece.version, state=state
    )


def _her_piece(issue, by, *, first, credit, title, body, consent=True, ready=True):
    woman = WomanFactory(centre=issue.centre, first_name=first, last_name=SURNAME, key_worker=by)
    piece = services.contribution_create(
        issue=issue,
        by=by,
        written_by=Contribution.From.WOMAN,
        woman=woman,
        source=Contribution.Source.FROM_PAPER,
        consent_to_publish=consent,
        credit=credit,
        kind=Contribution.Kind.POEM,
        title=title,
        body=body,
    )
    if ready:
        for state in (Contribution.State.IN_REVIEW, Contribution.State.READY):
            piece = _move(piece, by, state)
    return piece


@pytest.fixture
def pieces(issue, key_worker):
    return {
        "first": _her_piece(
            issue, key_worker, first="Jo", credit="first_name", title="Snow", body="Cold and white"
        ),
        "anonymous": _her_piece(
            issue, key_worker, first="Ann", credit="anonymous", title="Rain", body="Grey"
        ),
        "full": _her_piece(
            issue, key_worker, first="Fay", credit="full_name", title="Sun", body="Warm days"
        ),
        "withdrawn": _her_piece(
            issue, key_worker, first="Wendy", credit="first_name", title="Fog", body="WITHDRAWN"
        ),
        "no_consent": _her_piece(
            issue,
            key_worker,
            first="Nell",
            credit="first_name",
            title="Hail",
            body="NOCONSENT",
            consent=False,
            ready=False,
        ),
    }


def _built_pdf_text(issue, by):
    document = services.issue_build(issue=issue, by=by)
    assert document_build(document_id=document.pk, rebuild=True)
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return " ".join(pdf_text(handle.read()).split())


def test_credits_are_honoured_and_withdrawn_pieces_are_in_no_pdf(issue, pieces, manager):
    before = _built_pdf_text(issue, manager)
    assert "WITHDRAWN" in before  # ready, so printed until she withdraws it
    services.contribution_withdraw(
        piece=pieces["withdrawn"], by=manager, for_her=True, reason="She changed her mind"
    )
    # Withdrawing asked for the printed issue to be built again; build it as the worker would.
    document = selectors.issue_document(issue)
    assert document.status == Document.Status.QUEUED
    assert document_build(document_id=document.pk)
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        text = " ".join(pdf_text(handle.read()).split())
    assert "WITHDRAWN" not in text and "Fog" not in text and "Wendy" not in text
    assert "NOCONSENT" not in text
    assert "Cold and white" in text and "by Jo" in text
    assert "by Anonymous" in text and "Ann" not in text
    assert f"by Fay {SURNAME}" in text
    assert text.count(SURNAME) == 1  # only the woman who chose her full name
    assert "Samaritans: 116 123" in text and "Join the newsletter group" in text


def test_published_issue_email_and_page_honour_consent_and_credit(
    issue, pieces, manager, partner, partner_client
):
    services.subscription_set(centre=issue.centre, user=partner, on=True)
    services.contribution_withdraw(piece=pieces["withdrawn"], by=manager, for_her=True, reason="")
    services.issue_publish(issue=issue, by=manager)

    email = OutboxMessage.objects.get(purpose=ISSUE_PURPOSE, recipient=partner.email)
    for text in (email.body, email.html_body):
        assert "Fog" not in text and "Hail" not in text
        assert "Snow (Poem, by Jo)" in text and "Rain (Poem, by Anonymous)" in text
        assert f"Sun (Poem, by Fay {SURNAME})" in text
        assert text.count(SURNAME) == 1

    page = partner_client.get(reverse("newsletter:issue_read", args=[issue.pk]))
    html = page.content.decode()
    assert "Cold and white" in html and "WITHDRAWN" not in html and "NOCONSENT" not in html
    assert html.count(SURNAME) == 1
    assert "by Anonymous" in html
    # The email credits each piece as the published issue does: the credit she chose.
    for name in ("Jo", "Anonymous", f"Fay {SURNAME}"):
        assert f"by {name}" in html and f", by {name})" in email.body

    pieces["first"].refresh_from_db()
    pieces["withdrawn"].refresh_from_db()
    assert pieces["first"].state == Contribution.State.PUBLISHED
    assert pieces["withdrawn"].state == Contribution.State.READY  # withdrawn: never published


def test_the_tablet_shows_the_latest_issue_with_the_credits_she_chose(
    issue, pieces, manager, kiosk_client
):
    services.contribution_withdraw(piece=pieces["withdrawn"], by=manager, for_her=True, reason="")
    services.issue_publish(issue=issue, by=manager)
    html = kiosk_client.get(reverse("kiosk:newsletter")).content.decode()
    assert "Winter news" in html and "Cold and white" in html
    assert "WITHDRAWN" not in html and "NOCONSENT" not in html
    assert html.count(SURNAME) == 1


def test_subscribers_get_one_email_however_often_publish_is_asked(issue, pieces, manager, partner):
    services.subscription_set(centre=issue.centre, user=partner, on=True)
    services.subscription_set(centre=issue.centre, user=partner, on=True)  # twice: one row
    services.issue_publish(issue=issue, by=manager)
    with pytest.raises(Exception, match="published"):
        services.issue_publish(issue=issue, by=manager)
    issue.refresh_from_db()
    assert services._email_subscribers(issue) == 0  # a retry after a crash: nothing twice
    assert OutboxMessage.objects.filter(purpose=ISSUE_PURPOSE).count() == 1


def test_a_published_piece_cannot_be_withdrawn(issue, pieces, manager):
    services.issue_publish(issue=issue, by=manager)
    piece = Contribution.objects.get(pk=pieces["first"].pk)
    with pytest.raises(Exception, match="already published"):
        services.contribution_withdraw(piece=piece, by=manager, for_her=True, reason="")


def test_without_consent_a_piece_cannot_be_ready_and_taking_it_back_unreadies_it(
    issue, pieces, key_worker
):
    piece = pieces["no_consent"]
    piece = _move(piece, key_worker, "in_review")
    with pytest.raises(Exception, match="consent"):
        _move(piece, key_worker, "ready")
    ready = pieces["first"]
    services.contribution_consent(
        piece=ready,
        by=key_worker,
        expected_version=ready.version,
        consent_to_publish=False,
        credit="first_name",
        everyone_in_photo_agreed=False,
    )
    ready.refresh_from_db()
    assert ready.state == Contribution.State.DRAFT
    assert ready not in selectors.printable_pieces(issue)


def test_a_photo_of_people_needs_everyone_to_agree(issue, manager):
    piece = services.contribution_create(
        issue=issue,
        by=manager,
        written_by=Contribution.From.STAFF,
        source=Contribution.Source.BY_AUTHOR,
        consent_to_publish=True,
        credit="full_name",
        kind=Contribution.Kind.PHOTO,
        title="The garden party",
        image=png_file(),
        image_description="Women planting tomatoes",
        people_in_photo=True,
    )
    piece = _move(piece, manager, "in_review")
    with pytest.raises(Exception, match="Everyone in the photo"):
        _move(piece, manager, "ready")
    piece = services.contribution_consent(
        piece=piece,
        by=manager,
        expected_version=piece.version,
        consent_to_publish=True,
        credit="full_name",
        everyone_in_photo_agreed=True,
    )
    _move(piece, manager, "ready")
    text = _built_pdf_text(issue, manager)
    assert "The garden party" in text
    document = selectors.issue_document(issue)
    with document.file.open("rb") as handle:
        assert b"/Subtype /Image" in handle.read()  # the photo is inside the PDF


def test_the_pdf_takes_images_carried_in_the_page_and_nothing_else():
    png = png_file().read()
    fetched = static_only_url_fetcher("data:image/png;base64," + base64.b64encode(png).decode())
    assert fetched == {"string": png, "mime_type": "image/png"}
    for url in ("data:text/html;base64,PGgxPg==", "data:image/svg+xml;base64,PHN2Zy8+"):
        with pytest.raises(PDFFetchRefused):
            static_only_url_fetcher(url)
