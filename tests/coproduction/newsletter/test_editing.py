"""Editing pieces: two editors never overwrite each other; uploads are checked with plain
messages and nothing typed is lost; states move only the allowed way; the pages keep to a
query budget."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centre.versioning import CONFLICT_MESSAGE
from coproduction.newsletter.forms import PHOTO_MAX_BYTES
from coproduction.newsletter.models import Contribution

from .factories import IssueFactory, PieceFactory, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece(issue, manager):
    return PieceFactory(issue=issue, author=manager, entered_by=manager, body="First words")


def _edit(client, piece, body, version):
    return client.post(
        reverse("newsletter:piece_edit", args=[piece.pk]),
        {"kind": "story", "title": piece.title, "body": body, "version": version},
    )


def test_two_editors_on_the_same_piece_never_overwrite_each_other(
    manager_client, volunteer_client, piece
):
    opened_at = piece.version
    assert _edit(manager_client, piece, "Words from the manager", opened_at).status_code == 302
    clash = _edit(volunteer_client, piece, "Words from the volunteer", opened_at)
    assert clash.status_code == 409
    html = clash.content.decode()
    assert str(CONFLICT_MESSAGE) in html
    assert "Words from the volunteer" in html  # her text is kept in the form
    assert "Words from the manager" in html  # and she sees what they saved
    piece.refresh_from_db()
    assert piece.body == "Words from the manager" and piece.version == opened_at + 1
    # Saving again, now on their version, is her deliberate choice.
    assert (
        _edit(volunteer_client, piece, "Words from the volunteer", piece.version).status_code == 302
    )
    piece.refresh_from_db()
    assert piece.body == "Words from the volunteer"


def test_moving_a_piece_someone_just_changed_is_a_conflict_not_a_silent_move(
    manager_client, volunteer_client, piece
):
    opened_at = piece.version
    assert _edit(manager_client, piece, "Changed", opened_at).status_code == 302
    volunteer_client.post(
        reverse("newsletter:piece_move", args=[piece.pk]),
        {"state": "in_review", "version": opened_at},
    )
    piece.refresh_from_db()
    assert piece.state == Contribution.State.DRAFT


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.txt", b"just text", "text/plain"), "not a photo we can use"),
        (
            SimpleUploadedFile("big.png", png_bytes() + b"\0" * (PHOTO_MAX_BYTES + 1), "image/png"),
            "the largest we can take is 5 MB",
        ),
        (
            SimpleUploadedFile(
                "anim.gif",
                b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
                b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
                "image/gif",
            ),
            "Choose a JPEG or PNG photo",
        ),
    ],
)
def test_a_bad_upload_gets_a_clear_message_and_keeps_what_she_typed(
    manager_client, issue, upload, message
):
    response = manager_client.post(
        reverse("newsletter:piece_create", args=[issue.pk]),
        {
            "kind": "photo",
            "title": "Our garden",
            "image": upload,
            "image_description": "Tomatoes on the windowsill",
            "credit": "first_name",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Tomatoes on the windowsill" in html and "Our garden" in html
    assert not Contribution.objects.exists()


def test_a_good_photo_is_kept_and_shown_to_the_editors(manager_client, volunteer_client, issue):
    response = manager_client.post(
        reverse("newsletter:piece_create", args=[issue.pk]),
        {
            "kind": "photo",
            "title": "Our garden",
            "image": SimpleUploadedFile("garden.png", png_bytes(), "image/png"),
            "image_description": "Tomatoes on the windowsill",
            "credit": "first_name",
            "consent_to_publish": "on",
        },
    )
    assert response.status_code == 302
    piece = Contribution.objects.get()
    photo = volunteer_client.get(reverse("newsletter:piece_photo", args=[piece.pk]))
    assert photo.status_code == 200
    assert b"".join(photo.streaming_content).startswith(b"\x89PNG")


def test_a_photo_piece_needs_its_photo_and_words_need_words(manager_client, issue):
    response = manager_client.post(
        reverse("newsletter:piece_create", args=[issue.pk]),
        {"kind": "photo", "title": "No photo", "credit": "anonymous"},
    )
    assert "A photo piece needs its photo." in response.content.decode()
    response = manager_client.post(
        reverse("newsletter:piece_create", args=[issue.pk]),
        {"kind": "poem", "title": "No words", "credit": "anonymous"},
    )
    assert "Type the piece in here." in response.content.decode()
    assert not Contribution.objects.exists()


def test_the_issue_page_keeps_to_a_query_budget(
    manager_client, issue, manager, django_assert_max_num_queries
):
    PieceFactory.create_batch(12, issue=issue, author=manager, entered_by=manager)
    with django_assert_max_num_queries(30):
        response = manager_client.get(reverse("newsletter:issue_detail", args=[issue.pk]))
    assert response.status_code == 200


def test_a_new_issue_needs_a_deadline_from_today(manager_client):
    response = manager_client.post(
        reverse("newsletter:issue_create"),
        {"title": "Late news", "deadline": "2020-01-01", "call_text": "Send us things"},
    )
    assert "That day has passed" in response.content.decode()
    assert "Late news" in response.content.decode()


def test_the_reading_pages_keep_to_a_query_budget(
    manager_client, kiosk_client, centre, manager, django_assert_max_num_queries
):
    issue = IssueFactory(centre=centre, status="published", published_on="2026-11-02")
    PieceFactory.create_batch(10, issue=issue, author=manager, state="published")
    with django_assert_max_num_queries(15):
        assert (
            manager_client.get(reverse("newsletter:issue_read", args=[issue.pk])).status_code == 200
        )
    with django_assert_max_num_queries(10):
        assert kiosk_client.get(reverse("kiosk:newsletter")).status_code == 200
    piece = issue.contributions.first()
    with django_assert_max_num_queries(20):
        assert (
            manager_client.get(reverse("newsletter:piece_detail", args=[piece.pk])).status_code
            == 200
        )


def test_the_issue_details_are_changed_and_the_deadline_is_shown_as_the_browser_reads_it(
    manager_client, issue, manager
):
    issue.created_by = manager
    issue.save()
    url = reverse("newsletter:issue_edit", args=[issue.pk])
    page = manager_client.get(url).content.decode()
    # An <input type="date"> shows only an ISO date: 19/12/2026 would show as empty.
    assert f'value="{issue.deadline:%Y-%m-%d}"' in page
    response = manager_client.post(
        url,
        {
            "title": "Spring news",
            "deadline": f"{issue.deadline:%Y-%m-%d}",
            "call_text": "New call",
            "ways_to_get_involved": issue.ways_to_get_involved,
            "useful_numbers": issue.useful_numbers,
            "version": issue.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    issue.refresh_from_db()
    assert (issue.title, issue.call_text, issue.version) == ("Spring news", "New call", 2)


def test_a_refused_comment_comes_back_with_what_she_wrote(manager_client, piece):
    long = "Too long. " * 200
    response = manager_client.post(
        reverse("newsletter:comment_add", args=[piece.pk]), {"text": long}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert long.strip() in page and "at most 1500 characters" in page.replace(",", "")
    assert not piece.comments.exists()
