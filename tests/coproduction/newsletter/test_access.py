"""Who sees what: a volunteer in the editorial group works on the issue, one outside it sees
only published issues; the steering role never sees an open issue or a woman; a partner sees
her own pieces only; another centre's issue or piece is a 404. A woman's pieces show on her
record only to those the record policy lets see it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from centre.models import OutboxMessage
from coproduction.newsletter import selectors, services
from coproduction.newsletter.messages import CALL_PURPOSE
from coproduction.newsletter.models import Contribution, Issue
from tests.casework.factories import WomanFactory
from tests.factories import member

from .factories import IssueFactory, PieceFactory, png_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def her_piece(issue, key_worker):
    woman = WomanFactory(centre=issue.centre, key_worker=key_worker, last_name="Quillfeather")
    return PieceFactory(issue=issue, woman=woman, entered_by=key_worker, title="Her poem")


@pytest.fixture
def outsider_volunteer(centre):
    return member(centre, "volunteer", username="not-an-editor")


def _status(client, name, pk, method="get", data=None):
    url = reverse(f"newsletter:{name}", args=[pk])
    return getattr(client, method)(url, data or {}).status_code


def test_the_volunteer_editor_works_on_the_issue(volunteer_client, issue, her_piece):
    assert _status(volunteer_client, "issue_detail", issue.pk) == 200
    assert _status(volunteer_client, "piece_detail", her_piece.pk) == 200
    assert _status(volunteer_client, "piece_edit", her_piece.pk) == 200
    response = volunteer_client.post(
        reverse("newsletter:comment_add", args=[her_piece.pk]), {"text": "Lovely, keep it"}
    )
    assert response.status_code == 302
    assert her_piece.comments.get().text == "Lovely, keep it"
    # She edits the words, but her consent is for those who may see the woman's record.
    assert _status(volunteer_client, "piece_consent", her_piece.pk) == 403
    page = volunteer_client.get(reverse("newsletter:piece_detail", args=[her_piece.pk]))
    assert "Quillfeather" not in page.content.decode()  # credit is her first name
    assert reverse("casework:woman", args=[her_piece.woman_id]) not in page.content.decode()


def test_a_volunteer_outside_the_group_sees_only_published_issues(
    client_for_user, outsider_volunteer, issue, her_piece, centre
):
    client = client_for_user(outsider_volunteer)
    assert _status(client, "issue_detail", issue.pk) == 404
    assert _status(client, "piece_detail", her_piece.pk) == 404
    assert _status(client, "piece_create", issue.pk) == 404
    published = IssueFactory(centre=centre, status=Issue.Status.PUBLISHED)
    assert _status(client, "issue_read", published.pk) == 200
    index = client.get(reverse("newsletter:index")).content.decode()
    assert published.title in index and issue.title not in index


def test_steering_sees_published_issues_only(steering_client, issue, her_piece, centre):
    assert _status(steering_client, "issue_detail", issue.pk) == 404
    assert _status(steering_client, "piece_detail", her_piece.pk) == 404
    assert _status(steering_client, "issue_build", issue.pk, "post") == 403
    published = IssueFactory(centre=centre, status=Issue.Status.PUBLISHED)
    assert _status(steering_client, "issue_read", published.pk) == 200


def test_a_partner_sends_pieces_in_and_sees_only_her_own(partner_client, partner, issue, her_piece):
    response = partner_client.post(
        reverse("newsletter:piece_create", args=[issue.pk]),
        {
            "kind": "guide",
            "title": "Housing advice drop-in",
            "body": "Every Thursday at 2.",
            "credit": "full_name",
            "consent_to_publish": "on",
        },
    )
    assert response.status_code == 302
    own = Contribution.objects.get(title="Housing advice drop-in")
    assert own.written_by == Contribution.From.PARTNER and own.author == partner
    assert _status(partner_client, "piece_detail", own.pk) == 200
    assert _status(partner_client, "piece_detail", her_piece.pk) == 404
    assert _status(partner_client, "piece_for_woman", issue.pk) == 403
    assert _status(partner_client, "issue_build", issue.pk, "post") == 403
    page = partner_client.get(reverse("newsletter:issue_detail", args=[issue.pk])).content
    assert b"Her poem" not in page and b"Housing advice drop-in" in page


def test_another_centres_issue_and_piece_are_404(outsider_client, issue, her_piece):
    for name, pk in (
        ("issue_detail", issue.pk),
        ("issue_edit", issue.pk),
        ("piece_detail", her_piece.pk),
    ):
        assert _status(outsider_client, name, pk) == 404
    assert _status(outsider_client, "issue_publish", issue.pk, "post") == 404


def test_only_her_womens_names_are_offered_to_a_key_worker(
    key_worker_client, key_worker, other_key_worker, issue, centre
):
    mine = WomanFactory(centre=centre, key_worker=key_worker, first_name="Mine")
    WomanFactory(centre=centre, key_worker=other_key_worker, first_name="Theirs")
    page = key_worker_client.get(reverse("newsletter:piece_for_woman", args=[issue.pk]))
    html = page.content.decode()
    assert str(mine) in html and "Theirs" not in html
    theirs = WomanFactory(centre=centre, key_worker=other_key_worker)
    response = key_worker_client.post(
        reverse("newsletter:piece_for_woman", args=[issue.pk]),
        {
            "woman": theirs.pk,
            "source": "from_paper",
            "kind": "poem",
            "title": "x",
            "body": "y",
            "credit": "anonymous",
        },
    )
    assert response.status_code == 400  # refused on the form: not one of hers
    assert b"Select a valid choice" in response.content
    assert b'value="x"' in response.content  # what was typed is kept
    assert not Contribution.objects.filter(woman=theirs).exists()


def test_her_pieces_show_on_her_record_to_her_key_worker_only(
    key_worker_client, other_key_worker, her_piece, client_for_user
):
    url = reverse("casework:woman", args=[her_piece.woman_id])
    page = key_worker_client.get(url).content.decode()
    assert "Her poem" in page
    other = client_for_user(other_key_worker).get(url).content.decode()
    assert "Her poem" not in other


def test_the_key_worker_home_lists_her_women_who_want_to_hear(
    key_worker_client, key_worker, other_key_worker, issue, centre
):
    WomanFactory(centre=centre, key_worker=key_worker, first_name="Keen", send_newsletter=True)
    WomanFactory(centre=centre, key_worker=key_worker, first_name="Quiet", send_newsletter=False)
    WomanFactory(
        centre=centre, key_worker=other_key_worker, first_name="Elsewhere", send_newsletter=True
    )
    html = key_worker_client.get(reverse("home")).content.decode()
    assert "tell her about the call" in html
    assert "Keen" in html and "Quiet" not in html and "Elsewhere" not in html


def test_the_call_goes_once_to_each_key_worker_with_women_who_asked(
    issue, manager, key_worker, other_key_worker, centre
):
    WomanFactory(centre=centre, key_worker=key_worker, send_newsletter=True)
    WomanFactory(centre=centre, key_worker=key_worker, send_newsletter=True)
    WomanFactory(centre=centre, key_worker=other_key_worker, send_newsletter=False)
    assert services.call_send(issue=issue, by=manager) == 1
    assert services.call_send(issue=issue, by=manager) == 0
    message = OutboxMessage.objects.get(purpose=CALL_PURPOSE)
    assert message.recipient == key_worker.email
    assert "2 women you work with" in message.body


def test_the_call_button_says_when_no_new_email_was_needed(
    manager_client, issue, key_worker, centre
):
    WomanFactory(centre=centre, key_worker=key_worker, send_newsletter=True)
    url = reverse("newsletter:call_send", args=[issue.pk])
    first = [str(m) for m in get_messages(manager_client.post(url).wsgi_request)]
    again = [str(m) for m in get_messages(manager_client.post(url).wsgi_request)]
    sent = "The call for contributions is on the tablet and sent to key workers."
    assert first == [sent]
    # (the first message is still waiting to be shown, so it comes first)
    assert again[1:] == [sent, "No new email was needed: every key worker already has it."]


def test_the_tablet_shows_only_photos_printed_in_the_latest_issue(kiosk_client, centre, issue):
    published = IssueFactory(
        centre=centre, status=Issue.Status.PUBLISHED, published_on="2026-11-02"
    )
    printed = PieceFactory(
        issue=published, kind="photo", state="published", image_description="Our garden"
    )
    printed.image.save("garden.png", png_file(), save=True)
    draft = PieceFactory(issue=issue, kind="photo", state="ready", image_description="Not yet")
    draft.image.save("draft.png", png_file(), save=True)
    html = kiosk_client.get(reverse("kiosk:newsletter")).content.decode()
    assert "Be in the next newsletter" in html and issue.call_text in html  # the open call
    photo_url = reverse("kiosk:newsletter_photo", args=[printed.pk])
    assert f'src="{photo_url}"' in html and 'alt="Our garden"' in html
    response = kiosk_client.get(photo_url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert kiosk_client.get(reverse("kiosk:newsletter_photo", args=[draft.pk])).status_code == 404


def test_an_editor_sees_her_issue_on_her_home_page(volunteer_client, issue):
    html = volunteer_client.get(reverse("home")).content.decode()
    assert "Newsletter you are editing" in html and issue.title in html


def test_the_panel_counts_every_woman_who_wants_to_hear_when_it_shows_only_some(
    rf, key_worker, centre, issue
):
    for name in ("Ada", "Bea", "Cat"):
        WomanFactory(centre=centre, key_worker=key_worker, first_name=name, send_newsletter=True)
    request = rf.get("/")
    request.user, request.centre = key_worker, centre
    request.membership = key_worker.memberships.get(centre=centre)
    full = selectors.women_to_tell(request, limit=2)
    assert full["count"] == 3 and len(full["women"]) == 2
    some = selectors.women_to_tell(request, limit=10)
    assert some["count"] == 3 and len(some["women"]) == 3


def test_the_editors_panel_shows_only_the_open_issues_she_edits(volunteer_client, issue, centre):
    other = IssueFactory(centre=centre, title="Someone else's issue")
    html = volunteer_client.get(reverse("home")).content.decode()
    assert issue.title in html and other.title not in html


def test_a_reader_of_a_printed_piece_sees_what_was_printed_not_how_it_came_in(
    steering_client, centre, key_worker
):
    """Consent, where it came from and its state are for those who work on it."""
    published = IssueFactory(centre=centre, status=Issue.Status.PUBLISHED)
    piece = PieceFactory(
        issue=published,
        entered_by=key_worker,
        title="Spring walk",
        state=Contribution.State.PUBLISHED,
    )
    page = steering_client.get(reverse("newsletter:piece_detail", args=[piece.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Spring walk" in text
    assert "Consent to publish" not in text and "Where it has got to" not in text
